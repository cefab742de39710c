package org.supertickets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;

class ChannelSurgeryTest {

    private final Architecture supernet = Architecture.supernet(TestConfigs.tinySynthetic());
    // Block 0: 4 -> 8 channels, stride 2, branches k3 and k5 with 8 hidden channels each (16 in all).
    private final NetworkState state = NetworkInitializer.initialize(supernet, 5);

    private static Map<Integer, Map<Integer, int[]>> plan(int block, int[] k3, int[] k5) {
        Map<Integer, int[]> branches = new HashMap<>();
        branches.put(3, k3);
        branches.put(5, k5);
        Map<Integer, Map<Integer, int[]>> keep = new HashMap<>();
        keep.put(block, branches);
        return keep;
    }

    @Test
    void removesRowsOfExpandAndDepthwiseAndColumnsOfProjection() {
        NetworkState after = new ChannelSurgery(state, plan(0, new int[] {1, 6}, new int[] {0, 2, 7}))
                .apply(false);
        BlockState block = after.architecture().blocks().get(0);
        assertEquals(2, block.branches().get(0).hiddenChannels());
        assertEquals(3, block.branches().get(1).hiddenChannels());
        assertArrayEquals(new long[] {5, 4, 1, 1}, after.tensor("blocks.0.expand.weight").shape());
        assertArrayEquals(new long[] {8, 5, 1, 1}, after.tensor("blocks.0.project.weight").shape());
        assertArrayEquals(new long[] {3, 1, 5, 5}, after.tensor("blocks.0.dw.k5.weight").shape());
        // Expand row 1 of the k5 branch is hidden channel 8 + 2 = 10 of the supernet.
        float[] before = state.tensor("blocks.0.expand.weight").data();
        float[] now = after.tensor("blocks.0.expand.weight").data();
        assertArrayEquals(java.util.Arrays.copyOfRange(before, 10 * 4, 11 * 4),
                java.util.Arrays.copyOfRange(now, 3 * 4, 4 * 4));
        // Projection column 2 (k5 channel 0 = hidden 8) of output row 0.
        assertEquals(state.tensor("blocks.0.project.weight").data()[8],
                after.tensor("blocks.0.project.weight").data()[2]);
        assertArrayEquals(new int[] {0, 2, 7}, after.channelOrigins().get("blocks.0.dw.k5"));
        assertEquals(3, after.tensor("blocks.0.dw_bn.k5.gamma").size());
    }

    @Test
    void emptyBranchIsDroppedAndEmptyBlockKeepsOnlyItsSkip() {
        NetworkState oneBranch = new ChannelSurgery(state, plan(0, new int[0], new int[] {4})).apply(false);
        assertFalse(oneBranch.tensors().containsKey("blocks.0.dw.k3.weight"));
        assertFalse(oneBranch.channelOrigins().containsKey("blocks.0.dw.k3"));
        assertTrue(oneBranch.architecture().blocks().get(0).branches().get(0).removed());

        NetworkState bodyGone = new ChannelSurgery(state, plan(0, new int[0], new int[0])).apply(false);
        assertTrue(bodyGone.architecture().blocks().get(0).bodyRemoved());
        assertFalse(bodyGone.tensors().containsKey("blocks.0.expand.weight"));
        assertFalse(bodyGone.tensors().containsKey("blocks.0.out_bn.gamma"));
        assertTrue(bodyGone.tensors().containsKey("blocks.0.skip.weight"));
        // What is left matches what a freshly initialised network of the new architecture needs.
        assertEquals(NetworkInitializer.initialize(bodyGone.architecture(), 0).tensors().keySet(),
                bodyGone.tensors().keySet());
    }

    @Test
    void masksOfRebuiltBlocksResetUnlessReused() {
        Map<String, HostTensor> zeroed = new HashMap<>();
        for (String name : state.tensors().keySet()) {
            if (name.endsWith(".mask")) {
                zeroed.put(name, HostTensor.filled(state.tensor(name).shape(), 0f));
            }
        }
        NetworkState pruned = state.withTensors(zeroed);
        var keep = plan(0, new int[] {0, 1}, new int[] {0});
        NetworkState reset = new ChannelSurgery(pruned, keep).apply(true);
        NetworkState reused = new ChannelSurgery(pruned, keep).apply(false);
        assertEquals(1f, reset.tensor("blocks.0.expand.mask").data()[0]);
        assertEquals(1f, reset.tensor("blocks.0.skip.mask").data()[0]);
        assertEquals(0f, reset.tensor("stem.conv.mask").data()[0], "stem is not part of a rebuilt block");
        assertEquals(0f, reset.tensor("blocks.1.expand.mask").data()[0], "block 1 was not rebuilt");
        assertEquals(0f, reused.tensor("blocks.0.expand.mask").data()[0]);
    }

    @Test
    void optimiserStateIsSlicedLikeTheWeights() {
        var keep = plan(0, new int[] {3}, new int[] {1, 2});
        ChannelSurgery surgery = new ChannelSurgery(state, keep);
        Map<String, HostTensor> momentum = Map.of("blocks.0.project.weight", state.tensor("blocks.0.project.weight"),
                "stem.conv.weight", state.tensor("stem.conv.weight"));
        Map<String, HostTensor> sliced = surgery.sliceState(momentum);
        assertArrayEquals(surgery.apply(false).tensor("blocks.0.project.weight").data(),
                sliced.get("blocks.0.project.weight").data());
        assertArrayEquals(state.tensor("stem.conv.weight").data(), sliced.get("stem.conv.weight").data());
    }
}
