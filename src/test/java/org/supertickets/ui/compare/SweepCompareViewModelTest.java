package org.supertickets.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.report.ComparedRun;
import org.supertickets.report.SweepCurves;
import org.supertickets.run.RunFolder;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.SweepGrid;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;

/**
 * Runs of a sparsity sweep offer their curves in the Compare tab's plots; runs that are no sweep do not, and the
 * plots show a point per run whatever was chosen.
 */
class SweepCompareViewModelTest {

    @TempDir
    Path dir;

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final CompareViewModel vm = new CompareViewModel(DirectRunner.create(), notifier);

    /** Run folders of a grid over target sparsity 0.5, 0.9 and seeds 1, 2; accuracy 0.8 + seed / 100 - target / 10. */
    static List<RunFolder> sweep(Path parent) throws Exception {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("pruning.targetSparsity", List.of("0.5", "0.9"));
        grid.put("seed", List.of("1", "2"));
        List<RunFolder> folders = new ArrayList<>();
        for (SearchSpaceConfig c : SweepGrid.expand(TinyTickets.CONFIG, grid)) {
            folders.add(TinyRuns.finished(parent, "t" + c.pruning().targetSparsity() + "-s" + c.seed(), c,
                    0.8 + c.seed() / 100.0 - c.pruning().targetSparsity() / 10, 1000));
        }
        return folders;
    }

    @Test
    void aSweepOffersItsCurvesAndTheChoiceShowsThemUntilTheRunsAreNoSweep() throws Exception {
        assertFalse(vm.sweepAvailableProperty().get());
        vm.add(sweep(dir).stream().map(RunFolder::path).toList());
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());
        assertEquals(4, vm.runs().size());

        assertTrue(vm.sweepAvailableProperty().get());
        assertFalse(vm.sweepCurvesShownProperty().get(), "a point per run until the user asks for curves");
        SweepCurves sweep = vm.sweepProperty().get();
        assertEquals(1, sweep.curves().size());
        SweepCurves.Curve curve = sweep.curves().get(0);
        assertEquals("supertickets", curve.label());
        assertEquals(List.of(0.5, 0.9), curve.points().stream().map(SweepCurves.Point::targetSparsity).toList());
        assertEquals(0.8 + 0.015 - 0.05, curve.points().get(0).score().mean(), 1e-12);
        assertEquals(2, curve.points().get(1).n());

        vm.showSweepCurvesProperty().set(true);
        assertTrue(vm.sweepCurvesShownProperty().get());

        // Without the runs at 0.9 every curve has one target: no sweep, no curves, though the choice is kept.
        List<ComparedRun> sparse = vm.runs().stream().filter(r -> r.name().startsWith("t0.9")).toList();
        vm.remove(sparse);
        assertFalse(vm.sweepAvailableProperty().get());
        assertFalse(vm.sweepCurvesShownProperty().get());
        assertTrue(vm.showSweepCurvesProperty().get());

        vm.clear();
        vm.add(sweep(dir.resolve("again")).stream().map(RunFolder::path).toList());
        assertTrue(vm.sweepCurvesShownProperty().get(), "a sweep loaded again comes back as curves");
    }
}
