package org.supertickets.ui.runqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.supertickets.train.RunFinished;
import org.supertickets.train.SegmentationMetrics;

/** A finished run's row and end notice name the measure of its task. */
class OutcomeTextTest {

    @Test
    void aSegmentationRunLeadsWithMeanIouAndCallsItsAccuracyPerPixel() {
        RunFinished seg = new RunFinished(504, 6, RunFinished.Outcome.COMPLETED, "Completed 504 steps.", 0.829, 0.4,
                0.83, 0.5, 1_380_000, 690_000, 9000, 48, 1e10, new SegmentationMetrics(0.196, 0.120, new double[11]));
        assertEquals("Completed 504 steps · ticket: test mIoU 0.196, pixel accuracy 82.9%, sparsity 50.0%, 1.38 M MACs",
                OutcomeText.of(seg));
        RunFinished cls = new RunFinished(252, 6, RunFinished.Outcome.COMPLETED, "Completed 252 steps.", 0.696, 0.9,
                0.68, 0.75, 481_000, 120_000, 5000, 30, 1e10);
        assertEquals("Completed 252 steps · ticket: test accuracy 69.6%, sparsity 75.0%, 481.0 k MACs",
                OutcomeText.of(cls), "classification as before");
    }
}
