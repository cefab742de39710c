package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.supertickets.io.AtomicFiles;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunSetupException;
import org.supertickets.space.ConfigException;
import org.supertickets.space.SearchSpaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run CONFIG}: one two-in-one training run, recorded in a new run folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train a supernet, searching and pruning it in one run; writes a run folder with the ticket.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CONFIG", description = "search-space config (JSON), e.g. sample-configs/quickstart.json")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", converter = OutFolderOption.class,
            defaultValue = "runs", description = "where run folders go "
            + "(default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "override training.device")
    String device;

    @Option(names = "--seed", paramLabel = "N", description = "override the seed")
    Long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "override training.epochs")
    Integer epochs;

    @Mixin
    TensorBoardOption tensorBoard;

    @Option(names = "--quiet", description = "no progress bar; print only the summary")
    boolean quiet;

    @Option(names = "--record-folder", paramLabel = "FILE", description = "write the new run folder's path into "
            + "FILE as soon as it exists (how a sweep on Slurm finds each point's run)")
    Path recordFolder;

    @Override
    public Integer call() {
        SearchSpaceConfig resolved;
        try {
            resolved = Configs.load(config, seed, epochs);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        try (TerminalProgress progress = new TerminalProgress(quiet); TensorBoardOption board = tensorBoard) {
            LocalRun run = LocalRun.start(resolved, out, device, board.listener(progress));
            board.startIn(run);
            if (recordFolder != null) {
                recordFolder(run);
            }
            return RunWaiter.await(run, progress);
        } catch (RunSetupException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
    }

    /** Written atomically: whoever reads it sees no path or the whole one. A failure to write it stops nothing. */
    private void recordFolder(LocalRun run) {
        try {
            AtomicFiles.writeString(recordFolder, run.folder().path().toAbsolutePath() + "\n");
        } catch (IOException e) {
            System.err.println("Cannot write the run folder's path into " + recordFolder + ": " + e.getMessage()
                    + ". The run goes on in " + run.folder().path() + ".");
        }
    }
}
