package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.run.EventJson;
import org.supertickets.space.Architecture;
import org.supertickets.ui.TestEvents;

/**
 * Issue 35: the stretches where a shrink's fresh masks train dense until the next prune, read from a scripted event
 * list with a staggered cadence (architecture step every 50 steps, pruning every 100).
 */
class DenseSpansTest {

    private static final Architecture NET = TestEvents.SUPERNET;

    private static ShrinkEvent shrink(long step, Long reset, Map<Integer, Long> blocks) {
        return new ShrinkEvent(step, step / 100.0, 3, 0, NET.macs(), NET.macs() - 10, true, NET, reset, blocks, 0.05);
    }

    private static PruneEvent prune(long step, int index) {
        return new PruneEvent(step, step / 100.0, index, 0.1 * index, 0.1 * index, 0.01, 0, 40, false, List.of(),
                0L, 0L);
    }

    private static RunFinished end(long step) {
        return new RunFinished(step, step / 100.0, RunFinished.Outcome.COMPLETED, "done", 0.8, 0.5, 0.8, 0.5, 1, 1,
                1, 10, 1);
    }

    /**
     * start · shrink 50 (nothing pruned yet: no reset) · shrink+prune 100 (coincident) · shrink 150 (resets 30 in
     * blocks 0 and 1) · prune 200 · shrink 250 (resets 12) · shrink 275 (resets 5 more) · prune 300 · shrink 350
     * (resets 9) · end 400 with no prune after it.
     */
    private static List<TrainingEvent> staggered() {
        return List.of(TestEvents.started(),
                shrink(50, 0L, Map.of()),
                shrink(100, 0L, Map.of()), prune(100, 1),
                shrink(150, 30L, Map.of(0, 20L, 1, 10L)),
                new StepMetrics(175, 1.75, 1.0, 0.5, 0.1, 0.1, 1, 100),
                prune(200, 2),
                shrink(250, 12L, Map.of(1, 12L)),
                shrink(275, 5L, Map.of(0, 5L)),
                shrink(300, 7L, Map.of(0, 7L)), prune(300, 3),
                shrink(350, 9L, Map.of(2, 9L)),
                end(400));
    }

    @Test
    void aSpanRunsFromAShrinkThatResetWeightsToTheNextPrune() {
        List<DenseSpan> spans = DenseSpans.of(staggered());
        assertEquals(3, spans.size(), spans.toString());
        DenseSpan first = spans.get(0);
        assertEquals(150, first.fromStep());
        assertEquals(200, first.untilStep());
        assertEquals(2.0, first.untilEpoch(), 1e-12);
        assertEquals(DenseSpan.End.PRUNE, first.end());
        assertEquals(30, first.resetWeights());
        assertEquals(Map.of(0, 20L, 1, 10L), first.blocks());
        assertEquals("the masks of blocks 0 and 1 are dense since the shrink at epoch 1.50 (30 pruned weights reset), "
                + "until the prune at epoch 2.00", first.describe());
    }

    @Test
    void shrinksBeforeTheSamePruneMakeOneSpanAndTheShrinkOnThePrunesStepAddsToIt() {
        DenseSpan second = DenseSpans.of(staggered()).get(1);
        assertEquals(250, second.fromStep());
        assertEquals(300, second.untilStep());
        assertEquals(12 + 5 + 7, second.resetWeights());
        assertEquals(Map.of(0, 12L, 1, 12L), second.blocks());
    }

    @Test
    void noSpanWithoutResetsOrWhereThePruneOverwritesTheShrinkAtOnce() {
        List<DenseSpan> spans = DenseSpans.of(staggered());
        assertTrue(spans.stream().noneMatch(s -> s.fromStep() < 150), "the shrinks at 50 and 100 trained none");
        List<TrainingEvent> coincident = List.of(TestEvents.started(), prune(100, 1), shrink(200, 40L, Map.of(0, 40L)),
                prune(200, 2), end(200));
        assertTrue(DenseSpans.of(coincident).isEmpty(), "a shrink on a prune's step is pruned again at once");
    }

    @Test
    void aRunThatEndsDenseSaysSoAndTheLiveOneIsOpenUntilTheNextPrune() {
        DenseSpan last = DenseSpans.of(staggered()).get(2);
        assertEquals(DenseSpan.End.RUN_END, last.end());
        assertEquals(400, last.untilStep());
        assertTrue(last.contains(400), "the end snapshot still has the dense masks");
        assertTrue(last.describe().endsWith("until the end of the run at epoch 4.00 (no prune after it)"),
                last.describe());

        DenseSpans live = new DenseSpans();
        List<TrainingEvent> events = staggered();
        events.subList(0, 6).forEach(live::accept); // up to the step metrics at 175
        DenseSpan open = live.spans().get(0);
        assertEquals(DenseSpan.End.OPEN, open.end());
        assertEquals(175, open.untilStep(), "open: as far as the run has trained");
        assertTrue(open.contains(10_000));
        assertTrue(open.describe().endsWith("until the next prune"), open.describe());
    }

    @Test
    void theCursorIsInsideFromTheShrinkUpToButNotAtThePrune() {
        DenseSpans spans = new DenseSpans();
        staggered().forEach(spans::accept);
        assertNull(spans.at(100));
        assertEquals(150, spans.at(150).fromStep());
        assertEquals(150, spans.at(199).fromStep());
        assertNull(spans.at(200), "the prune's snapshot shows the masks pruned again");
        assertEquals(250, spans.at(275).fromStep());
        assertNull(spans.at(300));
    }

    @Test
    void olderRunFoldersOpenWithoutShading() {
        // Written before the resets were counted: no reset count, so no span, however the config staggers.
        List<TrainingEvent> old = new ArrayList<>();
        old.add(TestEvents.started());
        old.add(prune(100, 1));
        old.add(EventJson.fromJson(EventJson.toJson(new ShrinkEvent(150, 1.5, 3, 0, NET.macs(), NET.macs() - 10,
                true, NET)).replace(",\"resetByShrink\":null", "").replace(",\"resetByBlock\":null", "")
                .replace(",\"sparsityAfter\":null", "")));
        old.add(prune(200, 2));
        assertNull(((ShrinkEvent) old.get(2)).resetByShrink());
        assertNull(((ShrinkEvent) old.get(2)).resetByBlock());
        assertTrue(Double.isNaN(((ShrinkEvent) old.get(2)).sparsityAfter()), "absent: unknown");
        assertTrue(DenseSpans.of(old).isEmpty());

        // Counted in all but not per block: the span shows, its blocks unknown.
        String line = EventJson.toJson(new ShrinkEvent(150, 1.5, 3, 0, NET.macs(), NET.macs() - 10, true, NET, 30L))
                .replace(",\"resetByBlock\":null", "").replace(",\"sparsityAfter\":null", "");
        assertTrue(!line.contains("resetByBlock") && !line.contains("sparsityAfter"), line);
        List<DenseSpan> spans = DenseSpans.of(List.of(TestEvents.started(), prune(100, 1), EventJson.fromJson(line),
                prune(200, 2)));
        assertEquals(1, spans.size());
        assertNull(spans.get(0).blocks());
        assertTrue(spans.get(0).describe().startsWith("the rebuilt blocks' masks are dense since"),
                spans.get(0).describe());
    }

    @Test
    void theBlocksRoundTripThroughTheRunFolder() {
        ShrinkEvent s = shrink(150, 30L, Map.of(1, 10L, 0, 20L));
        ShrinkEvent read = (ShrinkEvent) EventJson.fromJson(EventJson.toJson(s));
        assertEquals(s, read);
        assertEquals(List.of(0, 1), List.copyOf(read.resetByBlock().keySet()), "in block order");
    }

    @Test
    void aResumedRunTrainsTheStoppedSpanOn() {
        DenseSpans spans = new DenseSpans();
        List.of(TestEvents.started(), prune(100, 1), shrink(150, 30L, Map.of(0, 30L)),
                new RunFinished(160, 1.6, RunFinished.Outcome.CANCELLED, "stopped", Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, 1, 1, 1, 10, 1)).forEach(spans::accept);
        assertEquals(DenseSpan.End.RUN_END, spans.spans().get(0).end());
        spans.accept(new RunStarted(160, 1.6, 400, 100, 100, 100, "cpu()", "PyTorch test", NET, NET.macs(),
                NET.params(), 1000, 100, 500, true));
        assertEquals(DenseSpan.End.OPEN, spans.spans().get(0).end());
        spans.accept(prune(200, 2));
        assertEquals(List.of(new DenseSpan(150, 1.5, 200, 2.0, DenseSpan.End.PRUNE, 30, Map.of(0, 30L))),
                spans.spans());
    }
}
