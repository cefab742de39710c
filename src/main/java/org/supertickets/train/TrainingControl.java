package org.supertickets.train;

/**
 * Lets another thread pause, resume or cancel a run. The trainer checks it between steps, so a request takes
 * effect within one step; a cancelled run writes a checkpoint first, so it can be resumed.
 */
public final class TrainingControl {

    private volatile boolean cancelled;
    private boolean paused;

    public void cancel() {
        cancelled = true;
        synchronized (this) {
            notifyAll();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Blocks while paused (and not cancelled). */
    public synchronized void awaitIfPaused() throws InterruptedException {
        while (paused && !cancelled) {
            wait();
        }
    }
}
