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
    void channelsLastOnlyWhileEveryWidthIsAMultipleOfEight() throws Exception {
        Architecture quickstart = Architecture.supernet(ConfigIo.read(Path.of("sample-configs/quickstart.json")));
        assertTrue(ActivationLayout.widthsFit(quickstart), "widths 8, 16, 24, 32, 48");
        assertFalse(ActivationLayout.widthsFit(Architecture.supernet(TestConfigs.tinyFashionMnist())), "stem 6");
        assertFalse(ActivationLayout.widthsFit(withFirstBranch(quickstart, 13)),
                "a shrink's odd width leaves oneDNN's fast kernels");
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
        Architecture supernet = Architecture.supernet(TestConfigs.tinySynthetic());
        NetworkState state = NetworkInitializer.initialize(supernet, 3);
        float[][] logits = new float[2][];
        float[][] stemGradient = new float[2][];
        for (ActivationLayout layout : ActivationLayout.values()) {
            try (NDManager m = NDManager.newBaseManager(Device.cpu());
                    Supernet net = Supernet.load(state, m, Device.cpu(), layout);
                    ai.djl.training.GradientCollector collector = ai.djl.engine.Engine.getInstance()
                            .newGradientCollector()) {
                m.getEngine().setRandomSeed(11);
                NDArray x = m.randomNormal(new Shape(5, 1, 12, 12));
                NDArray y = net.forward(x, BatchNormMode.TRAIN);
                collector.backward(y.square().sum());
                logits[layout.ordinal()] = y.toFloatArray();
                stemGradient[layout.ordinal()] = net.tensor(TensorNames.weight(TensorNames.STEM)).getGradient()
                        .toFloatArray();
            }
        }
        assertArrayEquals(logits[0], logits[1], 1e-4f);
        assertArrayEquals(stemGradient[0], stemGradient[1], 1e-3f);
    }
}
