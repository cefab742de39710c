package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CadenceTest {

    private static SearchSpaceConfig withIntervals(double architectureStep, double pruning, int epochs)
            throws Exception {
        SearchSpaceConfig q = ConfigIo.loadResolved(Path.of("sample-configs/quickstart.json"));
        SearchConfig s = q.search();
        PruningConfig p = q.pruning();
        return q.withSearchAndPruning(
                new SearchConfig(true, s.rho(), s.rhoWarmupEpochs(), s.gammaThreshold(), s.minShrinkMacs(),
                        architectureStep, s.bnRecalibrationBatches(), s.macsTarget(), s.macsTargetEndEpoch()),
                new PruningConfig(true, p.targetSparsity(), pruning, p.schedule(), p.increment(), p.cubicEndEpoch(),
                        p.rerank(), p.reuseMask(), p.resetMaskAfterPrune(), p.zeroPrunedWeights(), p.criterion(),
                        p.minLayerDensity(), p.lrRestartAtTarget(), p.distillAtTarget()))
                .withTraining(q.training().withEpochs(epochs));
    }

    @Test
    void equalIntervalsOverwriteEveryShrinkAtOnce() throws Exception {
        Cadence c = Cadence.of(ConfigIo.loadResolved(Path.of("sample-configs/quickstart.json")));
        assertEquals(Cadence.Kind.COINCIDENT, c.kind());
        assertEquals(11, c.shrinks(), "every half epoch of 6, the last step's one aside");
        assertEquals(0, c.denseAfter());
        assertTrue(c.describe().contains("never trains"), c.describe());
    }

    @Test
    void theOfficialImageNetCadenceTrainsDenseFiveToTwentyEpochsAfterAShrink() throws Exception {
        // architecture step every 10 epochs, pruning every 25 (paper.md), over 100 epochs:
        // shrinks at 10..90; next prunes 25, 25, 50, 50, 50, 75, 75, 100, 100 -> gaps 15 5 20 10 0 15 5 20 10
        Cadence c = Cadence.of(withIntervals(10, 25, 100));
        assertEquals(Cadence.Kind.STAGGERED, c.kind());
        assertEquals(9, c.shrinks());
        assertEquals(8, c.denseAfter());
        assertEquals(5, c.shortestDense(), 1e-12);
        assertEquals(20, c.longestDense(), 1e-12);
        assertTrue(c.describe().contains("after 8 of 9 shrinks the masks train dense for 5.00-20.0 epochs"),
                c.describe());
    }

    @Test
    void aShrinkEveryOtherPruningEventIsStillCoincident() throws Exception {
        assertEquals(Cadence.Kind.COINCIDENT, Cadence.of(withIntervals(1.0, 0.5, 6)).kind());
        Cadence half = Cadence.of(withIntervals(0.5, 1.0, 6));
        assertEquals(Cadence.Kind.STAGGERED, half.kind(), "the architecture step every half pruning interval");
        assertEquals(6, half.denseAfter());
        assertEquals(0.5, half.longestDense(), 1e-12);
    }
}
