package org.supertickets.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.stats.PairedTTest;

/**
 * "A better than B" for two settings on one dataset, over the seeds both were run with: the paired t test on
 * their test accuracies (on their test mean IoU, background included, for segmentation runs, whose accuracy is
 * per pixel), oriented so that A is the one with the higher mean over the matched seeds.
 *
 * @param better the setting with the higher mean accuracy over the matched seeds (method, setting hash, and how
 *               it differs from its method's first setting)
 * @param worse  the other one
 * @param dataset the dataset both ran on
 * @param seeds  the matched seeds, ascending
 * @param test   the paired t test of {@code better - worse}
 * @param metric what was compared: {@link #ACCURACY} or {@link #MEAN_IOU}
 */
public record PairedComparison(String better, String worse, String dataset, List<Long> seeds, PairedTTest test,
        String metric) {

    /** The measure compared for classification runs. */
    public static final String ACCURACY = "test accuracy";
    /** The measure compared for segmentation runs. */
    public static final String MEAN_IOU = "test mIoU";

    /** Whether the test compared mean IoU (segmentation runs). */
    public boolean meanIou() {
        return MEAN_IOU.equals(metric);
    }

    /** Every pair of settings on the same dataset that share at least two seeds, in order of first appearance. */
    public static List<PairedComparison> of(List<RunSummary> runs) {
        List<List<RunSummary>> groups = new ArrayList<>(MethodSummary.groups(runs).values());
        List<PairedComparison> out = new ArrayList<>();
        Map<String, String> differences = SettingDifferences.of(runs);
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                List<RunSummary> a = groups.get(i);
                List<RunSummary> b = groups.get(j);
                if (!a.get(0).dataset().equals(b.get(0).dataset())) {
                    continue;
                }
                Map<Long, Double> bySeedA = bySeed(a);
                Map<Long, Double> bySeedB = bySeed(b);
                List<Long> seeds = bySeedA.keySet().stream().filter(bySeedB::containsKey).sorted().toList();
                if (seeds.size() < 2) {
                    continue;
                }
                double[] x = seeds.stream().mapToDouble(bySeedA::get).toArray();
                double[] y = seeds.stream().mapToDouble(bySeedB::get).toArray();
                PairedTTest aOverB = PairedTTest.of(x, y);
                boolean aBetter = aOverB.meanDifference() >= 0;
                out.add(new PairedComparison(SettingDifferences.label((aBetter ? a : b).get(0), differences),
                        SettingDifferences.label((aBetter ? b : a).get(0), differences), a.get(0).dataset(), seeds,
                        aBetter ? aOverB : PairedTTest.of(y, x), a.get(0).segmentation() ? MEAN_IOU : ACCURACY));
            }
        }
        return out;
    }

    /**
     * The compared score ({@link RunSummary#comparedScore}) by seed; a seed run twice in one setting counts once (its
     * first run).
     */
    private static Map<Long, Double> bySeed(List<RunSummary> group) {
        Map<Long, Double> out = new LinkedHashMap<>();
        for (RunSummary r : group) {
            if (Double.isFinite(r.comparedScore())) {
                out.putIfAbsent(r.seed(), r.comparedScore());
            }
        }
        return out;
    }
}
