package org.supertickets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.run.RunSummary;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.SweepGrid;

/** A sparsity sweep becomes one curve per method and setting, a point per target sparsity averaging its seeds. */
class SweepCurvesTest {

    /** {@code t(0.975, 2)} from a table: the two-sided 95% quantile of Student's t with 2 degrees of freedom. */
    private static final double T_2 = 4.302652729749464;

    /** A run at a target sparsity; its measured sparsity is the target, its setting hash the method and target. */
    static RunSummary run(String method, double target, long seed, double accuracy) {
        return run(method, target, seed, accuracy, target, values(target, "0.0"));
    }

    static RunSummary run(String method, double target, long seed, double accuracy, double sparsity,
            Map<String, String> values) {
        return new RunSummary(method + "-t" + target + "-s" + seed, method, "fashion-mnist", seed, accuracy, sparsity,
                1 - sparsity, Math.round(1_000_000 * (1 - sparsity)), 1000, 5000, 2_000_000, 1e12 * (2 - target), 60,
                method + target + values.hashCode(), values, null, accuracy - 0.01);
    }

    /** A config's values at a target: the target, a fixed increment, and a floor that can set a setting apart. */
    static Map<String, String> values(double target, String minLayerDensity) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("data.dataset", "fashion-mnist");
        values.put("pruning.enabled", "true");
        values.put("pruning.targetSparsity", Double.toString(target));
        values.put("pruning.increment", "0.1");
        values.put("pruning.minLayerDensity", minLayerDensity);
        return values;
    }

    /** Two methods, targets 0.5 and 0.9, seeds 1-3: accuracies chosen so means and intervals are easy by hand. */
    static List<RunSummary> twoMethodsTwoTargetsThreeSeeds() {
        List<RunSummary> runs = new ArrayList<>();
        double[][] supertickets = {{0.80, 0.82, 0.84}, {0.70, 0.76, 0.76}};
        double[][] pruneOnly = {{0.79, 0.79, 0.79}, {0.60, 0.65, 0.70}};
        double[] targets = {0.9, 0.5}; // the higher target first: points are sorted, not kept in order given
        for (int t = 0; t < 2; t++) {
            for (int s = 0; s < 3; s++) {
                runs.add(run("supertickets", targets[t], s + 1, supertickets[1 - t][s]));
                runs.add(run("prune-only", targets[t], s + 1, pruneOnly[1 - t][s]));
            }
        }
        return runs;
    }

    @Test
    void twoMethodsAtTwoTargetsWithThreeSeedsAreTwoCurvesOfTwoPoints() {
        SweepCurves sweep = SweepCurves.of(twoMethodsTwoTargetsThreeSeeds());
        assertTrue(sweep.isSweep());
        assertEquals(List.of("supertickets", "prune-only"), sweep.curves().stream().map(SweepCurves.Curve::label)
                .toList(), "a method with one setting is named by its method");
        SweepCurves.Curve st = sweep.curves().get(0);
        assertEquals(List.of(0.5, 0.9), st.points().stream().map(SweepCurves.Point::targetSparsity).toList());
        SweepCurves.Point half = st.points().get(0);
        assertEquals(3, half.n());
        assertEquals(0.82, half.score().mean(), 1e-12);
        // sd of 0.80, 0.82, 0.84 is 0.02; half width t(0.975, 2) * sd / sqrt(3)
        double w = T_2 * 0.02 / Math.sqrt(3);
        assertEquals(0.82 - w, half.score().low(), 1e-9);
        assertEquals(0.82 + w, half.score().high(), 1e-9);
        SweepCurves.Point sparse = st.points().get(1);
        assertEquals(0.74, sparse.score().mean(), 1e-12);
        // 0.70, 0.76, 0.76: squares 0.0016 + 0.0004 + 0.0004 = 0.0024, sd = sqrt(0.0012)
        double w2 = T_2 * Math.sqrt(0.0012) / Math.sqrt(3);
        assertEquals(0.74 - w2, sparse.score().low(), 1e-9);
        assertEquals(0.74 + w2, sparse.score().high(), 1e-9);
        assertEquals(0.1, sparse.mean(RunSummary::weightsRemaining), 1e-12);
        assertEquals(1.1e12, sparse.mean(RunSummary::trainingMacs), 1);

        SweepCurves.Point flat = sweep.curves().get(1).points().get(0);
        assertEquals(0.79, flat.score().mean(), 1e-12);
        assertEquals(0.79, flat.score().low(), 1e-12, "no spread, no width");
        SweepCurves.Point pruned = sweep.curves().get(1).points().get(1);
        assertEquals(0.65, pruned.score().mean(), 1e-12);
        assertEquals(0.65 + T_2 * 0.05 / Math.sqrt(3), pruned.score().high(), 1e-9);
    }

    @Test
    void runsOfOneTargetEachAreNoSweep() {
        List<RunSummary> runs = List.of(run("supertickets", 0.9, 1, 0.8), run("supertickets", 0.9, 2, 0.82),
                run("prune-only", 0.8, 1, 0.7), run("dense", 0.9, 1, 0.85, 0, values(0.9, "0.0")));
        SweepCurves sweep = SweepCurves.of(runs);
        assertFalse(sweep.isSweep());
        assertEquals(3, sweep.curves().size());
        assertTrue(sweep.curves().stream().allMatch(c -> c.points().size() == 1));
        assertEquals(2, sweep.curves().get(0).points().get(0).n());
        SweepCurves.Point one = sweep.curves().get(1).points().get(0);
        assertTrue(Double.isNaN(one.score().low()), "one seed: no interval");
        assertFalse(SweepCurves.of(List.of()).isSweep());
    }

    @Test
    void aRunWithEveryWeightAliveHasNoTargetSoDenseRunsOfASweepGridPoolIntoOnePoint() {
        List<RunSummary> runs = new ArrayList<>(twoMethodsTwoTargetsThreeSeeds());
        runs.add(run("dense", 0.5, 1, 0.9, 0, values(0.5, "0.0")));
        runs.add(run("dense", 0.9, 2, 0.92, 0, values(0.9, "0.0")));
        SweepCurves.Curve dense = SweepCurves.of(runs).curves().get(2);
        assertEquals("dense", dense.label());
        assertEquals(1, dense.points().size());
        assertTrue(Double.isNaN(dense.points().get(0).targetSparsity()));
        assertEquals(2, dense.points().get(0).n());
        assertEquals(0.91, dense.points().get(0).score().mean(), 1e-12);
    }

    @Test
    void anotherSettingOfAMethodIsAnotherCurveNamedByWhatDiffersWhateverTheMethodsLabel() {
        List<RunSummary> runs = new ArrayList<>();
        for (String method : List.of("prune-once", "finetune")) {
            for (double target : new double[] {0.8, 0.95}) {
                for (String floor : List.of("0.0", "0.02")) {
                    Map<String, String> values = values(target, floor);
                    // a fine-tuned ticket prunes no more: its config keeps the target of the run that found it
                    values.put("pruning.enabled", Boolean.toString(!method.equals("finetune")));
                    runs.add(run(method, target, 1, floor.equals("0.0") ? 0.8 : 0.7, target, values));
                }
            }
        }
        SweepCurves sweep = SweepCurves.of(runs);
        assertEquals(List.of("prune-once", "prune-once minLayerDensity=0.02", "finetune",
                "finetune minLayerDensity=0.02"), sweep.curves().stream().map(SweepCurves.Curve::label).toList());
        assertTrue(sweep.curves().stream().allMatch(c -> c.points().size() == 2));
        assertEquals(0.7, sweep.curves().get(1).points().get(1).score().mean(), 1e-12);
    }

    @Test
    void oneShotsIncrementMovesWithItsTargetAndStaysOnOneCurve() throws Exception {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("method", List.of("one-shot", "supertickets"));
        grid.put("pruning.targetSparsity", List.of("0.5", "0.8"));
        grid.put("seed", List.of("1", "2"));
        List<RunSummary> runs = new ArrayList<>();
        for (SearchSpaceConfig c : SweepGrid.expand(TestConfigs.tinyFashionMnist(), grid)) {
            runs.add(new RunSummary(c.name(), RunSummary.methodOf(c), "fashion-mnist", c.seed(), 0.5 + c.seed() / 100.0,
                    c.pruning().targetSparsity(), 1 - c.pruning().targetSparsity(), 1000, 100, 100, 2000, 1e9, 1,
                    Integer.toHexString(RunSummary.settingValuesOf(c).hashCode()), RunSummary.settingValuesOf(c)));
        }
        SweepCurves sweep = SweepCurves.of(runs);
        assertEquals(List.of("one-shot", "supertickets"), sweep.curves().stream().map(SweepCurves.Curve::label)
                .toList());
        for (SweepCurves.Curve c : sweep.curves()) {
            assertEquals(List.of(0.5, 0.8), c.points().stream().map(SweepCurves.Point::targetSparsity).toList());
            assertTrue(c.points().stream().allMatch(p -> p.n() == 2));
        }
    }

    @Test
    void runsWithoutConfigValuesAreToldApartByTheirSettingAlone() {
        RunSummary a = new RunSummary("a", "supertickets", "d", 1, 0.8, 0.9, 0.1, 1, 1, 1, 1, 1, 1, "aaa");
        RunSummary b = new RunSummary("b", "supertickets", "d", 2, 0.9, 0.9, 0.1, 1, 1, 1, 1, 1, 1, "aaa");
        RunSummary c = new RunSummary("c", "supertickets", "d", 1, 0.7, 0.5, 0.5, 1, 1, 1, 1, 1, 1, "bbb");
        SweepCurves sweep = SweepCurves.of(List.of(a, b, c));
        assertFalse(sweep.isSweep(), "without the config nothing says the two settings differ only in the target");
        assertEquals(List.of("supertickets [aaa]", "supertickets [bbb]"), sweep.curves().stream()
                .map(SweepCurves.Curve::label).toList());
        assertEquals(0.85, sweep.curves().get(0).points().get(0).score().mean(), 1e-12);
    }
}
