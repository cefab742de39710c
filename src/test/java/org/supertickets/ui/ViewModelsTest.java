package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supertickets.prune.SparsitySchedule;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.ui.graph.GraphFrame;
import org.supertickets.ui.graph.GraphNode;
import org.supertickets.ui.graph.GraphPainter;
import org.supertickets.ui.graph.GraphViewModel;
import org.supertickets.ui.graph.NodeKind;
import org.supertickets.ui.graph.NodeState;
import org.supertickets.ui.graph.SupernetGraph;
import org.supertickets.ui.heatmap.HeatmapData;
import org.supertickets.ui.heatmap.HeatmapRenderer;
import org.supertickets.ui.heatmap.HeatmapViewModel;
import org.supertickets.ui.monitor.ChartModel;
import org.supertickets.ui.monitor.MonitorViewModel;
import org.supertickets.ui.monitor.SeriesModel;
import org.supertickets.ui.session.TimelineViewModel;
import org.supertickets.ui.task.BackgroundTask;

/** The monitor, graph, heatmap and timeline ViewModels, with plain JUnit and no FX thread. */
class ViewModelsTest {

    @Test
    void monitorDrawsThePlannedScheduleBeforeAnyEventAndCurvesFromEvents() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.plan(TestEvents.CONFIG);
        ChartModel sparsity = vm.charts().get(2);
        SeriesModel planned = sparsity.series().get(0);
        assertTrue(planned.size() > 2);
        SparsitySchedule schedule = new SparsitySchedule(TestEvents.CONFIG.pruning());
        assertEquals(schedule.plannedAt(TestEvents.CONFIG.training().epochs()), planned.y(planned.size() - 1), 1e-9);
        assertEquals(0, vm.charts().get(0).series().get(0).size(), "no measured curve before the run");
        int revision = vm.revisionProperty().get();
        vm.accept(TestEvents.someMetrics(200));
        assertEquals(revision + 1, vm.revisionProperty().get(), "one repaint per batch");
        assertEquals(20, vm.charts().get(0).series().get(0).size());
        assertEquals(1, vm.charts().get(5).series().get(0).size(), "reactivated bar");
        assertEquals(345, vm.charts().get(5).series().get(1).y(0));
        assertTrue(vm.headlineProperty().get().contains("val acc 70.0%"), vm.headlineProperty().get());
        assertTrue(vm.charts().get(0).toCsv().startsWith("series,epoch,accuracy\ntrain,"));
    }

    @Test
    void longSeriesAreDownsampledButKeepTheirExtremesAndNewestPoint() {
        SeriesModel s = new SeriesModel("loss", SeriesModel.Style.LINE);
        for (int i = 0; i < 100_000; i++) {
            s.add(i, i == 31_337 ? 50 : Math.sin(i / 100.0));
        }
        double[][] shown = s.display(600);
        assertTrue(shown[0].length <= 601, "points " + shown[0].length);
        double max = 0;
        for (double y : shown[1]) {
            max = Math.max(max, y);
        }
        assertEquals(50, max, "the spike survives");
        assertEquals(99_999, shown[0][shown[0].length - 1]);
    }

    @Test
    void theSupernetIsLaidOutOnceInLayersAndSnapshotsOnlyChangeStates() {
        SupernetGraph graph = SupernetGraph.of(TestEvents.SUPERNET);
        GraphNode input = graph.nodes().get(0);
        assertEquals(NodeKind.INPUT, input.kind());
        for (var e : graph.edges()) {
            assertTrue(graph.nodes().get(e.to()).rank() > graph.nodes().get(e.from()).rank(), "edges go down");
        }
        GraphNode dw3 = graph.nodeOfLayer("blocks.0.dw.k3");
        GraphNode dw5 = graph.nodeOfLayer("blocks.0.dw.k5");
        assertEquals(dw3.rank(), dw5.rank(), "parallel branches share a layer");
        assertTrue(graph.nodes().stream().anyMatch(n -> n.kind() == NodeKind.SKIP), "stride-2 blocks have a skip conv");

        GraphViewModel vm = new GraphViewModel();
        vm.show(TestEvents.SUPERNET, TestEvents.start(), "start");
        SupernetGraph laidOut = vm.graphProperty().get();
        vm.show(TestEvents.SUPERNET, TestEvents.shrunk(300, 3), "shrink");
        assertTrue(laidOut == vm.graphProperty().get(), "no relayout for a new snapshot");
        GraphFrame frame = vm.getFrame();
        NodeState removed = frame.node(laidOut.nodeOfLayer("blocks.1.dw.k5").id());
        assertTrue(removed.removed());
        NodeState halved = frame.node(laidOut.nodeOfLayer("blocks.0.dw.k3").id());
        assertEquals(halved.maxChannels() / 2, halved.channels());
        assertTrue(halved.opacity() >= 0.2 && halved.opacity() <= 1.0);
        String tip = vm.describe(laidOut.nodeOfLayer("blocks.0.dw.k3"));
        assertTrue(tip.contains("channels") && tip.contains("MACs") && tip.contains("importance"), tip);
        assertTrue(vm.describe(laidOut.nodeOfLayer("blocks.1.dw.k5")).contains("removed"));
        assertTrue(GraphPainter.edgeWidth(1000, 1000) > GraphPainter.edgeWidth(10, 1000));
        assertTrue(GraphPainter.edgeWidth(10, 1000) > 1.5, "compressive: a thin path stays visible");
    }

    @Test
    void importanceSharesOfABlockSumToOne() {
        GraphViewModel vm = new GraphViewModel();
        vm.show(TestEvents.SUPERNET, TestEvents.start(), "start");
        SupernetGraph g = vm.graphProperty().get();
        double sum = 0;
        for (GraphNode n : g.nodes()) {
            if (n.kind() == NodeKind.DEPTHWISE && n.block() == 0) {
                sum += vm.getFrame().node(n.id()).importanceShare();
            }
        }
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void heatmapDecodesWeightsAndMarksReactivatedAndNewlyPruned() {
        ConnectivitySnapshot a = TestEvents.pruned(100, 1, 2, 0); // even weights pruned
        ConnectivitySnapshot b = TestEvents.pruned(200, 2, 2, 1); // odd weights pruned
        var before = a.layers().get(1);
        var now = b.layers().get(1);
        HeatmapData d = HeatmapData.of(now, before, false);
        assertTrue(d.diffAvailable());
        assertEquals(now.kept(), d.kept());
        assertEquals(d.kept(), d.reactivated(), "every alive weight was pruned before");
        assertEquals(d.total() - d.kept(), d.newlyPruned());
        assertEquals(HeatmapData.REACTIVATED, d.state(0, 0));
        assertEquals(HeatmapData.NEWLY_PRUNED, d.state(0, 1));
        assertEquals(now.shape()[0], d.rows());
        HeatmapData folded = HeatmapData.of(now, before, true);
        assertEquals(now.shape()[1], folded.cols());
        assertFalse(HeatmapData.of(now, null, false).diffAvailable());
    }

    @Test
    void rendererFillsEveryPixelAndLeavesPrunedCellsEmpty() {
        ConnectivitySnapshot a = TestEvents.pruned(100, 1, 2, 0);
        HeatmapData d = HeatmapData.of(a.layers().get(1), null, false);
        HeatmapRenderer r = new HeatmapRenderer(0xFF000000, false);
        int w = 200;
        int h = 100;
        int[] px = new int[w * h];
        r.render(d, 4, 0, 0, w, h, px);
        assertEquals(0xFF000000, px[0], "weight 0 is pruned: empty");
        assertTrue(px[4] != 0xFF000000, "weight 1 is alive");
        r.render(d, 0.25, 0, 0, w, h, px); // zoomed out: the strongest alive weight per pixel
        assertTrue(px[0] != 0xFF000000);
        assertTrue(r.colour(-1f) != r.colour(1f));
    }

    @Test
    void heatmapViewModelDecodesTheSelectedLayerAndExplainsMissingOnes() {
        HeatmapViewModel vm = new HeatmapViewModel(DirectRunner.create());
        vm.show(null, TestEvents.start(), null);
        assertNull(vm.getData());
        vm.show("blocks.0.expand", TestEvents.pruned(1, 1, 3, 0), TestEvents.start());
        assertNotNull(vm.getData());
        assertTrue(vm.summaryProperty().get().contains("blocks.0.expand"));
        vm.show("blocks.1.dw.k5", TestEvents.shrunk(300, 3), null);
        assertNull(vm.getData());
        assertTrue(vm.summaryProperty().get().contains("removed"));
        vm.show("blocks.0.dw.k3", TestEvents.start(), null);
        vm.foldedProperty().set(true);
        assertTrue(vm.getData().folded());
    }

    @Test
    void timelineFollowsTheRunUntilScrubbedAndReplays() {
        TimelineViewModel t = new TimelineViewModel();
        t.reset(List.of());
        assertNull(t.current());
        t.append(List.of(TestEvents.start(), TestEvents.pruned(100, 1, 2, 0)));
        assertEquals(1, t.getIndex());
        t.select(0);
        assertFalse(t.followingProperty().get());
        t.append(List.of(TestEvents.pruned(200, 2, 2, 1)));
        assertEquals(0, t.getIndex(), "scrubbed back: stays");
        assertEquals("start", t.current().reason());
        t.togglePlay();
        assertTrue(t.playingProperty().get());
        t.tick();
        t.tick();
        assertEquals(2, t.getIndex());
        assertFalse(t.playingProperty().get(), "stops at the end");
        assertTrue(t.followingProperty().get());
        assertNotNull(t.previous());
        assertTrue(t.captionProperty().get().startsWith("snapshot 3/3"));
    }

    /** Issue 30, item 5: once scrubbed, Live (not only dragging to the end) takes the cursor back to the run. */
    @Test
    void liveTakesAScrubbedOrReplayingCursorBackToFollowingTheRun() {
        TimelineViewModel t = new TimelineViewModel();
        assertFalse(t.isScrubbed(), "nothing to scrub yet");
        t.append(List.of(TestEvents.start(), TestEvents.pruned(100, 1, 2, 0), TestEvents.pruned(200, 2, 2, 1)));
        assertFalse(t.isScrubbed(), "following the run");
        t.select(0);
        assertTrue(t.isScrubbed());
        t.append(List.of(TestEvents.pruned(300, 3, 2, 0)));
        t.goLive();
        assertEquals(3, t.getIndex(), "at the newest snapshot, including the one that came while scrubbed");
        assertFalse(t.isScrubbed());
        assertTrue(t.followingProperty().get());
        t.append(List.of(TestEvents.pruned(400, 4, 2, 1)));
        assertEquals(4, t.getIndex(), "and follows from there on");

        t.select(1);
        t.togglePlay();
        assertTrue(t.isScrubbed(), "a replay shows the past too");
        t.goLive();
        assertFalse(t.playingProperty().get(), "Live ends the replay");
        assertEquals(4, t.getIndex());
        assertFalse(t.isScrubbed());
    }

    @Test
    void backgroundTaskDeliversResultsFailuresAndNothingAfterCancel() throws Exception {
        List<String> seen = new ArrayList<>();
        BackgroundTask.of("ok", ctx -> {
            ctx.progress(0.5);
            return 42;
        }).onSuccess(v -> seen.add("ok " + v)).onProgress(p -> seen.add("p " + p)).run(DirectRunner.create());
        BackgroundTask.of("fail", ctx -> {
            throw new java.io.IOException("disk full. Fix: free space");
        }).onFailure(e -> seen.add("fail " + e.getMessage())).run(DirectRunner.create());
        assertEquals(List.of("p 0.5", "ok 42", "fail disk full. Fix: free space"), seen);

        var real = org.supertickets.ui.task.TaskRunner.create(Runnable::run);
        AtomicInteger delivered = new AtomicInteger();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        var handle = BackgroundTask.of("slow", ctx -> {
            started.countDown();
            while (!ctx.isCancelled()) {
                Thread.onSpinWait();
            }
            return 1;
        }).onSuccess(v -> delivered.incrementAndGet()).onFailure(e -> delivered.incrementAndGet()).run(real);
        started.await();
        handle.cancel();
        Thread.sleep(100);
        assertEquals(0, delivered.get());
        real.shutdown();
    }
}
