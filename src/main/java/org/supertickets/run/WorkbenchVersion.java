package org.supertickets.run;

/** The workbench version, from the jar manifest when packaged, else the development version. */
public final class WorkbenchVersion {

    private WorkbenchVersion() {
    }

    public static String get() {
        String v = WorkbenchVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
