package org.supertickets.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.supertickets.pipeline.ImpPipeline;
import org.supertickets.pipeline.PipelineIo;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunSetupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code resume DIR}: continue an interrupted run from its latest checkpoint, or an interrupted pipeline. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an interrupted or cancelled run from its latest checkpoint, in the same folder; "
                + "given an imp pipeline folder, continue the pipeline from the stage that stopped.")
final class ResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "the run folder, or a pipeline folder (holding pipeline.json)")
    Path runDir;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "override the device (e.g. cpu after a "
            + "GPU disappeared)")
    String device;

    @Mixin
    TensorBoardOption tensorBoard;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() {
        if (PipelineIo.isPipeline(runDir)) {
            try {
                ImpPipeline pipeline = ImpPipeline.reopen(runDir, device, PipelineConsole.observer(quiet));
                return PipelineConsole.await(pipeline, () -> pipeline.resumeIn(runDir));
            } catch (RunSetupException e) {
                System.err.println(e.getMessage());
                return Main.EXIT_BAD_INPUT;
            }
        }
        try (TerminalProgress progress = new TerminalProgress(quiet); TensorBoardOption board = tensorBoard) {
            LocalRun run = LocalRun.resume(runDir, device, board.listener(progress));
            board.startIn(run);
            return RunWaiter.await(run, progress);
        } catch (RunSetupException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
    }
}
