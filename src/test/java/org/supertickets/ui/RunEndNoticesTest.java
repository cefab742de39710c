package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supertickets.ui.RunEndNotices.Notice;
import org.supertickets.ui.runqueue.RunStatus;

/** Issue 14: a notification (ControlsFX) when a run this window watched ends, and only then. */
class RunEndNoticesTest {

    @Test
    void aWatchedRunThatEndsIsAnnounced() {
        assertEquals(Optional.of(new Notice("Run completed: quickstart", "test accuracy 0.8125", false)),
                RunEndNotices.of("quickstart", RunStatus.RUNNING, RunStatus.COMPLETED, "test accuracy 0.8125"));
        assertEquals(Optional.of(new Notice("Run failed: demo", "The loss became NaN at step 40", true)),
                RunEndNotices.of("demo", RunStatus.RUNNING, RunStatus.FAILED, "The loss became NaN at step 40"));
        Notice stopped = RunEndNotices.of("q", RunStatus.STOPPING, RunStatus.STOPPED, "").orElseThrow();
        assertTrue(stopped.text().contains("resume"), stopped.text());
        assertEquals("Run completed: other", RunEndNotices.of("other", RunStatus.FOLLOWING, RunStatus.COMPLETED,
                "completed").orElseThrow().title(), "a folder another process wrote, followed here");
    }

    @Test
    void runsListedAfterARestartOrStillGoingSayNothing() {
        assertEquals(Optional.empty(), RunEndNotices.of("old", null, RunStatus.COMPLETED, "completed"));
        assertEquals(Optional.empty(), RunEndNotices.of("old", RunStatus.QUEUED, RunStatus.FAILED, "x"));
        assertEquals(Optional.empty(), RunEndNotices.of("q", RunStatus.STARTING, RunStatus.RUNNING, ""));
        assertEquals(Optional.empty(), RunEndNotices.of("q", RunStatus.RUNNING, RunStatus.PAUSED, ""));
    }
}
