package org.supertickets.ui.runqueue;

import java.nio.file.Path;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.pipeline.StageObserver;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingListener;

/**
 * Starts runs. Both calls may block for seconds (data loading, engine start), so the UI calls them on a
 * background thread. Tests substitute a fake; the app uses {@link LocalRunLauncher}.
 */
public interface RunLauncher {

    /** A new run of a resolved config in a new folder under {@code runsDir}. */
    RunHandle start(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener listener)
            throws Exception;

    /**
     * As {@link #start(SearchSpaceConfig, Path, String, TrainingListener)}, steered by a control the caller made,
     * so that the listener can pause the run on the training thread at the very event it sees (step mode).
     * Launchers that make their own control refuse.
     */
    default RunHandle start(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener listener,
            TrainingControl control) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot run with a given control");
    }

    /**
     * The search → train → iterative-magnitude-pruning pipeline of a resolved config, in a new folder under
     * {@code runsDir}; the handle's control pauses or cancels whichever stage trains, and {@code stages} is told
     * of each stage as it starts and gives the listener that follows it.
     */
    RunHandle startImp(SearchSpaceConfig resolved, ImpSettings settings, Path runsDir, String device,
            StageObserver stages) throws Exception;

    /** Continues an interrupted run from its latest checkpoint, in its folder (logs repaired first). */
    RunHandle resume(Path runFolder, String device, TrainingListener listener) throws Exception;

    /**
     * Continues a stopped pipeline in its folder: finished stages kept, the stopped stage resumed from its
     * checkpoint; {@code stages} follows every stage still to train.
     */
    RunHandle resumeImp(Path pipelineFolder, String device, StageObserver stages) throws Exception;
}
