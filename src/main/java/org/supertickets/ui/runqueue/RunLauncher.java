package org.supertickets.ui.runqueue;

import java.nio.file.Path;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.TrainingListener;

/**
 * Starts runs. Both calls may block for seconds (data loading, engine start), so the UI calls them on a
 * background thread. Tests substitute a fake; the app uses {@link LocalRunLauncher}.
 */
public interface RunLauncher {

    /** A new run of a resolved config in a new folder under {@code runsDir}. */
    RunHandle start(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener listener)
            throws Exception;

    /** Continues an interrupted run from its latest checkpoint, in its folder (logs repaired first). */
    RunHandle resume(Path runFolder, String device, TrainingListener listener) throws Exception;
}
