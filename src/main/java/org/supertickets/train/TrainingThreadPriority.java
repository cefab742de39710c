package org.supertickets.train;

/**
 * Lets an interactive program keep its window responsive while it trains: when background priority is on,
 * the training thread lowers its own CPU priority (Linux nice {@value #BACKGROUND_NICE}) before its first
 * tensor operation, so the libtorch worker threads it then starts inherit it and yield a core to the UI's
 * event and render threads whenever those have work. Idle cores still go to training, so a run alone on the
 * machine loses nothing; only the CLI's headless runs keep normal priority (the default).
 */
public final class TrainingThreadPriority {
    static final int BACKGROUND_NICE = 10;
    private static final int PRIO_PROCESS = 0;

    private static volatile boolean background;

    private TrainingThreadPriority() {
    }

    /** The GUI turns it on once at start; training threads started afterwards run at background priority. */
    public static void useBackgroundPriority(boolean on) {
        background = on;
    }

    /**
     * Lowers the calling thread's priority when background priority is on; true when it did. Only a thread made
     * for one run calls it, first thing, before any tensor work (libtorch's threads inherit it when it starts them).
     */
    public static boolean applyToCurrentThread() {
        if (!background) {
            return false;
        }
        try {
            return LinuxLibc.instance().map(c -> c.setpriority(PRIO_PROCESS, c.gettid(), BACKGROUND_NICE) == 0)
                    .orElse(false);
        } catch (UnsatisfiedLinkError noSuchFunction) {
            return false; // a C library without gettid (glibc < 2.30): normal priority, nothing breaks
        }
    }
}
