package org.supertickets.ui.runqueue;

import org.supertickets.pipeline.FoundRun;
import org.supertickets.train.RunFinished;

/**
 * The row a run folder found on disk starts as, with the status and message of what the folder holds: completed,
 * ended (a failure says whether it can resume), written right now by another process, interrupted but resumable,
 * or interrupted before its first checkpoint.
 */
final class FoundRunRow {

    private FoundRunRow() {
    }

    /** @param writtenRecently whether the folder was written so recently that a process may still write it */
    static RunEntry of(FoundRun f, boolean writtenRecently) {
        RunEntry entry = new RunEntry(f.name(), f.config(), f.imp(), "-", RunStatus.STOPPED, f.folder());
        String resumable = f.resumable() ? " · resumable from its checkpoint" : "";
        if (f.complete()) {
            entry.setStatus(RunStatus.COMPLETED, f.finished() == null ? "completed" : OutcomeText.of(f.finished()));
        } else if (f.finished() != null) {
            entry.setStatus(RunStatus.after(f.finished()), f.finished().message()
                    + (f.finished().outcome() == RunFinished.Outcome.FAILED ? resumable : ""));
        } else if (writtenRecently && f.imp() == null) {
            entry.setStatus(RunStatus.FOLLOWING, "written right now, by another process");
        } else if (f.resumable()) {
            entry.setStatus(RunStatus.STOPPED, "interrupted (no end recorded)" + resumable);
        } else {
            entry.setStatus(RunStatus.FAILED, "interrupted before its first checkpoint: start the config again");
        }
        entry.showProgress(f.progress());
        return entry;
    }
}
