package org.supertickets.cli;

/**
 * While open, Ctrl-C (or any JVM shutdown) runs {@code onCtrlC} — a run's or pipeline's cancel, which writes a
 * checkpoint — before the process exits. Close it once the work has ended on its own.
 */
final class CtrlC implements AutoCloseable {

    private final Thread hook;

    private CtrlC(Thread hook) {
        this.hook = hook;
    }

    static CtrlC runs(Runnable onCtrlC, String name) {
        Thread hook = new Thread(onCtrlC, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return new CtrlC(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }
}
