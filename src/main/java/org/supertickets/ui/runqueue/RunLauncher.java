package org.supertickets.ui.runqueue;

import java.nio.file.Path;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingListener;

/**
 * Starts runs. Every call may block for seconds (data loading, engine start), so the UI calls them on a
 * background thread. A run reports nothing to the UI directly: it writes its run folder, and the Runs view follows
 * that folder as it follows any other ({@link org.supertickets.ui.session.RunFeed}). Tests substitute a fake; the
 * app uses {@link LocalRunLauncher}.
 */
public interface RunLauncher {

    /**
     * A new run of a resolved config in a new folder under {@code runsDir}, steered by {@code control}.
     *
     * @param inProcess null, or a listener that steers the run on its training thread at the very event it sees
     *                  (step mode pauses there); never the way events reach the charts
     */
    RunHandle start(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener inProcess,
            TrainingControl control) throws Exception;

    /**
     * The search → train → iterative-magnitude-pruning pipeline of a resolved config, in a new folder under
     * {@code runsDir} (the handle's folder); the handle's control pauses or cancels whichever stage trains. The
     * pipeline announces each stage in its folder.
     */
    RunHandle startImp(SearchSpaceConfig resolved, ImpSettings settings, Path runsDir, String device)
            throws Exception;

    /** Continues an interrupted run from its latest checkpoint, in its folder (logs repaired before it returns). */
    RunHandle resume(Path runFolder, String device) throws Exception;

    /**
     * Continues a stopped pipeline in its folder: finished stages kept, the stopped stage resumed from its
     * checkpoint, every stage it trains announced in its folder.
     */
    RunHandle resumeImp(Path pipelineFolder, String device) throws Exception;
}
