package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.NetworkMeasures;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;

/** A what-if cuts a copy exactly as the search would, never the network it was given. */
class WhatIfTest {

    private final Architecture supernet = Architecture.supernet(TestConfigs.tinySynthetic());
    private final NetworkState state = NetworkInitializer.initialize(supernet, 5);

    private static ProbeBatch probe(int images, int seed) {
        Random r = new Random(seed);
        int pixels = 12 * 12;
        float[] calibration = new float[2 * 8 * pixels];
        float[] x = new float[images * pixels];
        long[] labels = new long[images];
        for (int i = 0; i < calibration.length; i++) {
            calibration[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < images; i++) {
            labels[i] = r.nextInt(4);
        }
        return new ProbeBatch(new CalibrationBatches(calibration, 2, 8, 1, 12, 12), x, labels);
    }

    @Test
    void switchingOffABranchAChannelAndABlockCutsThemAndLeavesTheGivenNetworkAlone() {
        float[] expandBefore = state.tensor(TensorNames.weight("blocks.0.expand")).data().clone();
        WhatIf whatIf = WhatIf.NONE.withBranchOff(0, 5).withChannelOff(0, 3, 2).withBlockOff(1);
        NetworkState edited = whatIf.applyTo(state);

        BlockState b0 = edited.architecture().blocks().get(0);
        assertTrue(b0.branches().get(1).removed(), "the 5x5 branch of block 0 is gone");
        assertEquals(7, b0.branches().get(0).hiddenChannels(), "one 3x3 channel is gone");
        assertArrayEquals(new int[] {0, 1, 3, 4, 5, 6, 7}, edited.channelOrigins().get("blocks.0.dw.k3"));
        assertTrue(edited.architecture().blocks().get(1).bodyRemoved(), "block 1 is its skip path only");
        assertTrue(edited.architecture().macs() < supernet.macs());
        assertEquals(supernet, state.architecture(), "the given network keeps its architecture");
        assertArrayEquals(expandBefore, state.tensor(TensorNames.weight("blocks.0.expand")).data());
    }

    @Test
    void aGlobalSparsityPrunesTheCopysWeightsByMagnitude() {
        NetworkState edited = WhatIf.NONE.withGlobalSparsity(0.5).applyTo(state);
        assertEquals(0.5, NetworkMeasures.of(edited).sparsity(), 0.01);
        assertEquals(0.0, NetworkMeasures.of(state).sparsity(), 1e-9, "the given network keeps its masks");
    }

    @Test
    void measuresAccuracyAndMacsOfTheEditedCopyOnTheFixedProbe() {
        InspectableNetwork inspected = new InspectableNetwork(10, 1.0, state, probe(40, 3), false);
        WhatIfMeasure as = WhatIfMeasure.of(inspected, WhatIf.NONE);
        WhatIfMeasure again = WhatIfMeasure.of(inspected, WhatIf.NONE);
        WhatIfMeasure cut = WhatIfMeasure.of(inspected, WhatIf.NONE.withBranchOff(0, 5));
        assertEquals(as, again, "the same what-if on the same probe measures the same");
        assertEquals(40, as.images());
        assertTrue(as.accuracy() >= 0 && as.accuracy() <= 1);
        assertEquals(supernet.macs(), as.macs());
        assertTrue(cut.macs() < as.macs(), "a branch off costs fewer MACs");
        assertEquals(as.hiddenChannels() - 8, cut.hiddenChannels());
        assertEquals(as.liveBranches() - 1, cut.liveBranches());
    }
}
