package org.supertickets.ui.runqueue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.supertickets.run.LocalRun;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingListener;

/** Runs in this process through {@link LocalRun}, recorded in a run folder like the CLI's. */
public final class LocalRunLauncher implements RunLauncher {

    @Override
    public RunHandle start(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener listener)
            throws Exception {
        return wrap(LocalRun.start(resolved, runsDir, device, listener));
    }

    @Override
    public RunHandle resume(Path runFolder, String device, TrainingListener listener) throws Exception {
        return wrap(LocalRun.resume(runFolder, device, listener));
    }

    private static RunHandle wrap(LocalRun run) {
        return new RunHandle() {
            @Override
            public Path folder() {
                return run.folder().path();
            }

            @Override
            public TrainingControl control() {
                return run.control();
            }

            @Override
            public CompletableFuture<RunFinished> completion() {
                return run.completion();
            }
        };
    }
}
