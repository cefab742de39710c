package org.supertickets.ui.compare;

import java.nio.file.Path;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunSummary;

/**
 * A finished run in the comparison: its folder, the summary the table and the plots show, and its curves.
 *
 * @param folder  the run folder (absolute, normalised)
 * @param summary what {@link RunSummary#read} says about it
 * @param curves  its evaluations over training
 */
public record ComparedRun(Path folder, RunSummary summary, RunCurves curves) {

    public String name() {
        return summary.run();
    }

    /** Where a completed run keeps its ticket. */
    public Path ticketFolder() {
        return folder.resolve(RunFolder.TICKET);
    }

    @Override
    public String toString() {
        return name();
    }
}
