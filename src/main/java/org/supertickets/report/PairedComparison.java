package org.supertickets.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.run.RunSummary;
import org.supertickets.stats.Holm;
import org.supertickets.stats.PairedTTest;

/**
 * Two settings on one dataset, over the seeds both were run with: the paired t test on their test accuracies
 * (on their test mean IoU, background included, for segmentation runs, whose accuracy is per pixel), two-sided,
 * shown with the setting of the higher mean first, and its p corrected by Holm for every pair that {@link #of}
 * compares together.
 *
 * @param better the setting with the higher mean accuracy over the matched seeds (method, setting hash, and how
 *               it differs from its method's first setting)
 * @param worse  the other one
 * @param dataset the dataset both ran on
 * @param seeds  the matched seeds, ascending
 * @param test   the paired t test of {@code better - worse}
 * @param metric what was compared: {@link #ACCURACY} or {@link #MEAN_IOU}
 * @param holmP  the two-sided p adjusted by Holm over all pairs compared together
 */
public record PairedComparison(String better, String worse, String dataset, List<Long> seeds, PairedTTest test,
        String metric, double holmP) {

    /** The measure compared for classification runs. */
    public static final String ACCURACY = "test accuracy";
    /** The measure compared for segmentation runs. */
    public static final String MEAN_IOU = "test mIoU";

    /** Whether the test compared mean IoU (segmentation runs). */
    public boolean meanIou() {
        return MEAN_IOU.equals(metric);
    }

    /** Whether the difference survives Holm's correction at the 5% level. */
    public boolean survivesHolm() {
        return holmP < 1 - org.supertickets.stats.SeedStatistics.CONFIDENCE;
    }

    /** What a reader may claim: only differences that survive the correction for all pairs shown together. */
    public String verdict() {
        if (survivesHolm()) {
            return "differ at 5%, survives Holm";
        }
        return test.significant() ? "p < 5% alone, not after Holm" : "no difference shown at 5%";
    }

    /**
     * Every pair of settings on the same dataset that share at least two seeds, in order of first appearance, each
     * p corrected for all of them.
     */
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
                        aBetter ? aOverB : PairedTTest.of(y, x), a.get(0).segmentation() ? MEAN_IOU : ACCURACY,
                        Double.NaN));
            }
        }
        double[] adjusted = Holm.adjust(out.stream().mapToDouble(p -> p.test().pValue()).toArray());
        List<PairedComparison> corrected = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            PairedComparison p = out.get(i);
            corrected.add(new PairedComparison(p.better(), p.worse(), p.dataset(), p.seeds(), p.test(), p.metric(),
                    adjusted[i]));
        }
        return corrected;
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
