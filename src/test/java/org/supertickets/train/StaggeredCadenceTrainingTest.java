package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.space.Architecture;
import org.supertickets.space.Cadence;
import org.supertickets.space.SearchConfig;
import org.supertickets.space.SearchSpaceConfig;

/**
 * Issue 35, "the cadence (dense training between a shrink and the next prune, in a scripted run)": a real tiny run
 * whose architecture step (every half epoch) is staggered against its pruning (every epoch). Between a shrink that
 * reset pruned weights and the next pruning event, the recorded masks of the blocks it reset are dense, the run
 * trains there, and {@link DenseSpans} finds exactly those stretches in the events.
 */
class StaggeredCadenceTrainingTest {

    /** The tiny synthetic run, its architecture step every half epoch; a MACs target makes every step shrink. */
    private static SearchSpaceConfig staggered() {
        SearchSpaceConfig c = TestConfigs.tinySynthetic();
        SearchConfig s = c.search();
        long target = Architecture.supernet(c).macs() * 2 / 5;
        return c.withSearchAndPruning(new SearchConfig(true, s.rho(), s.rhoWarmupEpochs(), s.gammaThreshold(),
                s.minShrinkMacs(), 0.5, s.bnRecalibrationBatches(), target, 3.0), c.pruning());
    }

    @Test
    void betweenAShrinkThatResetMasksAndTheNextPruneTheRecordedMasksOfThoseBlocksAreDense() {
        SearchSpaceConfig config = staggered();
        assertEquals(Cadence.Kind.STAGGERED, Cadence.of(config).kind(), Cadence.of(config).describe());
        List<TrainingEvent> events = new ArrayList<>();
        RunFinished finished = new TwoInOneTrainer(config, "h", new SyntheticData(256, 4, 12, 3), Device.cpu(),
                events::add, new TrainingControl(), CheckpointStore.NONE).run();
        assertEquals(RunFinished.Outcome.COMPLETED, finished.outcome(), finished.message());

        List<DenseSpan> spans = DenseSpans.of(events);
        assertFalse(spans.isEmpty(), "a staggered cadence trains dense after some shrink");
        List<ShrinkEvent> shrinks = events.stream().filter(e -> e instanceof ShrinkEvent).map(e -> (ShrinkEvent) e)
                .toList();
        List<PruneEvent> prunes = events.stream().filter(e -> e instanceof PruneEvent).map(e -> (PruneEvent) e)
                .toList();
        for (DenseSpan span : spans) {
            assertEquals(DenseSpan.End.PRUNE, span.end(), "the run prunes at its last step: " + span);
            PruneEvent ending = prunes.stream().filter(p -> p.step() == span.untilStep()).findFirst().orElseThrow();
            assertTrue(prunes.stream().noneMatch(p -> p.step() > span.fromStep() && p.step() < span.untilStep()),
                    "the span ends at the first prune after the shrink: " + span);
            ShrinkEvent opening = shrinks.stream().filter(s -> s.step() == span.fromStep()).findFirst().orElseThrow();
            assertTrue(opening.resetByShrink() > 0 && !opening.resetByBlock().isEmpty(), opening.toString());
            assertTrue(span.untilStep() > span.fromStep(), "optimiser steps with the reset weights alive: " + span);
            assertTrue(ending.resetSincePrevious() > 0 && ending.resetSincePrevious() <= span.resetWeights(),
                    "the prune ranks the reset weights again: " + ending.countsText());

            // Recorded: every snapshot inside has the reset blocks' masks all ones, and the prune's prunes them again.
            List<ConnectivitySnapshot> inside = events.stream().filter(e -> e instanceof ConnectivitySnapshot c
                    && span.contains(c.step())).map(e -> (ConnectivitySnapshot) e).toList();
            assertFalse(inside.isEmpty());
            assertEquals("shrink", inside.get(0).reason());
            for (ConnectivitySnapshot snapshot : inside) {
                for (int block : span.blocks().keySet()) {
                    assertEquals(0, pruned(snapshot, block), "block " + block + " dense at step " + snapshot.step());
                }
            }
            ConnectivitySnapshot afterPrune = events.stream().filter(e -> e instanceof ConnectivitySnapshot c
                    && c.step() == span.untilStep() && c.reason().equals("prune")).map(e -> (ConnectivitySnapshot) e)
                    .findFirst().orElseThrow();
            assertTrue(span.blocks().keySet().stream().anyMatch(b -> pruned(afterPrune, b) > 0),
                    "the prune at step " + span.untilStep() + " prunes the reset blocks again");

            // The sparsity the monitor charts dips at the shrink and rises at the prune.
            assertFalse(Double.isNaN(opening.sparsityAfter()));
            PruneEvent previous = prunes.stream().filter(p -> p.step() < span.fromStep()).reduce((a, b) -> b)
                    .orElseThrow();
            assertTrue(opening.sparsityAfter() < previous.sparsity(), opening.sparsityAfter() + " after the shrink, "
                    + previous.sparsity() + " after the prune before it");
            assertTrue(ending.sparsity() > opening.sparsityAfter());
        }
        // And nothing else: outside the spans, every shrink that reset weights sits on a pruning event's step.
        for (ShrinkEvent s : shrinks) {
            if (s.resetByShrink() > 0 && spans.stream().noneMatch(span -> span.contains(s.step()))) {
                assertTrue(prunes.stream().anyMatch(p -> p.step() == s.step()), "step " + s.step());
            }
        }
    }

    /** Masked weights of a block's layers at a snapshot. */
    private static long pruned(ConnectivitySnapshot snapshot, int block) {
        String prefix = "blocks." + block + ".";
        return snapshot.layers().stream().filter(l -> l.name().startsWith(prefix)).mapToLong(l -> l.total() - l.kept())
                .sum();
    }
}
