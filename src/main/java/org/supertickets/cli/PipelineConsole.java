package org.supertickets.cli;

import java.io.IOException;
import java.util.Locale;
import org.supertickets.pipeline.ImpPipeline;
import org.supertickets.pipeline.PipelineStage;
import org.supertickets.pipeline.StageObserver;
import org.supertickets.run.RunSetupException;
import org.supertickets.train.RunFinished;

/** Runs a pipeline (new or resumed) on the terminal: a line per stage, Ctrl-C stops it resumably, a cost table. */
final class PipelineConsole {

    /** Starts or resumes the pipeline's work and returns how it ended. */
    interface Work {
        ImpPipeline.Result run() throws RunSetupException, IOException;
    }

    private PipelineConsole() {
    }

    static StageObserver observer(boolean quiet) {
        return (kind, index, count) -> {
            System.out.printf(Locale.ROOT, "stage %d/%d: %s%n", index, count, kind);
            return new TerminalProgress(quiet);
        };
    }

    static int await(ImpPipeline pipeline, Work work) {
        try (CtrlC ignored = CtrlC.runs(pipeline::cancel, "cancel-pipeline-on-ctrl-c")) {
            ImpPipeline.Result result = work.run();
            System.out.println(result.message());
            for (PipelineStage s : result.manifest().stages()) {
                System.out.printf(Locale.ROOT, "  %-8s sparsity %.3f  test acc %.4f  train MACs %.3g  %.0f s%n",
                        s.kind(), s.sparsity(), s.testAccuracy(), s.trainingMacs(), s.wallSeconds());
            }
            System.out.printf(Locale.ROOT, "total training compute %.3g MACs, wall %.0f s; %s%n",
                    result.manifest().totalTrainingMacs(), result.manifest().totalWallSeconds(), result.folder());
            if (result.outcome() == RunFinished.Outcome.CANCELLED) {
                System.out.println("resume it with: resume " + result.folder());
            }
            return result.outcome() == RunFinished.Outcome.COMPLETED ? 0
                    : result.outcome() == RunFinished.Outcome.CANCELLED ? Main.EXIT_CANCELLED : Main.EXIT_FAILED;
        } catch (RunSetupException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        } catch (IOException e) {
            System.err.println("imp: " + e.getMessage());
            return Main.EXIT_FAILED;
        }
    }
}
