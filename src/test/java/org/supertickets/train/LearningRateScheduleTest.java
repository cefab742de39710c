package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    private static double cosine(double peak, double progress) {
        return 0.5 * peak * (1 + Math.cos(Math.PI * progress));
    }

    @Test
    void warmupThenCosineToZero() {
        LearningRateSchedule s = new LearningRateSchedule("cosine", 0.1, 10, 110);
        assertEquals(0.01, s.at(0), 1e-12);
        assertEquals(0.1, s.at(9), 1e-12);
        assertEquals(0.1, s.at(10), 1e-12);
        assertEquals(cosine(0.1, 0.25), s.at(35), 1e-12);
        assertEquals(0.0, s.at(110), 1e-12);
    }

    @Test
    void aRestartStartsTheCosineOverAtThePeakWithoutWarmupAndEndsWithTheRun() {
        LearningRateSchedule once = new LearningRateSchedule("cosine", 0.1, 10, 110);
        LearningRateSchedule restarted = new LearningRateSchedule("cosine", 0.1, 10, 110, 70);
        for (long step = 0; step < 70; step++) {
            assertEquals(once.at(step), restarted.at(step), 0, "unchanged before the restart, step " + step);
        }
        assertEquals(0.1, restarted.at(70), 1e-12);
        assertEquals(cosine(0.1, 0.5), restarted.at(90), 1e-12);
        assertEquals(0.0, restarted.at(110), 1e-12);
        assertEquals(cosine(0.1, 60.0 / 100), once.at(70), 1e-12, "the schedule it replaces was well below the peak");
    }

    @Test
    void aRestartAtOrAfterTheEndChangesNothing() {
        LearningRateSchedule once = new LearningRateSchedule("cosine", 0.1, 0, 50);
        LearningRateSchedule late = new LearningRateSchedule("cosine", 0.1, 0, 50, 50);
        LearningRateSchedule none = new LearningRateSchedule("cosine", 0.1, 0, 50, LearningRateSchedule.NO_RESTART);
        for (long step = 0; step <= 50; step++) {
            assertEquals(once.at(step), late.at(step), 0);
            assertEquals(once.at(step), none.at(step), 0);
        }
    }

    @Test
    void aConstantScheduleRestartsAtItsPeakWithoutWarmup() {
        LearningRateSchedule s = new LearningRateSchedule("constant", 0.05, 20, 100, 10);
        assertEquals(0.05 * 5 / 20, s.at(4), 1e-12);
        assertEquals(0.05, s.at(10), 1e-12, "the warm-up is not replayed");
        assertEquals(0.05, s.at(99), 1e-12);
    }
}
