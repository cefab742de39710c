package org.supertickets.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.supertickets.run.RunSummary;
import org.supertickets.stats.SeedStatistics;

/**
 * One method on one dataset in one setting, over its seeds: the mean of each measure and the spread of the test
 * accuracy, so a comparison with several seeds per point reads as one row per method.
 *
 * @param method           the method label
 * @param dataset          the dataset
 * @param runs             how many runs (seeds) it averages
 * @param meanAccuracy     mean test accuracy
 * @param minAccuracy      lowest test accuracy
 * @param maxAccuracy      highest test accuracy
 * @param meanSparsity     mean weight sparsity
 * @param meanMacs         mean dense MACs of the final networks
 * @param meanParams       mean dense parameters
 * @param meanTrainingMacs mean training compute
 * @param meanWallSeconds  mean wall time
 * @param setting          the setting its runs share (see {@link RunSummary#setting})
 * @param accuracy         test accuracy over the seeds: mean, standard deviation, 95% confidence interval
 * @param differences      how its setting differs from the first of its method and dataset, in config values
 *                         ({@link SettingDifferences}); empty for that first one
 * @param meanIou          segmentation: the test mean IoU (background included) over the seeds; null for
 *                         classification (whose {@code accuracy} is then the measure compared)
 * @param meanIouWithoutBackground segmentation: the mean over seeds of the test mean IoU over the object classes
 *                         only; NaN for classification
 */
public record MethodSummary(String method, String dataset, int runs, double meanAccuracy, double minAccuracy,
        double maxAccuracy, double meanSparsity, double meanMacs, double meanParams, double meanTrainingMacs,
        double meanWallSeconds, String setting, SeedStatistics accuracy, String differences, SeedStatistics meanIou,
        double meanIouWithoutBackground) {

    /** Whether its runs are segmentation runs (their accuracy is per pixel, mean IoU their measure). */
    public boolean segmentation() {
        return meanIou != null;
    }

    /**
     * Groups runs by method, dataset and setting (the config apart from seed and name), in order of first
     * appearance: the seeds of one point of a comparison.
     */
    public static List<MethodSummary> of(List<RunSummary> runs) {
        List<MethodSummary> out = new ArrayList<>();
        Map<String, String> differences = SettingDifferences.of(runs);
        for (List<RunSummary> g : groups(runs).values()) {
            out.add(new MethodSummary(g.get(0).method(), g.get(0).dataset(), g.size(),
                    mean(g, RunSummary::testAccuracy),
                    g.stream().mapToDouble(RunSummary::testAccuracy).min().orElse(Double.NaN),
                    g.stream().mapToDouble(RunSummary::testAccuracy).max().orElse(Double.NaN),
                    mean(g, RunSummary::sparsity), mean(g, RunSummary::macs), mean(g, RunSummary::params),
                    mean(g, RunSummary::trainingMacs), mean(g, RunSummary::wallSeconds), g.get(0).setting(),
                    SeedStatistics.of(g.stream().mapToDouble(RunSummary::testAccuracy).toArray()),
                    differences.getOrDefault(g.get(0).setting(), ""),
                    // runs of one setting share the config, hence the task: the first says it for all
                    g.get(0).segmentation() ? SeedStatistics.of(g.stream().mapToDouble(RunSummary::testMeanIou)
                            .toArray()) : null,
                    g.get(0).segmentation() ? mean(g, RunSummary::testMeanIouWithoutBackground) : Double.NaN));
        }
        return out;
    }

    /** The runs of each method, dataset and setting, in order of first appearance. */
    static Map<String, List<RunSummary>> groups(List<RunSummary> runs) {
        Map<String, List<RunSummary>> groups = new LinkedHashMap<>();
        for (RunSummary r : runs) {
            groups.computeIfAbsent(r.method() + "\n" + r.dataset() + "\n" + r.setting(), k -> new ArrayList<>())
                    .add(r);
        }
        return groups;
    }

    private static double mean(List<RunSummary> g, ToDoubleFunction<RunSummary> f) {
        return g.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
