package org.supertickets.ui.teaching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.prune.MaskCodec;
import org.supertickets.space.BlockState;
import org.supertickets.space.LayerKind;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.SnapshotBuilder;
import org.supertickets.train.WhatIf;
import org.supertickets.ui.TestEvents;

/** The Inside tab's data is read from real snapshots: |γ| rows, |w| in three colours, one block's channels. */
class InsideViewModelsTest {

    /** A consistent shrunk network: block 1's 5×5 branch and block 0's 3×3 channel 2 cut by the real surgery. */
    private static ConnectivitySnapshot shrunk() {
        NetworkState state = NetworkInitializer.initialize(TestEvents.SUPERNET, 3);
        NetworkState cut = WhatIf.NONE.withBranchOff(1, 5).withChannelOff(0, 3, 2).applyTo(state);
        return SnapshotBuilder.build(cut, 50, 0.5, "shrink", true);
    }

    @Test
    void gammaRowsHaveOneRowPerSupernetBranchAndCountWhatTheSearchCut() {
        GammaRows rows = GammaRows.of(TestEvents.SUPERNET, shrunk(), 1e-3);
        int branches = TestEvents.SUPERNET.blocks().stream().mapToInt(b -> b.branches().size()).sum();
        assertEquals(branches, rows.rows().size());
        GammaRows.Row b0k3 = rows.rows().stream().filter(r -> r.block() == 0 && r.kernel() == 3).findFirst()
                .orElseThrow();
        assertEquals(1, b0k3.cut());
        assertFalse(java.util.Arrays.stream(b0k3.origins()).anyMatch(o -> o == 2), "the cut channel is gone");
        GammaRows.Row b1k5 = rows.rows().stream().filter(r -> r.block() == 1 && r.kernel() == 5).findFirst()
                .orElseThrow();
        assertTrue(b1k5.removed());
        assertEquals(TestEvents.SUPERNET.blocks().get(1).branches().get(1).maxChannels(), b1k5.cut());
        assertEquals(0, b0k3.atOrUnder(1e-3), "freshly initialised γ are all above the cut-off");
    }

    @Test
    void magnitudesSplitIntoAlivePrunedAndReactivatedAgainstThePreviousPruningEvent() {
        ConnectivitySnapshot before = TestEvents.pruned(100, 1.0, 4, 0); // every 4th weight from index 0 pruned
        ConnectivitySnapshot now = TestEvents.pruned(200, 2.0, 4, 1); // every 4th weight from index 3 pruned
        MagnitudeHistogram h = MagnitudeHistogram.of(now, before, 0.05);
        long total = 0;
        long pruned = 0;
        long back = 0;
        for (LayerSnapshot l : now.layers()) {
            if (l.kind() == LayerKind.CLASSIFIER) {
                continue;
            }
            boolean[] m = MaskCodec.decodeMask(l.mask(), (int) l.total());
            boolean[] old = MaskCodec.decodeMask(before.layers().stream().filter(o -> o.name().equals(l.name()))
                    .findFirst().orElseThrow().mask(), (int) l.total());
            for (int i = 0; i < m.length; i++) {
                total++;
                pruned += m[i] ? 0 : 1;
                back += m[i] && !old[i] ? 1 : 0;
            }
        }
        assertTrue(back > 0);
        assertEquals(pruned, h.total(h.pruned()));
        assertEquals(back, h.total(h.backByReranking()));
        assertEquals(total, h.total(h.alive()) + h.total(h.pruned()) + h.total(h.backByReranking())
                + h.total(h.resetByShrink()));
        assertEquals(total, h.compared(), "no shrink in between: every weight is compared");
        assertEquals(0.05, h.threshold());
    }

    @Test
    void theDistributionsFollowTheCursorWithThePreviousPruneAsReferenceAndTheLatestThreshold() {
        List<ConnectivitySnapshot> snapshots = List.of(TestEvents.start(), TestEvents.pruned(100, 1.0, 4, 0),
                TestEvents.pruned(200, 2.0, 4, 1));
        List<PruneEvent> prunes = List.of(
                new PruneEvent(100, 1.0, 1, 0.25, 0.25, 0.011, 0, 10, false, List.of()),
                new PruneEvent(200, 2.0, 2, 0.25, 0.25, 0.022, 5, 10, false, List.of()));
        DistributionsViewModel vm = new DistributionsViewModel();
        vm.show(TestEvents.SUPERNET, snapshots, 0, prunes, 1e-3);
        assertTrue(Double.isNaN(vm.magnitudesProperty().get().threshold()), "no pruning event yet at the start");
        assertEquals(0, vm.magnitudesProperty().get().total(vm.magnitudesProperty().get().pruned()));
        vm.show(TestEvents.SUPERNET, snapshots, 2, prunes, 1e-3);
        assertEquals(0.022, vm.magnitudesProperty().get().threshold());
        assertTrue(vm.magnitudesProperty().get().total(vm.magnitudesProperty().get().backByReranking()) > 0);
        assertTrue(vm.captionProperty().get().contains("pruning event 2"), vm.captionProperty().get());
        vm.show(null, snapshots, 1, prunes, 1e-3);
        assertNull(vm.magnitudesProperty().get());
    }

    @Test
    void theChannelViewShowsEverySupernetChannelAndTheAlive1x1Connections() {
        ConnectivitySnapshot snapshot = shrunk();
        ChannelViewModel vm = new ChannelViewModel();
        vm.show(TestEvents.SUPERNET, snapshot);
        assertEquals(TestEvents.SUPERNET.blocks().size(), vm.blocks().size());
        ChannelFrame f = vm.frameProperty().get();
        BlockState block0 = TestEvents.SUPERNET.blocks().get(0);
        assertEquals(block0.maxHiddenChannels(), f.slots());
        assertTrue(Float.isNaN(f.branches().get(0).gammas()[2]), "the cut channel has no node");
        assertFalse(Float.isNaN(f.branches().get(0).gammas()[3]));
        LayerSnapshot expand = snapshot.layers().stream().filter(l -> l.name().equals("blocks.0.expand"))
                .findFirst().orElseThrow();
        assertEquals(expand.kept(), f.expand().size(), "one line per alive expand weight");
        assertTrue(f.expand().stream().noneMatch(c -> c[1] == f.slot(0, 2)), "no line reaches the cut channel");
        assertTrue(vm.summaryProperty().get().contains("3×3 " + (block0.branches().get(0).maxChannels() - 1)));

        vm.blockProperty().set(1);
        assertTrue(vm.frameProperty().get().branches().get(1).removed());
        assertEquals(0, vm.frameProperty().get().branches().get(1).alive());
    }

    @Test
    void theHistogramsCountAxisTicksAreRoundCountsAtHalfAndAQuarterOfItsHeight() {
        // issue 30: the |w| histogram had no count axis
        assertArrayEquals(new long[] {5000, 1000, 200}, MagnitudeHistogram.countTicks(7312));
        assertArrayEquals(new long[] {20, 5, 1}, MagnitudeHistogram.countTicks(20));
        assertArrayEquals(new long[] {2, 1}, MagnitudeHistogram.countTicks(3));
        assertArrayEquals(new long[] {1}, MagnitudeHistogram.countTicks(0));
    }
}
