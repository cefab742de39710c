package org.supertickets.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.supertickets.train.RunFinished;

/**
 * A run folder whose run completed, so it was left untouched: resuming it would drop the completed end of its log,
 * train its last interval again and rewrite its ticket. The message names the folder, its ticket and what to do
 * instead; callers keep showing the folder as it was.
 */
public final class RunCompletedException extends RunSetupException {

    private RunCompletedException(String message) {
        super(message);
    }

    /**
     * How the run in {@code folder} ended, if it completed: the last {@code run_finished} of its log, when that says
     * COMPLETED (a completed run resumed by an older version and stopped again ends with a later event).
     */
    public static Optional<RunFinished> completion(RunFolder folder) throws IOException {
        if (!Files.isRegularFile(folder.metrics())) {
            return Optional.empty();
        }
        RunFinished[] last = {null};
        RunFolderReader.forEachMetric(folder, e -> {
            if (e instanceof RunFinished f) {
                last[0] = f;
            }
        });
        return Optional.ofNullable(last[0]).filter(f -> f.outcome() == RunFinished.Outcome.COMPLETED);
    }

    /** The refusal to resume {@code folder}, whose run ended with {@code finished}. */
    public static RunCompletedException of(RunFolder folder, RunFinished finished) {
        return new RunCompletedException(String.format(Locale.ROOT, "%s completed at step %d (epoch %.2f, test acc "
                + "%s); its ticket is in %s. Resuming it would drop the end of its log, train its last interval "
                + "again and rewrite the ticket. Fix: start a new run (run %s), or retrain or finetune the ticket "
                + "(retrain %s, finetune %s).", folder.path(), finished.step(), finished.epoch(),
                RunFinished.accuracyText(finished.testAccuracy()), folder.ticket(), folder.config(), folder.ticket(),
                folder.ticket()));
    }

    /**
     * The refusal to resume the imp pipeline in {@code folder}, which finished its {@code stages} stages.
     *
     * @param baseConfig the pipeline's own config, to start a new one from
     */
    public static RunCompletedException ofPipeline(Path folder, int stages, Path ticket, Path baseConfig) {
        return new RunCompletedException(folder + " completed all its " + stages + " stages; its ticket is in "
                + ticket + ". There is nothing to resume. Fix: start a new pipeline (imp " + baseConfig + "), or "
                + "retrain or finetune the ticket (retrain " + ticket + ", finetune " + ticket + ").");
    }
}
