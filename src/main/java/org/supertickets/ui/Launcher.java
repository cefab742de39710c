package org.supertickets.ui;

import javafx.application.Application;

/**
 * The plain main class of the desktop app: an {@code Application} subclass cannot be the main class of a
 * fat jar or {@code java -cp} ("JavaFX runtime components are missing"), this one can.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        configureOffline();
        StartupConfig.readInBackground();
        Application.launch(WorkbenchApp.class, args);
    }

    /**
     * DJL must never download natives or phone home; both switches must be set before its first call (DJL reads
     * OPT_OUT_TRACKING from the environment or, as here, from a system property).
     */
    static void configureOffline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        // Charts render through Java2D for export only; no AWT windows are ever opened.
        System.setProperty("java.awt.headless", "true");
    }
}
