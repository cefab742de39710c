package org.supertickets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.space.Architecture;
import java.nio.file.Path;
import java.util.ArrayList;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.ConfigIo;

/** The activation layout is a speed choice: chosen by CPU, overridable, and the network computes the same. */
class ActivationLayoutTest {

    @Test
    void channelsLastOnIntelWithAvx512OnlyAndAnOverrideSaysWhatItTakes() {
        assertEquals(ActivationLayout.CHANNELS_LAST, ActivationLayout.forCpu(List.of("vendor_id\t: GenuineIntel",
                "flags\t\t: fpu sse avx2 avx512f avx512bw amx_bf16")));
        assertEquals(ActivationLayout.NCHW, ActivationLayout.forCpu(List.of("vendor_id\t: AuthenticAMD",
                "flags\t\t: fpu sse avx2 avx512f avx512bw")), "measured slower on the AMD EPYC");
        assertEquals(ActivationLayout.NCHW, ActivationLayout.forCpu(List.of("vendor_id\t: GenuineIntel",
                "flags\t\t: fpu sse avx2")), "not measured without AVX-512");
        assertEquals(ActivationLayout.CHANNELS_LAST, ActivationLayout.parse(" Channels-Last "));
        assertEquals(ActivationLayout.NCHW, ActivationLayout.parse("nchw"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationLayout.parse("nhwc"));
        assertTrue(e.getMessage().startsWith(ActivationLayout.OVERRIDE + "=nhwc is not a layout. Fix: set it to "
                + "nchw or channels-last"), e.getMessage());
    }

    @Test
    void channelsLastWhileEveryConfigWidthIsAMultipleOfEightWhateverTheSearchShrinks() throws Exception {
        Architecture quickstart = Architecture.supernet(ConfigIo.read(Path.of("sample-configs/quickstart.json")));
        assertTrue(ActivationLayout.widthsFit(quickstart), "widths 8, 16, 24, 32, 48");
        assertFalse(ActivationLayout.widthsFit(Architecture.supernet(TestConfigs.tinyFashionMnist())), "stem 6");
        assertTrue(ActivationLayout.widthsFit(withFirstBranch(quickstart, 13)),
                "a shrink's odd width is padded in the forward pass");
        assertTrue(ActivationLayout.widthsFit(withFirstBranch(quickstart, 0)), "a removed branch has no width");
    }

    private static Architecture withFirstBranch(Architecture a, int hidden) {
        List<BlockState> blocks = new ArrayList<>(a.blocks());
        List<BranchState> branches = new ArrayList<>(blocks.get(0).branches());
        branches.set(0, branches.get(0).withHiddenChannels(hidden));
        blocks.set(0, blocks.get(0).withBranches(branches));
        return a.withBlocks(blocks);
    }

    @Test
    void channelsLastKeepsEveryValueInItsPlace() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.arange(2 * 3 * 4 * 5f).reshape(2, 3, 4, 5);
            NDArray arranged = ActivationLayout.CHANNELS_LAST.arrange(x);
            assertEquals(new Shape(2, 3, 4, 5), arranged.getShape());
            assertArrayEquals(x.toFloatArray(), arranged.toFloatArray());
            assertTrue(x == ActivationLayout.NCHW.arrange(x));
        }
    }

    @Test
    void theSupernetComputesTheSameLogitsAndGradientsInBothLayouts() {
        assertSameInBothLayouts(Architecture.supernet(TestConfigs.tinySynthetic()));
    }

    /**
     * Blocks with branches of odd widths run as one wide branch padded to a multiple of 16 in channels-last: that must
     * change nothing a run can see — logits, the gradients of the real tensors, the running statistics a training
     * pass updates, and each branch's feature maps a person looks at.
     */
    @Test
    void shrunkBranchesPaddedInChannelsLastComputeWhatNchwComputes() {
        Architecture shrunk = withFirstBranch(Architecture.supernet(TestConfigs.tinySynthetic()), 5);
        List<BlockState> blocks = new ArrayList<>(shrunk.blocks());
        List<BranchState> last = new ArrayList<>(blocks.get(blocks.size() - 1).branches());
        last.set(last.size() - 1, last.get(last.size() - 1).withHiddenChannels(3));
        blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1).withBranches(last));
        shrunk = shrunk.withBlocks(blocks);
        assertSameInBothLayouts(shrunk);
    }

    private static void assertSameInBothLayouts(Architecture architecture) {
        NetworkState state = NetworkInitializer.initialize(architecture, 3);
        BlockState first = architecture.blocks().get(0);
        BranchState firstBranch = first.branches().get(0);
        List<String> watched = state.tensors().keySet().stream().filter(Supernet::isTrainable).toList();
        List<String> statistics = List.of(TensorNames.expandBn(first) + TensorNames.RUNNING_MEAN,
                TensorNames.depthwiseBn(first, firstBranch) + TensorNames.RUNNING_VAR);
        float[][] logits = new float[2][];
        float[][][] gradients = new float[2][watched.size()][];
        float[][][] running = new float[2][statistics.size()][];
        List<List<float[]>> branchMaps = List.of(new ArrayList<>(), new ArrayList<>());
        for (ActivationLayout layout : ActivationLayout.values()) {
            int l = layout.ordinal();
            try (NDManager m = NDManager.newBaseManager(Device.cpu());
                    Supernet net = Supernet.load(state, m, Device.cpu(), layout);
                    ai.djl.training.GradientCollector collector = ai.djl.engine.Engine.getInstance()
                            .newGradientCollector()) {
                m.getEngine().setRandomSeed(11);
                NDArray x = m.randomNormal(new Shape(5, 1, 12, 12));
                NDArray y = net.forward(x, BatchNormMode.TRAIN);
                collector.backward(y.square().sum());
                logits[l] = y.toFloatArray();
                for (int i = 0; i < watched.size(); i++) {
                    gradients[l][i] = net.tensor(watched.get(i)).getGradient().toFloatArray();
                }
                for (int i = 0; i < statistics.size(); i++) {
                    running[l][i] = net.tensor(statistics.get(i)).toFloatArray();
                }
                net.forward(x, BatchNormMode.EVAL, (point, block, kernel, activation) -> {
                    if (point == ActivationTap.Point.BRANCH) {
                        branchMaps.get(l).add(activation.toFloatArray());
                    }
                });
            }
        }
        assertArrayEquals(logits[0], logits[1], 1e-4f);
        for (int i = 0; i < watched.size(); i++) {
            assertArrayEquals(gradients[0][i], gradients[1][i], 1e-3f, watched.get(i));
        }
        assertEquals(branchMaps.get(0).size(), branchMaps.get(1).size(), "a tap sees every branch");
        for (int i = 0; i < branchMaps.get(0).size(); i++) {
            assertArrayEquals(branchMaps.get(0).get(i), branchMaps.get(1).get(i), 1e-4f, "branch maps " + i);
        }
        for (int i = 0; i < statistics.size(); i++) {
            assertArrayEquals(running[0][i], running[1][i], 1e-5f, statistics.get(i));
            float[] before = state.tensors().get(statistics.get(i)).data();
            assertFalse(java.util.Arrays.equals(before, running[1][i]), statistics.get(i) + " was updated");
        }
    }
}
