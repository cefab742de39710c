package org.supertickets.ui;

/**
 * The system properties the desktop process needs before DJL, SLF4J or AWT first load: DJL must never download
 * natives or phone home, and both switches must be set before its first call (DJL reads OPT_OUT_TRACKING from the
 * environment or, as here, from a system property).
 */
final class DesktopProperties {

    private DesktopProperties() {
    }

    static void set() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        // Charts render through Java2D for export only; no AWT windows are ever opened.
        System.setProperty("java.awt.headless", "true");
    }
}
