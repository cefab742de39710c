package org.supertickets.cli;

import java.util.concurrent.ExecutionException;
import org.supertickets.run.LocalRun;
import org.supertickets.train.RunFinished;

/** Waits for a run, cancelling it cleanly (checkpoint kept) on Ctrl-C, and maps the outcome to an exit code. */
final class RunWaiter {

    private RunWaiter() {
    }

    static int await(LocalRun run, TerminalProgress progress) {
        try (CtrlC ignored = CtrlC.runs(() -> {
            run.control().cancel();
            try {
                run.completion().get();
            } catch (InterruptedException | ExecutionException e) {
                // shutting down anyway
            }
        }, "cancel-on-ctrl-c")) {
            RunFinished finished = run.completion().get();
            progress.close();
            System.out.println(Summary.of(finished, run.folder()));
            return switch (finished.outcome()) {
                case COMPLETED -> 0;
                case CANCELLED -> Main.EXIT_CANCELLED;
                case FAILED -> Main.EXIT_FAILED;
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EXIT_CANCELLED;
        } catch (ExecutionException e) {
            boolean checkpointed = java.nio.file.Files.isRegularFile(run.folder().latestCheckpoint());
            System.err.println("The run stopped on an unexpected error: " + e.getCause() + ". Its folder is "
                    + run.folder().path() + (checkpointed ? "; the last good checkpoint is kept there (resume it)."
                    : "; no checkpoint was written yet; start the run again."));
            return Main.EXIT_FAILED;
        }
    }
}
