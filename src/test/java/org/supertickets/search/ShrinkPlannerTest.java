package org.supertickets.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

class ShrinkPlannerTest {

    private final Architecture supernet = Architecture.supernet(TestConfigs.tinySynthetic());
    private final ChannelCosts costs = new ChannelCosts(supernet);

    private Map<String, float[]> gammas(float value) {
        Map<String, float[]> g = new LinkedHashMap<>();
        for (BlockState b : supernet.blocks()) {
            for (BranchState br : b.branches()) {
                float[] v = new float[br.hiddenChannels()];
                Arrays.fill(v, value);
                g.put(Architecture.depthwiseName(b, br), v);
            }
        }
        return g;
    }

    @Test
    void channelsAtOrUnderTheThresholdAreRemovedAndEveryBlockIsRebuilt() {
        Map<String, float[]> g = gammas(0.5f);
        g.get("blocks.0.dw.k3")[2] = 0.001f;
        g.get("blocks.0.dw.k3")[5] = -0.0005f;
        ShrinkPlan plan = new ShrinkPlanner(costs, 1e-3, 0).plan(supernet, g, false, Long.MAX_VALUE);
        assertTrue(plan.fire());
        assertEquals(2, plan.deadChannels());
        assertArrayEquals(new int[] {0, 1, 3, 4, 6, 7}, plan.keep().get(0).get(3));
        assertEquals(16, plan.keep().get(1).get(5).length, "block 1 is rebuilt whole");
        assertEquals(2 * costs.macsPerChannel(0, 3), plan.removedMacs());
        assertEquals(supernet.macs() - plan.removedMacs(), plan.after().macs());
    }

    @Test
    void smallRemovalsWaitForTheMinimumUnlessForced() {
        Map<String, float[]> g = gammas(0.5f);
        g.get("blocks.1.dw.k5")[0] = 0f;
        long oneChannel = costs.macsPerChannel(1, 5);
        ShrinkPlanner planner = new ShrinkPlanner(costs, 1e-3, oneChannel);
        assertFalse(planner.plan(supernet, g, false, Long.MAX_VALUE).fire());
        assertTrue(planner.plan(supernet, g, true, Long.MAX_VALUE).fire());
    }

    @Test
    void macsTargetRemovesTheLeastImportantPerCostUntilThePlanIsMet() {
        Map<String, float[]> g = gammas(0.5f);
        g.get("blocks.1.dw.k3")[4] = 0.01f;
        long planned = supernet.macs() - costs.macsPerChannel(1, 3) / 2;
        ShrinkPlan plan = new ShrinkPlanner(costs, 1e-3, 0).plan(supernet, g, false, planned);
        assertTrue(plan.fire());
        assertEquals(0, plan.deadChannels());
        assertEquals(1, plan.targetChannels());
        assertEquals(15, plan.keep().get(1).get(3).length);
        assertFalse(Arrays.stream(plan.keep().get(1).get(3)).anyMatch(i -> i == 4));
        assertTrue(plan.after().macs() <= planned);
    }

    @Test
    void penaltyWeightsAverageToOneOverAllSupernetChannels() {
        double sum = 0;
        int n = 0;
        for (BlockState b : supernet.blocks()) {
            for (BranchState br : b.branches()) {
                sum += costs.penalty(b.index(), br.kernelSize()) * br.maxChannels();
                n += br.maxChannels();
            }
        }
        assertEquals(1.0, sum / n, 1e-12);
        assertTrue(costs.penalty(0, 5) > costs.penalty(0, 3), "a 5x5 channel costs more than a 3x3 one");
    }

    @Test
    void aChannelWhoseAveragedGammaIsAliveIsKeptUntilTheLastEpoch() {
        Map<String, float[]> current = gammas(0.5f);
        Map<String, float[]> averaged = gammas(0.5f);
        current.get("blocks.0.dw.k3")[1] = 0f; // dead now, alive in the average: kept
        current.get("blocks.0.dw.k3")[4] = 0f; // dead in both: removed
        averaged.get("blocks.0.dw.k3")[4] = 0.0005f;
        averaged.get("blocks.0.dw.k5")[0] = 0f; // dead in the average only: kept, except at the last epoch
        ShrinkPlanner planner = new ShrinkPlanner(costs, 1e-3, 0);

        ShrinkPlan plan = planner.plan(supernet, current, averaged, false, false, Long.MAX_VALUE);
        assertTrue(plan.fire());
        assertEquals(1, plan.deadChannels());
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 6, 7}, plan.keep().get(0).get(3));
        assertEquals(8, plan.keep().get(0).get(5).length);

        ShrinkPlan last = planner.plan(supernet, current, averaged, true, true, Long.MAX_VALUE);
        assertEquals(2, last.deadChannels(), "at the last epoch the average alone decides");
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 6, 7}, last.keep().get(0).get(3));
        assertArrayEquals(java.util.stream.IntStream.range(1, 8).toArray(), last.keep().get(0).get(5),
                "channel 0 of k5 goes");
    }

    @Test
    void theMinimumIsCheckedOnTheChannelsDeadInTheAverage() {
        Map<String, float[]> current = gammas(0.5f);
        Map<String, float[]> averaged = gammas(0.5f);
        averaged.get("blocks.0.dw.k3")[0] = 0f; // dead in the average, alive now: counts for the gate only
        averaged.get("blocks.0.dw.k3")[1] = 0f;
        current.get("blocks.0.dw.k3")[1] = 0f;
        long oneChannel = costs.macsPerChannel(0, 3);
        ShrinkPlan plan = new ShrinkPlanner(costs, 1e-3, oneChannel).plan(supernet, current, averaged, false, false,
                Long.MAX_VALUE);
        assertTrue(plan.fire(), "two channels' MACs are dead in the average, over the one-channel minimum");
        assertEquals(1, plan.deadChannels(), "but only the channel dead in both goes");
        assertEquals(oneChannel, plan.removedMacs());
        assertFalse(new ShrinkPlanner(costs, 1e-3, oneChannel).plan(supernet, current, null, false, false,
                Long.MAX_VALUE).fire(), "without an average the same current gammas stay under the minimum");
    }
}
