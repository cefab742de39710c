package org.supertickets.slurm;

import java.nio.file.Path;

/**
 * Where one point of a Slurm sweep stands: Slurm's state of its latest task beside its run folder's progress.
 *
 * @param point     the grid point
 * @param taskId    Slurm's id of its latest task (e.g. 1234_3); empty when never submitted
 * @param phase     what that adds up to
 * @param slurm     what Slurm says (or last said) about the task; null when Slurm knows nothing of it
 * @param runFolder its run folder; null before the run created one
 * @param progress  steps done / total of the run folder's latest attempt, 0..1 (1 once complete)
 * @param resumable true when the run did not complete and its folder holds a checkpoint to resume from
 * @param detail    one line for people: the state, Slurm's reason, the run's result or what to do
 */
public record PointStatus(SweepPoint point, String taskId, Phase phase, TaskState slurm, Path runFolder,
        double progress, boolean resumable, String detail) {

    /** The phases of a point, from Slurm's state and the run folder. */
    public enum Phase {
        /** Queued by Slurm. */
        PENDING,
        /** Its task runs. */
        RUNNING,
        /** Its run completed (a ticket in its run folder). */
        COMPLETED,
        /** Its task ended without a completed run: failed, cancelled, timed out, node lost. */
        FAILED;

        public boolean ended() {
            return this == COMPLETED || this == FAILED;
        }
    }
}
