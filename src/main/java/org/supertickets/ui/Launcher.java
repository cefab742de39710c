package org.supertickets.ui;

/**
 * The plain main class of the desktop app: an {@code Application} subclass cannot be the main class of a
 * fat jar or {@code java -cp} ("JavaFX runtime components are missing"), this one can.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        WorkbenchApp.main(args);
    }
}
