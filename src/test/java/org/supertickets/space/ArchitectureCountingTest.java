package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureCountingTest {

    /** 1x8x8 input, stem 4 (k3, s1), one block 4->8 stride 2 with kernels {3,5} at ratio 2, head 16, 10 classes. */
    private static SearchSpaceConfig handExample() {
        return ConfigResolver.resolve(new SearchSpaceConfig("hand",
                new DataConfig("idx", "/x", 1, 8, 8, 10, 0.0, 0, 0, false),
                new StemConfig(4, 3, 1),
                List.of(new StageConfig(8, 1, 2, List.of(3, 5), 2)),
                new HeadConfig(16), null, null, null, 1L));
    }

    @Test
    void supernetMacsAndParamsMatchAHandCount() {
        Architecture a = Architecture.supernet(handExample());
        long stem = 1 * 4 * 9 * 8 * 8;        // 2304
        long expand = 4 * 16 * 8 * 8;         // 8 hidden channels per branch, two branches: 4096
        long dw3 = 8 * 9 * 4 * 4;             // depthwise: C * k^2 * H_out * W_out = 1152
        long dw5 = 8 * 25 * 4 * 4;            // 3200
        long project = 16 * 8 * 4 * 4;        // 2048
        long skip = 4 * 8 * 4 * 4;            // strided 1x1: 512
        long head = 8 * 16 * 4 * 4;           // 2048
        long classifier = 16 * 10;            // 160
        assertEquals(stem + expand + dw3 + dw5 + project + skip + head + classifier, a.macs());
        assertEquals(15520, a.macs());
        long params = 36 + 64 + 72 + 200 + 128 + 32 + 128 + 160 + 10;
        assertEquals(params, a.params());
    }

    @Test
    void smallestSubnetKeepsOnlyStemSkipHeadAndClassifier() {
        Architecture s = Architecture.supernet(handExample()).smallestSubnet();
        assertEquals(2304 + 512 + 2048 + 160, s.macs());
        assertEquals(36 + 32 + 128 + 160 + 10, s.params());
        NetworkSummary summary = NetworkSummary.of(handExample());
        assertEquals(15520, summary.supernetMacs());
        assertEquals(36 + 64 + 72 + 200 + 128 + 32 + 128, summary.prunableWeights());
    }

    @Test
    void sparseMacsCountEveryAliveWeightOncePerOutputPosition() {
        LayerShape dw5 = Architecture.supernet(handExample()).layers().stream()
                .filter(l -> l.name().equals("blocks.0.dw.k5")).findFirst().orElseThrow();
        assertEquals(200, dw5.weightCount());
        assertEquals(50 * 16, dw5.sparseMacs(50));
    }
}
