package org.supertickets.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.model.HostTensor;

class GlobalMagnitudePrunerTest {

    private static HostTensor t(float... v) {
        return new HostTensor(v, new long[] {v.length});
    }

    private static Map<String, HostTensor> layers(HostTensor a, HostTensor b) {
        Map<String, HostTensor> m = new LinkedHashMap<>();
        m.put("a", a);
        m.put("b", b);
        return m;
    }

    @Test
    void onePruneThresholdOverAllLayersNotPerLayer() {
        // Layer a holds all the small weights: a global threshold prunes it entirely, per-layer would not.
        Map<String, HostTensor> w = layers(t(0.1f, -0.2f, 0.3f, 0.05f), t(5f, -6f, 7f, 8f));
        PruneResult r = GlobalMagnitudePruner.prune(w, layers(t(1, 1, 1, 1), t(1, 1, 1, 1)), 0.5, true);
        assertArrayEquals(new float[] {0, 0, 0, 0}, r.masks().get("a").data());
        assertArrayEquals(new float[] {1, 1, 1, 1}, r.masks().get("b").data());
        assertEquals(4, r.kept());
        assertEquals(0.5, r.sparsity(), 1e-12);
        assertEquals(0.3, r.threshold(), 1e-6);
    }

    @Test
    void prunesExactlyRoundedShareWithTiesBrokenByPosition() {
        Map<String, HostTensor> w = layers(t(1, 1, 1), t(1, 1, 1, 1));
        PruneResult r = GlobalMagnitudePruner.prune(w, layers(t(1, 1, 1), t(1, 1, 1, 1)), 0.3, true);
        // round(0.3 * 7) = 2: the first two positions go.
        assertArrayEquals(new float[] {0, 0, 1}, r.masks().get("a").data());
        assertEquals(5, r.kept());
    }

    @Test
    void reRankingReactivatesAPrunedWeightThatGrewAndCountsBothDirections() {
        // Before: a[0] (now large) was pruned, b[0] (now tiny) was alive.
        Map<String, HostTensor> w = layers(t(9f, 2f), t(0.01f, 3f));
        Map<String, HostTensor> old = layers(t(0, 1), t(1, 1));
        PruneResult r = GlobalMagnitudePruner.prune(w, old, 0.25, true);
        assertArrayEquals(new float[] {1, 1}, r.masks().get("a").data());
        assertArrayEquals(new float[] {0, 1}, r.masks().get("b").data());
        assertEquals(1, r.reactivated());
        assertEquals(1, r.newlyPruned());
        assertEquals(new LayerPruneStats("a", 2, 2, 1, 0), r.perLayer().get(0));
    }

    @Test
    void withoutReRankingPrunedWeightsStayPrunedAndCountTowardTheTarget() {
        Map<String, HostTensor> w = layers(t(9f, 2f), t(0.01f, 3f));
        Map<String, HostTensor> old = layers(t(0, 1), t(1, 1));
        PruneResult r = GlobalMagnitudePruner.prune(w, old, 0.5, false);
        // Target 2 pruned: a[0] stays pruned, the smallest alive (b[0]) joins it.
        assertArrayEquals(new float[] {0, 1}, r.masks().get("a").data());
        assertArrayEquals(new float[] {0, 1}, r.masks().get("b").data());
        assertEquals(0, r.reactivated());
        assertEquals(1, r.newlyPruned());
    }

    @Test
    void zeroRatioKeepsEverything() {
        PruneResult r = GlobalMagnitudePruner.prune(layers(t(1, 2), t(3)), layers(t(1, 1), t(1)), 0, true);
        assertEquals(3, r.kept());
        assertEquals(0, r.threshold(), 0);
    }

    @Test
    void countsAreTakenAgainstThePreviousEventNotAMaskResetByAShrink() {
        // A shrink reset the masks to ones; the previous event had pruned a[1] and b[0].
        Map<String, HostTensor> w = layers(t(9f, 2f), t(0.01f, 3f));
        Map<String, HostTensor> reset = layers(t(1, 1), t(1, 1));
        Map<String, HostTensor> previous = layers(t(1, 0), t(0, 1));
        PruneResult r = GlobalMagnitudePruner.prune(w, reset, previous, 0.5, true);
        assertArrayEquals(new float[] {1, 0}, r.masks().get("a").data());
        assertArrayEquals(new float[] {0, 1}, r.masks().get("b").data());
        assertEquals(0, r.reactivated(), "the same mask came back: nothing changed since the previous event");
        assertEquals(0, r.newlyPruned());
        assertEquals(2, GlobalMagnitudePruner.prune(w, reset, 0.5, true).newlyPruned(),
                "against the reset mask everything pruned would look new");
    }

    @Test
    void aLayerDensityFloorKeepsTheLayersLargestWeightsAndTakesTheBudgetFromTheOthers() {
        // Without a floor, layer a (all small weights) is emptied at 50 %; a floor of 0.25 keeps its largest
        // weight (0.3), and the fourth pruned weight is b's smallest (5) instead.
        Map<String, HostTensor> w = layers(t(0.1f, -0.2f, 0.3f, 0.05f), t(5f, -6f, 7f, 8f));
        Map<String, HostTensor> ones = layers(t(1, 1, 1, 1), t(1, 1, 1, 1));
        PruneResult r = GlobalMagnitudePruner.prune(w, ones, ones, 0.5, true, 0.25);
        assertArrayEquals(new float[] {0, 0, 1, 0}, r.masks().get("a").data());
        assertArrayEquals(new float[] {0, 1, 1, 1}, r.masks().get("b").data());
        assertEquals(0.5, r.sparsity(), 1e-12, "the event still prunes its whole budget");
        assertEquals(5, r.threshold(), 1e-6);
    }

    @Test
    void theFloorRoundsUpCountsOnlyWeightsThatMayCompeteAndIsTheOfficialRuleAtZero() {
        Map<String, HostTensor> w = layers(t(0.1f, -0.2f, 0.3f, 0.05f, 0.01f), t(5f, -6f, 7f, 8f, 9f));
        Map<String, HostTensor> ones = layers(t(1, 1, 1, 1, 1), t(1, 1, 1, 1, 1));
        // ceil(0.3 * 5) = 2: a keeps 0.3 and -0.2
        PruneResult floor = GlobalMagnitudePruner.prune(w, ones, ones, 0.6, true, 0.3);
        assertArrayEquals(new float[] {0, 1, 1, 0, 0}, floor.masks().get("a").data());
        assertEquals(6, 10 - floor.kept());
        PruneResult official = GlobalMagnitudePruner.prune(w, ones, ones, 0.6, true);
        PruneResult zero = GlobalMagnitudePruner.prune(w, ones, ones, 0.6, true, 0);
        assertArrayEquals(official.masks().get("a").data(), zero.masks().get("a").data());
        assertArrayEquals(official.masks().get("b").data(), zero.masks().get("b").data());
        // Without re-ranking, a's largest (0.3) already pruned stays pruned: the floor protects the next ones.
        Map<String, HostTensor> old = layers(t(1, 1, 0, 1, 1), t(1, 1, 1, 1, 1));
        PruneResult noRerank = GlobalMagnitudePruner.prune(w, old, old, 0.6, false, 0.3);
        assertArrayEquals(new float[] {1, 1, 0, 0, 0}, noRerank.masks().get("a").data());
    }
}
