package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.TrainingMethod;

class SweepTest {

    @Test
    void expandsEveryCombinationIntoValidNamedConfigs() throws Exception {
        SearchSpaceConfig base = ConfigIo.loadResolved(Path.of("sample-configs/quickstart.json"));
        List<SearchSpaceConfig> points = SweepCommand.expand(base, SweepCommand.parse(List.of(
                "method=supertickets,nas-only,prune-only", "seed=1,2", "pruning.targetSparsity=0.5,0.9")));
        assertEquals(12, points.size());
        SearchSpaceConfig nas = points.stream().filter(p -> p.name().equals("quickstart-nas-only-seed=2-"
                + "targetSparsity=0.9")).findFirst().orElseThrow();
        assertTrue(nas.search().enabled());
        assertFalse(nas.pruning().enabled());
        assertEquals(2L, nas.seed());
        assertEquals(0.9, nas.pruning().targetSparsity());
    }

    @Test
    void theAblationsAreMethodsAndSeeTheGridsTargetWhateverTheAxisOrder() throws Exception {
        SearchSpaceConfig base = ConfigIo.loadResolved(Path.of("sample-configs/quickstart.json"));
        List<SearchSpaceConfig> points = SweepCommand.expand(base, SweepCommand.parse(List.of(
                "method=one-shot,no-reactivation", "pruning.targetSparsity=0.9")));
        assertEquals(TrainingMethod.ONE_SHOT, TrainingMethod.of(points.get(0)));
        assertEquals(0.9, points.get(0).pruning().increment(), "one-shot jumps to the grid's target");
        assertEquals(TrainingMethod.NO_REACTIVATION, TrainingMethod.of(points.get(1)));
        assertThrows(IllegalArgumentException.class,
                () -> SweepCommand.expand(base, SweepCommand.parse(List.of("method=magic"))));
    }

    @Test
    void unknownKeysAndInvalidValuesAreRefused() throws Exception {
        SearchSpaceConfig base = ConfigIo.loadResolved(Path.of("sample-configs/quickstart.json"));
        assertThrows(IllegalArgumentException.class,
                () -> SweepCommand.expand(base, SweepCommand.parse(List.of("pruning.nope=1"))));
        assertThrows(IllegalArgumentException.class, () -> SweepCommand.parse(List.of("seed")));
        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepCommand.expand(base, SweepCommand.parse(List.of("pruning.targetSparsity=1.5"))));
        assertTrue(e.getMessage().contains("pruning.targetSparsity"), e.getMessage());
    }
}
