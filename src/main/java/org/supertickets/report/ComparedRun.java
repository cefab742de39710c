package org.supertickets.report;

import java.nio.file.Path;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunSummary;

/**
 * A finished run in the comparison: its folder, the summary the table and the plots show, and its curves.
 *
 * @param folder  the run folder (absolute, normalised)
 * @param summary what {@link org.supertickets.report.ComparedRuns#read} says about it
 * @param curves  its evaluations over training
 * @param curvesFolder the run folder the curves and the ticket come from: the folder itself, or a pipeline's
 *                     last stage
 */
public record ComparedRun(Path folder, RunSummary summary, RunCurves curves, Path curvesFolder) {

    public String name() {
        return summary.run();
    }

    /** Where a completed run (or a pipeline, in its last stage) keeps its ticket. */
    public Path ticketFolder() {
        return curvesFolder.resolve(RunFolder.TICKET);
    }

    @Override
    public String toString() {
        return name();
    }
}
