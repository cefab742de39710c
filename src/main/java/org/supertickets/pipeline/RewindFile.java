package org.supertickets.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.model.CorruptFileException;
import org.supertickets.run.CheckpointIo;
import org.supertickets.run.RunSetupException;
import org.supertickets.train.RewindPoint;
import org.supertickets.train.TrainerCheckpoint;

/**
 * {@code rewind.safetensors}: the train stage's network at the rewind step, which every pruning level starts
 * from. It is written the moment the train stage passes that step, so a pipeline stopped later can resume.
 */
final class RewindFile {

    private final Path file;
    private final String configHash;
    private volatile IOException saveFailure;

    /** @param configHash the hash of the train stage's config, stored with the network to catch a wrong file */
    RewindFile(Path file, String configHash) {
        this.file = file;
        this.configHash = configHash;
    }

    /** Saves the rewind point; called on the training thread, so a failure is kept for {@link #throwIfSaveFailed}. */
    void save(RewindPoint point) {
        try {
            CheckpointIo.write(file, point.asStart(configHash));
        } catch (IOException e) {
            saveFailure = e;
        }
    }

    void throwIfSaveFailed() throws IOException {
        if (saveFailure != null) {
            throw new IOException("Cannot write the rewind point " + file + ": " + saveFailure.getMessage()
                    + ". Fix: free disk space, then resume the pipeline.", saveFailure);
        }
    }

    RewindPoint read() throws RunSetupException {
        if (!Files.isRegularFile(file)) {
            throw new RunSetupException(file + " does not exist, but the train stage finished: the pruning levels "
                    + "cannot rewind without it. Fix: start the pipeline again with 'imp'.");
        }
        TrainerCheckpoint checkpoint;
        try {
            checkpoint = CheckpointIo.read(file);
        } catch (IOException | CorruptFileException e) {
            throw new RunSetupException(e.getMessage() + " Fix: start the pipeline again with 'imp'.");
        }
        if (!configHash.equals(checkpoint.configHash())) {
            throw new RunSetupException(file + " belongs to another config than this pipeline's "
                    + ImpPipeline.BASE_CONFIG + ". Fix: restore the original file, or start the pipeline again.");
        }
        return new RewindPoint(checkpoint.step(), checkpoint.network());
    }
}
