package org.supertickets.ui.runqueue;

import org.supertickets.train.RunFinished;

/** Where a run in the Runs list stands. */
public enum RunStatus {
    QUEUED("queued", false),
    STARTING("starting…", true),
    RUNNING("running", true),
    PAUSED("paused", true),
    STOPPING("stopping (writing checkpoint)…", true),
    COMPLETED("completed", false),
    STOPPED("stopped · resumable", false),
    FAILED("failed", false),
    FOLLOWING("following folder", false),
    FOLLOW_IDLE("no new data · resumable?", false);

    private final String label;
    private final boolean active;

    RunStatus(String label, boolean active) {
        this.label = label;
        this.active = active;
    }

    public String label() {
        return label;
    }

    /** True once it has ended: completed, stopped or failed. */
    public boolean ended() {
        return this == COMPLETED || this == STOPPED || this == FAILED;
    }

    /** True while this process trains it. */
    public boolean active() {
        return active;
    }

    /** Where a run stands once it has ended as {@code f} says. */
    static RunStatus after(RunFinished f) {
        return switch (f.outcome()) {
            case COMPLETED -> COMPLETED;
            case CANCELLED -> STOPPED;
            case FAILED -> FAILED;
        };
    }
}
