package org.supertickets.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.supertickets.run.RunSummary;
import org.supertickets.stats.SeedStatistics;

/**
 * A sparsity sweep as curves: the runs of one method and setting that differ only in
 * {@code pruning.targetSparsity} (and seed) form one curve, with one point per target sparsity that averages its
 * seeds. Without this a sweep is drawn as one series per setting hash, dozens of single points.
 *
 * <p>Which fields are ignored is read from the runs, not from a list of methods: the target itself, and any field
 * that equals the target in every run of a method (one-shot sets its increment to the target). A run whose weights
 * are all alive (dense, nas-only, a transfer of a dense body) has no target sparsity whatever its config says, so
 * such runs of one setting pool into one point. Runs whose config values are unknown are told apart by their
 * setting hash alone and each such setting is a curve of one point.
 *
 * @param curves the curves, in order of the first run of each
 * @param score  what the y axis and the intervals measure (test accuracy, or mean IoU for segmentation)
 */
public record SweepCurves(List<Curve> curves, ComparisonCharts.Score score) {

    /** The config field a sparsity sweep varies. */
    public static final String TARGET_SPARSITY = "pruning.targetSparsity";

    public SweepCurves {
        curves = List.copyOf(curves);
    }

    /**
     * One method and setting across target sparsities.
     *
     * @param label   how plots and the CSV name it: the method, and where the method has several curves, what sets
     *                this one apart from the method's first (in config values, as {@link SettingDifferences})
     * @param method  the method label
     * @param dataset the dataset
     * @param points  one per target sparsity, by increasing target (a point without a target last)
     */
    public record Curve(String label, String method, String dataset, List<Point> points) {

        public Curve {
            points = List.copyOf(points);
        }
    }

    /**
     * The seeds of one target sparsity.
     *
     * @param targetSparsity the config's target; NaN for runs without one (dense, or config values unknown)
     * @param runs           its runs (seeds), in the order given
     * @param score          the score over the runs: mean and the two-sided 95% Student-t interval (n - 1 degrees of
     *                       freedom); no interval (NaN) with one run
     */
    public record Point(double targetSparsity, List<RunSummary> runs, SeedStatistics score) {

        public Point {
            runs = List.copyOf(runs);
        }

        /** How many runs (seeds) it averages. */
        public int n() {
            return runs.size();
        }

        /** The mean of a measure over its runs, leaving out runs that did not measure it (NaN). */
        public double mean(ToDoubleFunction<RunSummary> measure) {
            return statistics(measure).mean();
        }

        /** A measure over its runs: mean, standard deviation and 95% interval ({@link SeedStatistics}). */
        public SeedStatistics statistics(ToDoubleFunction<RunSummary> measure) {
            return SeedStatistics.of(runs.stream().mapToDouble(measure).toArray());
        }
    }

    /** Whether the runs form a sweep: at least one curve has two target sparsities or more. */
    public boolean isSweep() {
        return curves.stream().anyMatch(c -> c.points().size() >= 2);
    }

    /** Groups runs into curves; see the type's description. */
    public static SweepCurves of(List<RunSummary> runs) {
        ComparisonCharts.Score score = ComparisonCharts.Score.of(runs);
        Map<String, Set<String>> tied = fieldsTiedToTheTarget(runs);
        Map<String, List<RunSummary>> groups = new LinkedHashMap<>();
        Map<String, Map<String, String>> valuesOfGroup = new HashMap<>();
        for (RunSummary r : runs) {
            Map<String, String> values = withoutTarget(r, tied.getOrDefault(r.method(), Set.of()));
            String key = r.method() + "\n" + r.dataset() + "\n"
                    + (r.settingValues().isEmpty() ? "#" + r.setting() : values.toString());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            valuesOfGroup.putIfAbsent(key, values);
        }
        Map<String, String> hashDescriptions = SettingDifferences.of(runs);
        Map<String, Integer> curvesOfMethod = new HashMap<>();
        groups.values().forEach(g -> curvesOfMethod.merge(g.get(0).method(), 1, Integer::sum));
        Map<String, Map<String, String>> reference = new HashMap<>();
        Set<String> labels = new HashSet<>();
        List<Curve> curves = new ArrayList<>();
        groups.forEach((key, g) -> {
            RunSummary first = g.get(0);
            String label = first.method();
            if (first.settingValues().isEmpty()) {
                label = curvesOfMethod.get(first.method()) > 1 ? SettingDifferences.label(first, hashDescriptions)
                        : label;
            } else if (curvesOfMethod.get(first.method()) > 1) {
                Map<String, String> own = valuesOfGroup.get(key);
                String described = SettingDifferences.describe(own, reference.computeIfAbsent(first.method(),
                        m -> own));
                label += described.isEmpty() ? "" : " " + described;
            }
            String unique = label;
            for (int k = 2; !labels.add(unique); k++) {
                unique = label + " (" + k + ")";
            }
            curves.add(new Curve(unique, first.method(), first.dataset(), points(g, score)));
        });
        return new SweepCurves(curves, score);
    }

    /** The points of one curve: its runs by target sparsity. */
    private static List<Point> points(List<RunSummary> runs, ComparisonCharts.Score score) {
        // Double's order puts NaN (no target) after every target.
        Map<Double, List<RunSummary>> byTarget = new TreeMap<>();
        for (RunSummary r : runs) {
            byTarget.computeIfAbsent(targetOf(r), t -> new ArrayList<>()).add(r);
        }
        List<Point> points = new ArrayList<>();
        byTarget.forEach((target, ofTarget) -> points.add(new Point(target, ofTarget,
                SeedStatistics.of(ofTarget.stream().mapToDouble(score.value()).toArray()))));
        return points;
    }

    /**
     * The target sparsity a run was run at; NaN where it has none: its config does not say, or its weights are all
     * alive (pruning was off and it started from no ticket), so the config's target did nothing.
     */
    public static double targetOf(RunSummary r) {
        String value = r.settingValues().get(TARGET_SPARSITY);
        if (value == null || !(r.sparsity() > 0)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Per method, the fields other than the target whose value is the target in every run of that method that has
     * one: they move with the target (one-shot's increment), so they are part of the sweep's axis, not the setting.
     */
    private static Map<String, Set<String>> fieldsTiedToTheTarget(List<RunSummary> runs) {
        Map<String, Set<String>> tied = new HashMap<>();
        for (RunSummary r : runs) {
            double target = targetOf(r);
            if (Double.isNaN(target)) {
                continue;
            }
            Set<String> equal = new HashSet<>();
            r.settingValues().forEach((path, value) -> {
                if (!path.equals(TARGET_SPARSITY) && equalsNumber(value, target)) {
                    equal.add(path);
                }
            });
            tied.merge(r.method(), equal, (a, b) -> {
                a.retainAll(b);
                return a;
            });
        }
        return tied;
    }

    private static boolean equalsNumber(String value, double number) {
        if (value.isEmpty() || !(Character.isDigit(value.charAt(0)) || value.charAt(0) == '.')) {
            return false; // most fields are words or switches: not worth an exception each
        }
        try {
            return Double.parseDouble(value) == number;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The run's config values without the target sparsity and the fields tied to it: what its curve shares. */
    private static Map<String, String> withoutTarget(RunSummary r, Set<String> tied) {
        Map<String, String> values = new LinkedHashMap<>(r.settingValues());
        values.remove(TARGET_SPARSITY);
        values.keySet().removeAll(tied);
        return values;
    }
}
