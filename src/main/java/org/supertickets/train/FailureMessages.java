package org.supertickets.train;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.supertickets.space.TrainingConfig;

/**
 * What a failed run tells its user: what went wrong, the fix, and what is left to continue from — the last good
 * checkpoint once one is on disk (the run resumed from one, or saved one), otherwise nothing (start again).
 */
final class FailureMessages {

    private final Device device;
    private final TrainingConfig training;
    private boolean checkpointOnDisk;

    FailureMessages(Device device, TrainingConfig training) {
        this.device = device;
        this.training = training;
    }

    /** Whether a checkpoint of this run is on disk. */
    void setCheckpointOnDisk(boolean onDisk) {
        this.checkpointOnDisk = onDisk;
    }

    /** What a failure leaves to continue from: the last good checkpoint, or nothing yet (start again). */
    String checkpointNote() {
        return checkpointOnDisk ? "the last good checkpoint is kept"
                : "no checkpoint was written yet; start the run again";
    }

    String checkpointNotWritten(IOException e) {
        return "Could not write a checkpoint: " + e.getMessage()
                + ". Fix: free disk space or check that the run folder is writable; " + checkpointNote() + ".";
    }

    String recordingFailed(UncheckedIOException e) {
        return e.getMessage() + ". Fix: free disk space or check that the run folder still "
                + "exists and is writable; " + checkpointNote() + ".";
    }

    String engineFailed(EngineException e) {
        String text = String.valueOf(e.getMessage());
        if (text.toLowerCase().contains("out of memory")) {
            return "The device ran out of memory (" + device + "). Fix: lower training.batchSize (now "
                    + training.batchSize() + ") or training.evalBatchSize; " + checkpointNote() + ".";
        }
        if (!checkpointOnDisk) {
            return "The engine failed on " + device + ": " + text + ". No checkpoint was written yet; start the run "
                    + "again (on a GPU problem with --device cpu).";
        }
        return "The engine failed on " + device + ": " + text + ". The last good checkpoint is kept; resume it, or on "
                + "a GPU problem resume with --device cpu.";
    }
}
