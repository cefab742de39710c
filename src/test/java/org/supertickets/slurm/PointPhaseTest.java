package org.supertickets.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.supertickets.pipeline.FoundRun;

/** How Slurm's state of a task and its run folder add up to a point's phase; no point is ever silently missing. */
class PointPhaseTest {

    private static final SweepPoint POINT = new SweepPoint(2, "tiny-seed=3", "03-tiny-seed=3.json",
            "03-tiny-seed=3.log", "03-tiny-seed=3.folder");

    private static FoundRun run(boolean complete, boolean resumable, double progress) {
        return new FoundRun(Path.of("/runs/tiny-seed_3-20261202-010000"), null, null, null, complete, resumable,
                Instant.EPOCH, progress);
    }

    @Test
    void aCompletedRunFolderCompletesThePointWhateverSlurmStillSays() {
        PointStatus s = SlurmSweepTracker.status(POINT, "7_2", new TaskState("COMPLETING", "None", ""),
                run(true, false, 1));
        assertEquals(PointStatus.Phase.COMPLETED, s.phase());
    }

    @Test
    void aTaskKilledOnTheNodeFailsWithSlurmsReasonAndSaysHowToContinue() {
        PointStatus s = SlurmSweepTracker.status(POINT, "7_2", new TaskState("FAILED", "JobLaunchFailure", "0:9"),
                run(false, true, 0.5));
        assertEquals(PointStatus.Phase.FAILED, s.phase());
        assertTrue(s.resumable());
        assertEquals("FAILED (JobLaunchFailure), killed by signal 9 (KILL) at 50%; its checkpoint is kept: "
                + "'sweep --resume' continues it", s.detail());
    }

    @Test
    void aTaskSlurmCallsCompletedWithoutATicketIsAFailure() {
        PointStatus s = SlurmSweepTracker.status(POINT, "7_2", new TaskState("COMPLETED", "None", "0:0"),
                run(false, false, 0.9));
        assertEquals(PointStatus.Phase.FAILED, s.phase());
        assertTrue(s.detail().contains("did not complete"), s.detail());
    }

    @Test
    void aTaskSlurmForgotIsReportedNotDropped() {
        PointStatus s = SlurmSweepTracker.status(POINT, "7_2", null, null);
        assertEquals(PointStatus.Phase.FAILED, s.phase());
        assertTrue(s.detail().contains("7_2") && s.detail().contains("'sweep --resume' starts it again"),
                s.detail());
    }

    @Test
    void queuedAndRunningTasksAreNotEnded() {
        PointStatus pending = SlurmSweepTracker.status(POINT, "7_2", new TaskState("PENDING", "Resources", ""),
                null);
        assertEquals(PointStatus.Phase.PENDING, pending.phase());
        assertEquals("pending (Resources)", pending.detail());
        PointStatus running = SlurmSweepTracker.status(POINT, "7_2", new TaskState("RUNNING", "None", ""),
                run(false, true, 0.25));
        assertEquals(PointStatus.Phase.RUNNING, running.phase());
        assertEquals("running, 25%", running.detail());
    }
}
