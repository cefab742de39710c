package org.supertickets.ui.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.cli.RunTally;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.GlobalMagnitudePruner;
import org.supertickets.prune.MaskChange;
import org.supertickets.prune.PruneResult;
import org.supertickets.run.EventJson;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.LayerShape;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.SnapshotBuilder;
import org.supertickets.train.SnapshotComparison;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.heatmap.HeatmapData;

/**
 * Issue 30, item 3: on a scripted prune → shrink → prune, the event panel, the heatmap, the Inside histogram and
 * {@code info} give the same number for each kind of mask change (back by re-ranking, reset by a shrink, newly
 * pruned, reset then kept or pruned again), each against the same reference.
 */
class MaskChangeCountsTest {

    private static final double RATIO = 0.5;

    /** The scripted run: its events and snapshots in the order the trainer emits them. */
    private record Script(PruneEvent first, ShrinkEvent shrink, PruneEvent second,
            List<ConnectivitySnapshot> snapshots) {
    }

    private static Script script() {
        NetworkState s0 = NetworkInitializer.initialize(TestEvents.SUPERNET, 3);
        List<String> layers = TestEvents.SUPERNET.layers().stream().filter(LayerShape::prunable)
                .map(LayerShape::name).toList();
        assertFalse(new ArrayList<>(layers).isEmpty());
        // prune 1
        PruneResult r1 = GlobalMagnitudePruner.prune(weights(s0, layers), masks(s0, layers), masks(s0, layers),
                RATIO, true, 0);
        PruneEvent p1 = event(100, 1.0, 1, r1);
        NetworkState s1 = s0.withTensors(byMaskName(r1.masks()));
        // shrink: block 0 rebuilt with every channel kept, so its masks reset but no layer is reshaped
        Map<Integer, int[]> all = new LinkedHashMap<>();
        BlockState block0 = TestEvents.SUPERNET.blocks().get(0);
        for (BranchState br : block0.branches()) {
            all.put(br.kernelSize(), java.util.stream.IntStream.range(0, br.hiddenChannels()).toArray());
        }
        ChannelSurgery surgery = new ChannelSurgery(s1, Map.of(block0.index(), all));
        NetworkState s2 = surgery.apply(true);
        long reset = MaskChange.resetsByShrink(surgery.sliceState(byMaskName(masks(s1, layers))),
                byMaskName(masks(s2, layers)));
        ShrinkEvent shrink = new ShrinkEvent(150, 1.5, 0, 0, TestEvents.SUPERNET.macs(), s2.architecture().macs(),
                true, s2.architecture(), reset);
        // training between: some reset weights of block 0 and some still-masked ones of block 1 grow large
        Map<String, HostTensor> grown = new LinkedHashMap<>();
        Map<String, HostTensor> m1 = r1.masks();
        for (String layer : layers) {
            if (!layer.startsWith("blocks.0.") && !layer.startsWith("blocks.1.")) {
                continue;
            }
            HostTensor w = s2.tensor(TensorNames.weight(layer));
            float[] data = w.data().clone();
            float[] mask = m1.get(layer).data();
            int grownHere = 0;
            for (int i = 0; i < data.length && grownHere < 5; i++) {
                if (mask[i] == 0f) {
                    data[i] *= 1000;
                    grownHere++;
                }
            }
            grown.put(TensorNames.weight(layer), new HostTensor(data, w.shape()));
        }
        NetworkState trained = s2.withTensors(grown);
        // prune 2, against the masks right after prune 1 (sliced through the shrink), as the trainer does
        Map<String, HostTensor> reference = new LinkedHashMap<>();
        surgery.sliceState(byMaskName(m1)).forEach((name, mask) -> reference.put(
                name.substring(0, name.length() - TensorNames.MASK.length()), mask));
        PruneResult r2 = GlobalMagnitudePruner.prune(weights(trained, layers), masks(trained, layers), reference,
                RATIO, true, 0);
        PruneEvent p2 = event(200, 2.0, 2, r2);
        List<ConnectivitySnapshot> snapshots = List.of(SnapshotBuilder.build(s0, 0, 0, "start", true),
                SnapshotBuilder.build(s1, 100, 1.0, "prune", true),
                SnapshotBuilder.build(s2, 150, 1.5, "shrink", true),
                SnapshotBuilder.build(trained.withTensors(byMaskName(r2.masks())), 200, 2.0, "prune", true));
        return new Script(p1, shrink, p2, snapshots);
    }

    @Test
    void theScriptHasEveryKind() {
        Script s = script();
        assertTrue(s.shrink().resetByShrink() > 0, "the shrink reset pruned weights");
        assertTrue(s.second().backByReranking() > 0, "block 1's grown weights came back by re-ranking");
        assertTrue(s.second().resetKept() > 0, "block 0's grown weights were kept after the reset");
        assertTrue(s.second().resetPrunedAgain() > 0, "the rest of the reset ones were pruned again");
        assertTrue(s.second().newlyPruned() > 0, "the weights that came back pushed others out");
        assertEquals(s.shrink().resetByShrink(), s.second().resetKept() + s.second().resetPrunedAgain(),
                "one shrink, no channel cut: every weight it reset is either kept or pruned again");
    }

    @Test
    void theEventPanelNamesEachKindWithTheEventsNumbers() {
        Script s = script();
        EventExplainer explainer = new EventExplainer(TestEvents.CONFIG);
        explainer.accept(TestEvents.started());
        explainer.accept(s.snapshots().get(0));
        explainer.accept(s.first());
        explainer.accept(s.snapshots().get(1));
        Explanation shrink = explainer.accept(s.shrink());
        explainer.accept(s.snapshots().get(2));
        Explanation prune = explainer.accept(s.second());
        assertTrue(shrink.title().contains(grouped(s.shrink().resetByShrink()) + " reset by the shrink"),
                shrink.title());
        PruneEvent p = s.second();
        assertTrue(prune.title().contains(grouped(p.newlyPruned()) + " newly pruned, "
                + grouped(p.backByReranking()) + " back by re-ranking"), prune.title());
        assertTrue(prune.text().contains("reset by a shrink since (fresh all-ones masks): this event kept "
                + grouped(p.resetKept()) + " and pruned " + grouped(p.resetPrunedAgain()) + " again"), prune.text());
    }

    @Test
    void theHeatmapCountsEachKindAsTheEventsDo() {
        Script s = script();
        SnapshotComparison atShrink = SnapshotComparison.at(s.snapshots(), 2);
        SnapshotComparison atPrune = SnapshotComparison.at(s.snapshots(), 3);
        assertEquals(s.shrink().resetByShrink(), heatmapSum(atShrink, MaskChange.RESET_BY_SHRINK));
        assertEquals(s.second().newlyPruned(), heatmapSum(atPrune, MaskChange.NEWLY_PRUNED));
        assertEquals(s.second().backByReranking(), heatmapSum(atPrune, MaskChange.BACK_BY_RERANKING));
        assertEquals(s.second().resetKept(), heatmapSum(atPrune, MaskChange.RESET_KEPT));
        assertEquals(s.second().resetPrunedAgain(), heatmapSum(atPrune, MaskChange.RESET_PRUNED_AGAIN));
        // and per layer, with the label saying against what
        LayerSnapshot layer = s.snapshots().get(3).layers().stream()
                .filter(l -> l.name().startsWith("blocks.0.")).findFirst().orElseThrow();
        HeatmapData d = HeatmapData.against(layer, atPrune, false);
        PruneEvent p = s.second();
        org.supertickets.prune.LayerPruneStats stats = p.layers().stream()
                .filter(l -> l.layer().equals(layer.name())).findFirst().orElseThrow();
        assertTrue(d.summary().contains(String.format(Locale.ROOT, "since the previous prune: %,d newly pruned ×, "
                + "%,d back by re-ranking ○; of %,d reset by a shrink since: %,d kept, %,d pruned again ×",
                stats.newlyPruned(), stats.backByReranking(), stats.resetKept() + stats.resetPrunedAgain(),
                stats.resetKept(), stats.resetPrunedAgain())), d.summary());
        assertEquals(d.newlyPruned(), stats.newlyPruned() + stats.resetPrunedAgain(),
                "the snapshot diff's crosses are newly pruned + pruned again after the reset");
    }

    @Test
    void theInsideHistogramCountsEachKindAsTheEventsDo() {
        Script s = script();
        DistributionsViewModel vm = new DistributionsViewModel();
        List<PruneEvent> prunes = List.of(s.first(), s.second());
        vm.show(TestEvents.SUPERNET, s.snapshots(), 2, prunes, 1e-3);
        MagnitudeHistogram atShrink = vm.magnitudesProperty().get();
        assertTrue(atShrink.atShrink());
        assertEquals(s.shrink().resetByShrink(), atShrink.total(atShrink.resetByShrink()));
        assertEquals(0, atShrink.total(atShrink.backByReranking()), "a shrink brings nothing back by re-ranking");
        vm.show(TestEvents.SUPERNET, s.snapshots(), 3, prunes, 1e-3);
        MagnitudeHistogram atPrune = vm.magnitudesProperty().get();
        assertFalse(atPrune.atShrink());
        assertEquals(s.second().backByReranking(), atPrune.total(atPrune.backByReranking()));
        assertEquals(s.second().resetKept(), atPrune.total(atPrune.resetByShrink()));
    }

    @Test
    void infoSumsEachKindAsTheEventsCountIt() {
        Script s = script();
        RunTally tally = new RunTally();
        tally.add(s.first());
        tally.add(s.shrink());
        tally.add(s.second());
        String text = tally.countsText();
        assertEquals(String.format(Locale.ROOT, "%,d newly pruned, %,d back by re-ranking, %,d reset by a shrink "
                + "(at the next pruning event %,d kept, %,d pruned again)",
                s.first().newlyPruned() + s.second().newlyPruned(),
                s.first().backByReranking() + s.second().backByReranking(), s.shrink().resetByShrink(),
                s.second().resetKept(), s.second().resetPrunedAgain()), text);
        assertTrue(s.second().countsText().startsWith(String.format(Locale.ROOT, "%d newly pruned, %d back by "
                + "re-ranking, %d reset since", s.second().newlyPruned(), s.second().backByReranking(),
                s.second().resetSincePrevious())), s.second().countsText());
    }

    @Test
    void olderRunFoldersStillLoadWithTheKindsUnknownAndNewOnesKeepThem() {
        Script s = script();
        PruneEvent back = (PruneEvent) EventJson.fromJson(EventJson.toJson(s.second()));
        assertEquals(s.second().resetKept(), back.resetKept());
        assertEquals(s.second().resetPrunedAgain(), back.resetPrunedAgain());
        ShrinkEvent shrinkBack = (ShrinkEvent) EventJson.fromJson(EventJson.toJson(s.shrink()));
        assertEquals(s.shrink().resetByShrink(), shrinkBack.resetByShrink());
        PruneEvent old = (PruneEvent) EventJson.fromJson("{\"type\":\"prune\",\"step\":5,\"epoch\":1.0,\"index\":1,"
                + "\"targetRatio\":0.1,\"sparsity\":0.1,\"threshold\":0.01,\"reactivated\":3,\"newlyPruned\":9,"
                + "\"masksResetAfter\":false,\"layers\":[]}");
        assertFalse(old.kindsKnown());
        assertEquals(3, old.reactivated());
        assertTrue(old.countsText().contains("not told apart"), old.countsText());
        ShrinkEvent oldShrink = (ShrinkEvent) EventJson.fromJson("{\"type\":\"shrink\",\"step\":5,\"epoch\":1.0,"
                + "\"deadChannels\":2,\"targetChannels\":0,\"macsBefore\":10,\"macsAfter\":8,\"masksReset\":true}");
        assertNull(oldShrink.resetByShrink());
        RunTally tally = new RunTally();
        tally.add(old);
        tally.add(oldShrink);
        assertTrue(tally.countsText().contains("3 back of a kind this run folder does not record"), tally.countsText());
    }

    private static long heatmapSum(SnapshotComparison compared, MaskChange kind) {
        long sum = 0;
        for (LayerSnapshot l : compared.current().layers()) {
            long n = HeatmapData.against(l, compared, false).count(kind);
            assertTrue(n >= 0, l.name() + " is comparable: no layer was reshaped");
            sum += n;
        }
        return sum;
    }

    private static PruneEvent event(long step, double epoch, int index, PruneResult r) {
        return new PruneEvent(step, epoch, index, RATIO, r.sparsity(), r.threshold(), r.reactivated(),
                r.newlyPruned(), false, r.perLayer(), r.resetKept(), r.resetPrunedAgain());
    }

    private static Map<String, HostTensor> weights(NetworkState s, List<String> layers) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        layers.forEach(l -> out.put(l, s.tensor(TensorNames.weight(l))));
        return out;
    }

    private static Map<String, HostTensor> masks(NetworkState s, List<String> layers) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        layers.forEach(l -> out.put(l, s.tensor(TensorNames.mask(l))));
        return out;
    }

    private static Map<String, HostTensor> byMaskName(Map<String, HostTensor> byLayer) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        byLayer.forEach((l, t) -> out.put(TensorNames.mask(l), t));
        return out;
    }

    private static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
