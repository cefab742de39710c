package org.supertickets.ui.runqueue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.supertickets.pipeline.ImpPipeline;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.pipeline.StageObserver;
import org.supertickets.run.LocalRun;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingListener;

/** Runs in this process through {@link LocalRun}, recorded in a run folder like the CLI's. */
public final class LocalRunLauncher implements RunLauncher {

    /** Stage changes reach the GUI through the pipeline folder's announcements, not through a listener. */
    private static final StageObserver NO_LISTENER = (kind, index, count) -> null;

    @Override
    public RunHandle start(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener inProcess,
            TrainingControl control) throws Exception {
        return wrap(LocalRun.startStage(resolved, runsDir, device, inProcess, null, null, control));
    }

    @Override
    public RunHandle startImp(SearchSpaceConfig resolved, ImpSettings settings, Path runsDir, String device)
            throws Exception {
        ImpPipeline pipeline = new ImpPipeline(resolved, settings, device, NO_LISTENER);
        Path folder = pipeline.createFolder(runsDir);
        return inBackground(folder, pipeline, () -> pipeline.runIn(folder, null));
    }

    @Override
    public RunHandle resumeImp(Path pipelineFolder, String device) throws Exception {
        ImpPipeline pipeline = ImpPipeline.reopen(pipelineFolder, device, NO_LISTENER);
        return inBackground(pipelineFolder, pipeline, () -> pipeline.resumeIn(pipelineFolder));
    }

    /** The pipeline's work on a thread of its own; the handle completes with the pipeline as one run's summary. */
    private static RunHandle inBackground(Path folder, ImpPipeline pipeline, Callable<ImpPipeline.Result> work) {
        CompletableFuture<RunFinished> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                done.complete(work.call().summary());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, "pipeline-" + folder.getFileName());
        thread.start();
        return handle(folder, pipeline.control(), done);
    }

    @Override
    public RunHandle resume(Path runFolder, String device) throws Exception {
        return wrap(LocalRun.resume(runFolder, device, null));
    }

    private static RunHandle wrap(LocalRun run) {
        return handle(run.folder().path(), run.control(), run.completion());
    }

    private static RunHandle handle(Path folder, TrainingControl control, CompletableFuture<RunFinished> done) {
        return new RunHandle() {
            @Override
            public Path folder() {
                return folder;
            }

            @Override
            public TrainingControl control() {
                return control;
            }

            @Override
            public CompletableFuture<RunFinished> completion() {
                return done;
            }
        };
    }
}
