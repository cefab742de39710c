package org.supertickets.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.supertickets.space.PruningConfig;

class SparsityScheduleTest {

    private static PruningConfig config(String schedule, double target) {
        return new PruningConfig(true, target, 1.0, schedule, 0.1, 6.0, true, false, false, false);
    }

    @Test
    void staircaseAddsTenPointsPerEventThenHoldsTheTarget() {
        SparsitySchedule s = new SparsitySchedule(config("staircase", 0.85));
        assertEquals(0.1, s.ratioAtEvent(1, 1), 1e-12);
        assertEquals(0.5, s.ratioAtEvent(5, 5), 1e-12);
        assertEquals(0.8, s.ratioAtEvent(8, 8), 1e-12);
        assertEquals(0.85, s.ratioAtEvent(9, 9), 1e-12);
        assertEquals(0.85, s.ratioAtEvent(20, 20), 1e-12);
    }

    @Test
    void plannedCurveIsAStepFunctionOfEpochs() {
        SparsitySchedule s = new SparsitySchedule(config("staircase", 0.9));
        assertEquals(0.0, s.plannedAt(0.99), 1e-12);
        assertEquals(0.1, s.plannedAt(1.0), 1e-12);
        assertEquals(0.3, s.plannedAt(3.5), 1e-12);
    }

    @Test
    void cubicRisesMonotonicallyAndReachesTheTargetAtItsEnd() {
        SparsitySchedule s = new SparsitySchedule(config("cubic", 0.9));
        double previous = -1;
        for (int k = 1; k <= 10; k++) {
            double r = s.ratioAtEvent(k, k);
            assertTrue(r >= previous, "monotone at event " + k);
            previous = r;
        }
        assertEquals(0.9, s.ratioAtEvent(6, 6.0), 1e-12);
        assertEquals(0.9 * (1 - Math.pow(0.5, 3)), s.ratioAtEvent(3, 3.0), 1e-12);
    }

    @Test
    void disabledPruningPlansNothing() {
        PruningConfig off = new PruningConfig(false, 0.9, 1.0, "staircase", 0.1, 6.0, true, false, false, false);
        assertEquals(0, new SparsitySchedule(off).ratioAtEvent(3, 3), 0);
    }

    @Test
    void theStepReachingTheTargetIsTheFirstEventAtIt() {
        // events every 8 steps, 4 steps per epoch (an event every 2 epochs)
        PruningConfig staircase = new PruningConfig(true, 0.85, 2.0, "staircase", 0.1, 6.0, true, false, false, false);
        assertEquals(9 * 8, new SparsitySchedule(staircase).stepReachingTarget(8, 4, 1000), "0.1 per event: the 9th");
        assertEquals(-1, new SparsitySchedule(staircase).stepReachingTarget(8, 4, 72), "not before the run ends");
        PruningConfig cubic = new PruningConfig(true, 0.9, 2.0, "cubic", 0.1, 6.0, true, false, false, false);
        assertEquals(3 * 8, new SparsitySchedule(cubic).stepReachingTarget(8, 4, 1000), "epoch 6 = the 3rd event");
        PruningConfig off = new PruningConfig(false, 0.9, 2.0, "staircase", 0.1, 6.0, true, false, false, false);
        assertEquals(-1, new SparsitySchedule(off).stepReachingTarget(8, 4, 1000));
    }
}
