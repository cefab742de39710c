package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.prune.LayerPruneStats;
import org.supertickets.prune.RiglSchedule;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.TrainingMethod;

/**
 * Issue 36, the conventional sparse-training baseline: a real tiny run of method {@code rigl} is at its target
 * sparsity from the first step, moves connections at its events until three quarters of the run, and keeps every
 * layer's count of live weights through each move.
 */
class RiglTrainingTest {

    @Test
    void sparseFromTheFirstStepMovingConnectionsWithEveryLayersCountKept() {
        SearchSpaceConfig config = TrainingMethod.RIGL.applyTo(TestConfigs.tinySynthetic());
        assertEquals(TrainingMethod.RIGL, TrainingMethod.of(config));
        List<TrainingEvent> events = new ArrayList<>();
        TwoInOneTrainer trainer = new TwoInOneTrainer(config, "h", new SyntheticData(256, 4, 12, 3), Device.cpu(),
                events::add, new TrainingControl(), CheckpointStore.NONE);
        RunFinished finished = trainer.run();
        assertEquals(RunFinished.Outcome.COMPLETED, finished.outcome(), finished.message());

        List<PruneEvent> prunes = events.stream().filter(e -> e instanceof PruneEvent).map(e -> (PruneEvent) e)
                .toList();
        assertTrue(prunes.size() >= 3, "a start and at least two moves: " + prunes.size());
        PruneEvent start = prunes.get(0);
        assertEquals(0, start.step(), "the masks are drawn before the first step");
        assertEquals(config.pruning().targetSparsity(), start.sparsity(), 0.01);
        Map<String, Long> keptAtStart = kept(start);
        long endStep = RiglSchedule.endStep(trainer.totalSteps());
        boolean moved = false;
        for (PruneEvent move : prunes.subList(1, prunes.size())) {
            assertTrue(move.step() < endStep, "no move after three quarters of the run: step " + move.step());
            assertEquals(keptAtStart, kept(move), "every layer keeps its count of live weights");
            assertEquals(move.reactivated(), move.newlyPruned(), "as many grown as dropped");
            moved |= move.reactivated() > 0;
        }
        assertTrue(moved, "connections moved");
        assertEquals(start.sparsity(), finished.sparsity(), 1e-9);
    }

    private static Map<String, Long> kept(PruneEvent e) {
        return e.layers().stream().collect(Collectors.toMap(LayerPruneStats::layer, LayerPruneStats::kept));
    }
}
