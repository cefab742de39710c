package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MACs and parameters against a count by hand. Convention (paper.md): conv MACs = C_in * C_out * k * k * H_out *
 * W_out / groups, linear = in * out; BN, activations and additions are not counted; params are conv and linear
 * weights plus the classifier bias. Padding is k/2, so a stride-s layer maps H to ceil(H / s).
 */
class ArchitectureCountingTest {

    /**
     * 1x8x8 input, stem 4 ch (k3, s1), stage 0: one block 4 -> 8 at stride 2 with kernels {3, 5} at ratio 2,
     * stage 1: one block 8 -> 8 at stride 1 with kernel {3} at ratio 1 (identity skip), head 16, 10 classes. The
     * dense skip (ours); the grouped one's count is in {@code LayerSettingsTest}.
     */
    private static SearchSpaceConfig handExample() {
        return ConfigResolver.resolve(new SearchSpaceConfig("hand",
                new DataConfig("idx", "/x", 1, 8, 8, 10, 0.0, 0, 0, false),
                new StemConfig(4, 3, 1),
                List.of(new StageConfig(8, 1, 2, List.of(3, 5), 2), new StageConfig(8, 1, 1, List.of(3), 1)),
                new HeadConfig(16), null, null, null, 1L).withNetwork(new NetworkConfig("dense", null, null, null)));
    }

    // Block 0 (4 -> 8, stride 2, 8x8 -> 4x4): each branch has 2 * 4 = 8 hidden channels, 16 for both.
    private static final long STEM = 1 * 4 * 3 * 3 * 8 * 8;         // 2304 MACs, 36 weights
    private static final long B0_EXPAND = 4 * 16 * 1 * 1 * 8 * 8;    // 1x1 at the input resolution: 4096, 64 weights
    private static final long B0_DW3 = 8 * 8 * 3 * 3 * 4 * 4 / 8;    // depthwise, groups 8: 1152, 72 weights
    private static final long B0_DW5 = 8 * 8 * 5 * 5 * 4 * 4 / 8;    // 3200, 200 weights
    private static final long B0_PROJECT = 16 * 8 * 4 * 4;           // 16 -> 8 at 4x4: 2048, 128 weights
    private static final long B0_SKIP = 4 * 8 * 4 * 4;               // strided 1x1 (widths differ): 512, 32 weights
    // Block 1 (8 -> 8, stride 1, 4x4): one branch of 1 * 8 hidden channels; the skip is the identity (no weights).
    private static final long B1_EXPAND = 8 * 8 * 4 * 4;             // 1024, 64 weights
    private static final long B1_DW3 = 8 * 8 * 3 * 3 * 4 * 4 / 8;    // 1152, 72 weights
    private static final long B1_PROJECT = 8 * 8 * 4 * 4;            // 1024, 64 weights
    private static final long HEAD = 8 * 16 * 4 * 4;                 // 1x1 8 -> 16 at 4x4: 2048, 128 weights
    private static final long CLASSIFIER = 16 * 10;                  // linear after pooling: 160, + 10 biases

    @Test
    void supernetMacsAndParamsMatchAHandCount() {
        Architecture a = Architecture.supernet(handExample());
        assertEquals(STEM + B0_EXPAND + B0_DW3 + B0_DW5 + B0_PROJECT + B0_SKIP + B1_EXPAND + B1_DW3 + B1_PROJECT
                + HEAD + CLASSIFIER, a.macs());
        assertEquals(18720, a.macs());
        long prunable = 36 + (64 + 72 + 200 + 128 + 32) + (64 + 72 + 64) + 128;
        assertEquals(prunable + 160 + 10, a.params());
        assertEquals(List.of("stem.conv", "blocks.0.expand", "blocks.0.dw.k3", "blocks.0.dw.k5", "blocks.0.project",
                "blocks.0.skip", "blocks.1.expand", "blocks.1.dw.k3", "blocks.1.project", "head.conv", "classifier"),
                a.layers().stream().map(LayerShape::name).toList());
    }

    @Test
    void theSmallestSubnetKeepsOnlyStemSkipsHeadAndClassifier() {
        Architecture s = Architecture.supernet(handExample()).smallestSubnet();
        // Block 0 keeps its strided 1x1 skip; block 1 becomes the identity.
        assertEquals(STEM + B0_SKIP + HEAD + CLASSIFIER, s.macs());
        assertEquals(36 + 32 + 128 + 160 + 10, s.params());
    }

    @Test
    void aSearchedBranchCountsOnlyItsSurvivingChannels() {
        Architecture a = Architecture.supernet(handExample());
        BlockState b0 = a.blocks().get(0);
        // Branch k5 narrowed from 8 to 2 hidden channels: expand 4 -> 10, dw5 2 channels, project 10 -> 8.
        Architecture narrowed = a.withBlocks(List.of(b0.withBranches(List.of(b0.branches().get(0),
                b0.branches().get(1).withHiddenChannels(2))), a.blocks().get(1)));
        long saved = (B0_EXPAND - 4 * 10 * 8 * 8) + (B0_DW5 - 2 * 5 * 5 * 4 * 4) + (B0_PROJECT - 10 * 8 * 4 * 4);
        assertEquals(a.macs() - saved, narrowed.macs());
    }

    @Test
    void theSummaryAddsUpTheSameCounts() {
        NetworkSummary summary = NetworkSummary.of(handExample());
        assertEquals(new NetworkSummary(18720, 36 + 496 + 200 + 128 + 170, STEM + B0_SKIP + HEAD + CLASSIFIER,
                36 + 32 + 128 + 170, 2, 3, 36 + 496 + 200 + 128), summary);
    }

    @Test
    void sparseMacsCountEveryAliveWeightOncePerOutputPosition() {
        LayerShape dw5 = Architecture.supernet(handExample()).layers().stream()
                .filter(l -> l.name().equals("blocks.0.dw.k5")).findFirst().orElseThrow();
        assertEquals(200, dw5.weightCount());
        assertEquals(50 * 4 * 4, dw5.sparseMacs(50));
    }

    @Test
    void anInvalidConfigHasNoSummary() {
        SearchSpaceConfig c = handExample();
        SearchSpaceConfig broken = c.withTraining(c.training().withEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> NetworkSummary.of(broken));
    }

    /**
     * The official skip: block 0 (4 -> 8, stride 2) gets a 1x1 conv with groups = gcd(4, 8) = 4, so each of its 8
     * outputs reads 4 / 4 = 1 input channel: 8 weights and 8 * 1 * 4 * 4 = 128 MACs instead of 32 and 512. Block 1
     * keeps its identity. Nothing else changes (BN is not counted, so dropping the skip's BN changes no count).
     */
    @Test
    void theGroupedSkipCountsOneGroupsthOfTheDenseOne() {
        Architecture a = Architecture.supernet(ConfigResolver.resolve(handExample()
                .withNetwork(new NetworkConfig("grouped", null, null, null))));
        LayerShape skip = a.layers().stream().filter(l -> l.kind() == LayerKind.SKIP).findFirst().orElseThrow();
        assertEquals(4, skip.groups());
        assertEquals(8 * 1 * 1 * 1, skip.weightCount());
        assertEquals(4 * 8 * 1 * 1 * 4 * 4 / 4, skip.macs());
        assertEquals(List.of(8L, 1L, 1L, 1L), java.util.Arrays.stream(skip.weightShape()).boxed().toList());
        assertEquals(18720 - B0_SKIP + 128, a.macs());
        long prunable = 36 + (64 + 72 + 200 + 128 + 8) + (64 + 72 + 64) + 128;
        assertEquals(prunable + 160 + 10, a.params());
        assertEquals(STEM + 128 + HEAD + CLASSIFIER, a.smallestSubnet().macs());
    }

    /** gcd(6, 9) = 3: each of the 9 outputs reads 6 / 3 = 2 inputs. */
    @Test
    void theGroupsAreTheGreatestCommonDivisorOfTheWidths() {
        assertEquals(3, SkipPath.GROUPED.groups(6, 9));
        assertEquals(1, SkipPath.GROUPED.groups(7, 9));
        assertEquals(8, SkipPath.GROUPED.groups(8, 16));
        assertEquals(1, SkipPath.DENSE_BN.groups(8, 16));
        LayerShape skip = new LayerShape("s", LayerKind.SKIP, 6, 9, 1, 3, 5, 5, true);
        assertEquals(9 * 2, skip.weightCount());
        assertEquals(6 * 9 * 5 * 5 / 3, skip.macs());
    }
}
