package org.supertickets.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.model.HostTensor;

class RiglUpdateTest {

    private static HostTensor t(float... v) {
        return new HostTensor(v, new long[] {v.length});
    }

    @Test
    void dropsTheSmallestLiveWeightsAndGrowsTheLargestGradientsKeepingTheLayersCount() {
        // Live: 0 (|w| .9), 1 (.1), 2 (.5), 3 (.05); masked: 4, 5, 6, 7 with gradients .2, .8, .01, .6.
        HostTensor w = t(.9f, -.1f, .5f, .05f, 1f, 1f, 1f, 1f);
        HostTensor m = t(1, 1, 1, 1, 0, 0, 0, 0);
        HostTensor g = t(0, 0, 0, 0, .2f, -.8f, .01f, .6f);
        RiglUpdate.Move move = RiglUpdate.apply(Map.of("l", w), Map.of("l", m), Map.of("l", g), 0.5);
        // Two moved: 3 and 1 dropped (smallest |w|), 5 and 7 grown (largest |g|).
        assertArrayEquals(new float[] {1, 0, 1, 0, 0, 1, 0, 1}, move.result().masks().get("l").data());
        assertArrayEquals(new int[] {5, 7}, move.grown().get("l"));
        LayerPruneStats stats = move.result().perLayer().get(0);
        assertEquals(4, stats.kept());
        assertEquals(2, stats.reactivated());
        assertEquals(2, stats.newlyPruned());
        assertEquals(0.1, move.result().threshold(), 1e-6);
        assertEquals(0.5, move.result().sparsity(), 1e-12);
    }

    @Test
    void aWeightDroppedAndGrownAgainKeepsItsValueAndIsNotCountedAsMoved() {
        // Live 0 (|w| .1), 1 (.9); the dropped weight 0 has the largest gradient: it is grown back at once.
        HostTensor w = t(.1f, .9f, 0f, 0f);
        HostTensor m = t(1, 1, 0, 0);
        HostTensor g = t(5f, 0, .3f, .1f);
        RiglUpdate.Move move = RiglUpdate.apply(Map.of("l", w), Map.of("l", m), Map.of("l", g), 0.5);
        assertArrayEquals(new float[] {1, 1, 0, 0}, move.result().masks().get("l").data());
        assertArrayEquals(new int[0], move.grown().get("l"), "nothing starts from zero");
        assertEquals(0, move.result().reactivated());
        assertEquals(0, move.result().newlyPruned());
    }

    @Test
    void theMovedShareDecaysAlongAHalfCosineAndStopsAtThreeQuartersOfTheRun() {
        assertEquals(0.3, RiglSchedule.fractionAt(0, 1000), 1e-12);
        assertEquals(0.15, RiglSchedule.fractionAt(375, 1000), 1e-12);
        assertEquals(0, RiglSchedule.fractionAt(750, 1000), 0);
        assertEquals(750, RiglSchedule.endStep(1000));
    }
}
