package org.supertickets.cli;

import java.io.IOException;
import org.supertickets.run.LocalRun;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.tensorboard.TensorBoardLog;
import org.supertickets.train.TrainingListener;
import picocli.CommandLine.Option;

/** {@code --tensorboard}: a run also writes a TensorBoard event file into its folder (see {@link TensorBoardLog}). */
final class TensorBoardOption implements AutoCloseable {

    @Option(names = "--tensorboard", description = "also write a TensorBoard event file into the run folder: scalars, "
            + "weight and |gamma| histograms per layer, the config as text, hparams (view with: tensorboard --logdir "
            + "runs)")
    boolean enabled;

    private TensorBoardLog log;

    /** The progress listener, plus the TensorBoard log when asked for. */
    TrainingListener listener(TrainingListener progress) {
        if (!enabled) {
            return progress;
        }
        log = new TensorBoardLog();
        return TrainingListener.all(progress, log);
    }

    /**
     * Starts the event file in the run's folder, now that it exists, described by the config the folder records
     * (the same for a fresh and a resumed run); a failure is reported, the run goes on.
     */
    void startIn(LocalRun run) {
        if (log == null) {
            return;
        }
        try {
            log.describe(ConfigIo.loadRecorded(run.folder().config()));
        } catch (ConfigException e) {
            System.err.println("The TensorBoard log has no config and hparams: " + e.getMessage());
        }
        try {
            System.out.println("TensorBoard log: " + log.writeInto(run.folder().path()));
        } catch (IOException e) {
            System.err.println("No TensorBoard log: cannot create its file in " + run.folder().path() + ": "
                    + e.getMessage() + " (the run goes on)");
        }
    }

    @Override
    public void close() {
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                System.err.println("The TensorBoard log may be incomplete: " + e.getMessage());
            }
        }
    }
}
