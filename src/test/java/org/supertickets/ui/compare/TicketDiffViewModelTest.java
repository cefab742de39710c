package org.supertickets.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.report.ChannelChange.Kind;
import org.supertickets.report.ChannelChange;
import org.supertickets.report.LayerChange;
import org.supertickets.report.MetricChange;
import org.supertickets.report.TicketDiff;
import org.supertickets.space.Architecture;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;
import org.supertickets.ui.compare.TicketDiffViewModel.Side;

/**
 * The ticket diff on two hand-made tickets whose difference is known: A narrows block 1 to 3 channels of its k3
 * branch and removes its k5 branch, and prunes one stem weight; B keeps 4 of the 12 k5 channels of block 0, keeps
 * block 1's k3 whole and 10 of its k5 channels, and prunes half of block 0's expand conv.
 */
class TicketDiffViewModelTest {

    @TempDir
    Path dir;

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final TicketDiffViewModel vm = new TicketDiffViewModel(DirectRunner.create(), notifier);
    private Ticket a;
    private Ticket b;
    private Path folderA;
    private Path folderB;

    @BeforeEach
    void writeTickets() throws Exception {
        folderA = dir.resolve("run-a").resolve("ticket");
        folderB = dir.resolve("run-b").resolve("ticket");
        a = TinyTickets.write(folderA, Map.of(1, Map.of(3, new int[] {2, 5, 7}, 5, new int[0])),
                Map.of("stem.conv", 1), 0.80, "run-a");
        // Block 0 after B's surgery: expand 6 → 16 channels = 96 weights, the first 48 pruned.
        b = TinyTickets.write(folderB, Map.of(0, Map.of(5, TinyTickets.range(4)), 1, Map.of(5, TinyTickets.range(10))),
                Map.of("blocks.0.expand", 48), 0.85, "run-b");
    }

    @Test
    void perBranchChannelsGoFromAToBAndRemovedPartsAreNamed() {
        vm.compare(folderA, folderB);
        TicketDiff d = vm.getDiff();
        assertNotNull(d);
        assertTrue(d.sameSupernet());
        assertEquals(List.of(
                new ChannelChange("blocks.0.expand", "block 0 body", 24, 16, 24),
                new ChannelChange("blocks.0.dw.k3", "block 0 · dw 3×3", 12, 12, 12),
                new ChannelChange("blocks.0.dw.k5", "block 0 · dw 5×5", 12, 4, 12),
                new ChannelChange("blocks.1.expand", "block 1 body", 3, 34, 48),
                new ChannelChange("blocks.1.dw.k3", "block 1 · dw 3×3", 3, 24, 24),
                new ChannelChange("blocks.1.dw.k5", "block 1 · dw 5×5", 0, 10, 24)), d.channels());
        assertEquals(List.of(Kind.NARROWED, Kind.SAME, Kind.NARROWED, Kind.WIDENED, Kind.WIDENED, Kind.ONLY_IN_B),
                d.channels().stream().map(ChannelChange::kind).toList());
        assertEquals("– → 10 / 24", d.channels().get(5).arrow());
        assertEquals(5, d.changedChannels().size());

        // Swapped, the branch B lacks is "removed in B".
        vm.swap();
        assertEquals(Kind.REMOVED_IN_B, vm.getDiff().channels().get(5).kind());
        assertEquals("10 → – / 24", vm.getDiff().channels().get(5).arrow());
        assertEquals(folderB, vm.folder(Side.A));
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());
    }

    @Test
    void perLayerSparsityIsThatOfEachTicketAndMissingLayersAreMarked() {
        vm.compare(folderA, folderB);
        TicketDiff d = vm.getDiff();
        LayerChange stem = d.layer("stem.conv");
        long stemWeights = a.manifest().layers().get(0).weights();
        assertEquals(6 * 1 * 3 * 3, stemWeights);
        assertEquals(1.0 / stemWeights, stem.sparsityA(), 1e-12);
        assertEquals(0.0, stem.sparsityB(), 1e-12);
        assertEquals(-1.0 / stemWeights, stem.sparsityDelta(), 1e-12);
        LayerChange expand = d.layer("blocks.0.expand");
        assertEquals(0.0, expand.sparsityA(), 1e-12);
        assertEquals(0.5, expand.sparsityB(), 1e-12);
        LayerChange onlyInB = d.layer("blocks.1.dw.k5");
        assertNull(onlyInB.a());
        assertTrue(Double.isNaN(onlyInB.sparsityA()));
        assertEquals(0.0, onlyInB.sparsityB(), 1e-12);
        assertEquals("stem.conv", d.layers().get(0).layer(), "rows follow the network");
        assertEquals("classifier", d.layers().get(d.layers().size() - 1).layer());

        // The graphs mark the layers whose channels changed or that one ticket lacks, not those that only differ
        // in sparsity.
        assertEquals(Set.of("blocks.0.expand", "blocks.0.dw.k5", "blocks.0.project", "blocks.1.expand",
                "blocks.1.dw.k3", "blocks.1.dw.k5", "blocks.1.project"), vm.changedLayersProperty().get());
        for (String layer : vm.changedLayersProperty().get()) {
            assertNotNull(vm.graph(Side.A).graphProperty().get().nodeOfLayer(layer), layer + " is drawn");
        }
    }

    @Test
    void summaryNumbersAndTheirDifferences() {
        vm.compare(folderA, folderB);
        TicketDiff d = vm.getDiff();
        MetricChange accuracy = d.metrics().get(0);
        assertEquals("test accuracy", accuracy.name());
        assertEquals(0.80, accuracy.a(), 1e-12);
        assertEquals(0.85, accuracy.b(), 1e-12);
        assertEquals("+5.00 pp", accuracy.formatDelta());
        MetricChange macs = d.metrics().get(3);
        assertEquals(a.manifest().metrics().macs(), (long) macs.a());
        assertEquals(b.manifest().metrics().macs(), (long) macs.b());
        assertTrue(macs.b() > macs.a(), "B kept more of block 1");
        assertTrue(macs.formatDelta().startsWith("+"), macs.formatDelta());
        MetricChange params = d.metrics().get(5);
        assertEquals(b.manifest().metrics().params() - a.manifest().metrics().params(), params.delta(), 1e-9);
        assertTrue(vm.summaryProperty().get().contains("1 removed in A"), vm.summaryProperty().get());
    }

    @Test
    void bothGraphsShowTheirTicketAndShareTheSelection() {
        vm.compare(folderA, folderB);
        assertNotNull(vm.graph(Side.A).getFrame());
        assertNotNull(vm.graph(Side.B).getFrame());
        var graphA = vm.graph(Side.A).graphProperty().get();
        var k5 = graphA.nodeOfLayer("blocks.1.dw.k5");
        assertTrue(vm.graph(Side.A).getFrame().node(k5.id()).removed());
        assertEquals(10, vm.graph(Side.B).getFrame().node(k5.id()).channels());
        vm.selectLayer("blocks.1.dw.k3");
        assertEquals("blocks.1.dw.k3", vm.graph(Side.A).selectedLayerProperty().get());
        assertEquals("blocks.1.dw.k3", vm.graph(Side.B).selectedLayerProperty().get());
        String tip = vm.describe(Side.A, k5);
        assertTrue(tip.contains("removed") && tip.contains("in B: 10 / 24 channels"), tip);
        assertEquals("run-a", TicketDiffViewModel.nameOf(vm.ticketProperty(Side.A).get()));
    }

    @Test
    void ticketsOfDifferentSupernetsAreComparedPartByPart() throws Exception {
        // A 12x12 synthetic supernet: block 0 of 4 → 8 channels (branches of 8), block 1 of 8 → 8 (branches of 16).
        SearchSpaceConfig other = TestConfigs.tinySynthetic();
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(other), 3);
        TicketProvenance p = new TicketProvenance(other, "h", 7, "synthetic-run", 1, 1, "now", "e", "cpu", "0", "end");
        Path synthetic = dir.resolve("synthetic");
        TicketIo.write(synthetic, new Ticket(TicketIo.manifest(network, 0.5, 0.5, 1, 1, p), network));

        vm.compare(folderA, synthetic);
        TicketDiff d = vm.getDiff();
        assertFalse(d.sameSupernet());
        assertTrue(vm.summaryProperty().get().contains("different supernets"), vm.summaryProperty().get());
        assertEquals(new ChannelChange("blocks.0.dw.k5", "block 0 · dw 5×5", 12, 8, 12), d.channels().get(2));
        assertEquals(new ChannelChange("blocks.1.dw.k5", "block 1 · dw 5×5", 0, 16, 24), d.channels().get(5));
        assertEquals(a.manifest().layers().size(), d.layers().stream().filter(l -> l.a() != null).count());
        assertNotNull(vm.graph(Side.B).getFrame(), "each side is drawn on its own supernet");
        assertTrue(vm.graph(Side.A).graphProperty().get() != vm.graph(Side.B).graphProperty().get());
    }

    @Test
    void theSameTicketTwiceHasNoDifference() {
        vm.compare(folderA, folderA.getParent());
        TicketDiff d = vm.getDiff();
        assertTrue(d.changedChannels().isEmpty());
        assertTrue(d.changedLayers().isEmpty());
        assertEquals("A and B are the same ticket.", vm.summaryProperty().get());
    }

    @Test
    void aFolderWithoutATicketIsRefusedWithItsName() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-ticket-here"));
        vm.load(Side.A, folderA);
        vm.load(Side.B, empty);
        assertNull(vm.getDiff());
        assertNull(vm.ticketProperty(Side.B).get());
        assertNull(vm.folder(Side.B));
        assertEquals(1, notifier.errors.size());
        String error = notifier.errors.get(0);
        assertTrue(error.startsWith("Cannot read ticket B (no-ticket-here)"), error);
        assertTrue(error.contains("ticket.json") && !error.contains("Exception"), error);
        assertTrue(vm.summaryProperty().get().startsWith("Cannot read ticket B (no-ticket-here)"),
                vm.summaryProperty().get());

        // Following the table's selection, a run without a ticket is said in the summary, not in a dialog.
        vm.compare(folderA, dir.resolve("another-empty"));
        assertEquals(1, notifier.errors.size());
        assertTrue(vm.summaryProperty().get().contains("another-empty"), vm.summaryProperty().get());
    }
}
