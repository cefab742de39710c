package org.supertickets.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.DenseSpan;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.session.TimelineViewModel;

/**
 * Issue 35: the monitor's model of where masks were dense after a shrink — the spans the charts shade, the time
 * slider's marks over the snapshots, the sentence at the cursor and the sparsity dip — from a scripted staggered run.
 */
class DenseSpansViewModelTest {

    private final MonitorViewModel monitor = new MonitorViewModel();
    private final DenseSpansViewModel vm = monitor.dense();

    @BeforeEach
    void plan() {
        monitor.plan(TestEvents.CONFIG);
    }

    static ShrinkEvent shrink(long step, long reset, Map<Integer, Long> blocks, double sparsityAfter) {
        return new ShrinkEvent(step, step / 100.0, 3, 0, TestEvents.SUPERNET.macs(), TestEvents.SUPERNET.macs(), true,
                TestEvents.SUPERNET, reset, blocks, sparsityAfter);
    }

    static PruneEvent prune(long step, int index, double sparsity) {
        return new PruneEvent(step, step / 100.0, index, sparsity, sparsity, 0.01, 0, 40, false, List.of(), 2L, 28L);
    }

    /** The masks right after a shrink that reset them: every weight alive. */
    static ConnectivitySnapshot shrunk(long step) {
        return new ConnectivitySnapshot(step, step / 100.0, "shrink", TestEvents.SUPERNET, TestEvents.start().layers());
    }

    /** start · prune 100 · shrink 150 (30 reset in blocks 0 and 1) · prune 200 · shrink 250 (8 in block 1). */
    static List<TrainingEvent> staggered() {
        return List.of(TestEvents.started(), TestEvents.start(),
                prune(100, 1, 0.3), TestEvents.pruned(100, 1, 3, 0),
                shrink(150, 30, Map.of(0, 20L, 1, 10L), 0.02), shrunk(150),
                new StepMetrics(170, 1.7, 1.0, 0.6, 0.1, 0.05, 1, 900),
                prune(200, 2, 0.5), TestEvents.pruned(200, 2, 2, 0),
                shrink(250, 8, Map.of(1, 8L), 0.04), shrunk(250),
                new StepMetrics(270, 2.7, 1.0, 0.6, 0.1, 0.05, 1, 900));
    }

    private static List<ConnectivitySnapshot> snapshots(List<TrainingEvent> events) {
        return events.stream().filter(e -> e instanceof ConnectivitySnapshot).map(e -> (ConnectivitySnapshot) e)
                .toList();
    }

    @Test
    void theSpansRunFromTheShrinkToTheNextPruneAndTheLiveOneIsOpen() {
        monitor.accept(staggered());
        List<DenseSpan> spans = vm.spans();
        assertEquals(2, spans.size());
        assertEquals(1.5, spans.get(0).fromEpoch(), 1e-12);
        assertEquals(2.0, spans.get(0).untilEpoch(), 1e-12);
        assertEquals(DenseSpan.End.OPEN, spans.get(1).end());
        assertEquals(2.7, spans.get(1).untilEpoch(), 1e-12, "open: shaded up to the latest epoch seen");
    }

    @Test
    void theTimeSliderMarksTheSameSpansOverTheSnapshots() {
        List<TrainingEvent> events = staggered();
        monitor.accept(events);
        // snapshots: 0 start, 1 prune 100, 2 shrink 150, 3 prune 200, 4 shrink 250
        assertEquals(List.of(new TimelineViewModel.Mark(2, 3, false), new TimelineViewModel.Mark(4, 4, true)),
                vm.marks(snapshots(events)));
    }

    @Test
    void atTheCursorItSaysWhichBlocksSinceWhichShrinkAndUntilWhichPrune() {
        monitor.accept(staggered());
        vm.showCursor(150);
        assertEquals("The masks of blocks 0 and 1 are dense since the shrink at epoch 1.50 (30 pruned weights reset), "
                + "until the prune at epoch 2.00.", vm.atCursorProperty().get());
        vm.showCursor(200);
        assertEquals("", vm.atCursorProperty().get(), "the prune's snapshot has the masks pruned again");
        vm.showCursor(100);
        assertEquals("", vm.atCursorProperty().get());
        vm.showCursor(250);
        assertEquals("The masks of block 1 are dense since the shrink at epoch 2.50 (8 pruned weights reset), until "
                + "the next prune.", vm.atCursorProperty().get());
        monitor.accept(List.of(prune(300, 3, 0.6)));
        assertTrue(vm.atCursorProperty().get().endsWith("until the prune at epoch 3.00."),
                "the live span closed under the cursor: " + vm.atCursorProperty().get());
    }

    @Test
    void theSparsityCurveDipsAtTheShrinkAndRisesAtThePrune() {
        monitor.accept(staggered());
        SeriesModel actual = monitor.charts().get(2).series().get(1);
        assertEquals("actual", actual.name());
        assertEquals(0.02, actual.y(actual.lastIndexAtOrBefore(1.5)), 1e-12);
        assertEquals(0.5, actual.y(actual.lastIndexAtOrBefore(2.0)), 1e-12);
    }

    @Test
    void aShrinkOnAPrunesStepMakesNoDipAsItMakesNoSpan() {
        monitor.accept(List.of(TestEvents.started(), prune(100, 1, 0.3), shrink(200, 40, Map.of(0, 40L), 0.01),
                shrunk(200), prune(200, 2, 0.5), new StepMetrics(210, 2.1, 1.0, 0.6, 0.1, 0.05, 1, 900)));
        SeriesModel actual = monitor.charts().get(2).series().get(1);
        for (int i = 0; i < actual.size(); i++) {
            assertTrue(actual.y(i) >= 0.3, "no point at the fresh masks the prune overwrote: " + actual.y(i));
        }
        assertTrue(vm.spans().isEmpty());
    }

    @Test
    void thePlannedCurvesAndAnOldRunFolderShadeNothing() {
        monitor.accept(staggered());
        monitor.plan(TestEvents.CONFIG);
        assertTrue(vm.spans().isEmpty(), "planned curves: no run, no span");
        // written before the resets were counted: the shrink's count is unknown
        monitor.accept(List.of(TestEvents.started(), prune(100, 1, 0.3),
                new ShrinkEvent(150, 1.5, 3, 0, 10, 9, true, TestEvents.SUPERNET), prune(200, 2, 0.5)));
        assertTrue(vm.spans().isEmpty());
        vm.showCursor(150);
        assertEquals("", vm.atCursorProperty().get());
    }
}
