package org.supertickets.report;

import java.util.List;
import java.util.Locale;
import org.supertickets.run.RunSummary;

/**
 * The comparison as text tables, what {@code compare} prints: one row per run, one per method and dataset (means over
 * seeds with the accuracy's range and 95% confidence interval), and the paired tests between settings.
 */
public final class ComparisonTables {

    private ComparisonTables() {
    }

    /** Under a table with segmentation runs: what their numbers mean. */
    public static final String SEGMENTATION_NOTE = "segmentation runs: test acc is the pixel accuracy (not a per-image "
            + "accuracy); mIoU = mean IoU over the classes present, background included (the measure compared); "
            + "mIoU obj = the same over the object classes only\n";

    public static String runs(List<RunSummary> s) {
        int run = Math.max(3, s.stream().mapToInt(r -> r.run().length()).max().orElse(0));
        int method = Math.max(6, s.stream().mapToInt(r -> r.method().length()).max().orElse(0));
        // Segmentation runs add two columns; a table of classification runs reads as it always did.
        boolean iou = s.stream().anyMatch(RunSummary::segmentation);
        String head = "%-" + run + "s %-" + method + "s %5s %8s %9s %12s %9s %11s %8s" + (iou ? " %8s %8s" : "")
                + "%n";
        String row = "%-" + run + "s %-" + method + "s %5d %8.4f %9.4f %,12d %,9d %11.3g %8.0f";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, head, "run", "method", "seed", "test acc",
                "sparsity", "MACs", "params", "train MACs", "wall s", "mIoU", "mIoU obj"));
        for (RunSummary r : s) {
            sb.append(String.format(Locale.ROOT, row, r.run(), r.method(), r.seed(), r.testAccuracy(), r.sparsity(),
                    r.macs(), r.params(), r.trainingMacs(), r.wallSeconds()));
            if (iou) {
                sb.append(' ').append(share(r.testMeanIou(), 8)).append(' ')
                        .append(share(r.testMeanIouWithoutBackground(), 8));
            }
            sb.append(System.lineSeparator());
        }
        if (iou) {
            sb.append(SEGMENTATION_NOTE);
        }
        return sb.toString();
    }

    /** {@code 0.6123} right-aligned in {@code width}, or "-" where a classification run has no such share. */
    private static String share(double value, int width) {
        return String.format(Locale.ROOT, "%" + width + "s", Double.isNaN(value) ? "-"
                : String.format(Locale.ROOT, "%.4f", value));
    }

    /**
     * One row per method and dataset: means over seeds, and the test accuracy's range, standard deviation and 95%
     * confidence interval of the mean (Student's t).
     */
    public static String methods(List<MethodSummary> methods) {
        int method = Math.max(24, methods.stream().mapToInt(m -> m.method().length()).max().orElse(0));
        boolean iou = methods.stream().anyMatch(MethodSummary::segmentation);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + method + "s %-13s %4s %8s %15s %7s "
                + "%15s %9s %12s %9s %11s %8s" + (iou ? " %8s %15s %8s" : "%s%s%s") + "  %s%n",
                "method (mean over seeds)", "dataset", "runs", "test acc", "range", "sd", "95% CI", "sparsity", "MACs",
                "params", "train MACs", "wall s", iou ? "mIoU" : "", iou ? "mIoU 95% CI" : "", iou ? "mIoU obj" : "",
                "setting"));
        for (MethodSummary m : methods) {
            sb.append(String.format(Locale.ROOT, "%-" + method + "s %-13s %4d %8.4f %7.4f-%.4f %7.4f %7.4f-%.4f "
                    + "%9.4f %,12.0f %,9.0f %11.3g %8.0f%s  %s%n", m.method(), m.dataset(), m.runs(), m.meanAccuracy(),
                    m.minAccuracy(), m.maxAccuracy(), m.accuracy().sd(), m.accuracy().low(), m.accuracy().high(),
                    m.meanSparsity(), m.meanMacs(), m.meanParams(), m.meanTrainingMacs(), m.meanWallSeconds(),
                    iou ? meanIouColumns(m) : "",
                    m.differences().isEmpty() ? m.setting() : m.setting() + " " + m.differences()));
        }
        if (iou) {
            sb.append(SEGMENTATION_NOTE);
        }
        return sb.toString();
    }

    /** Mean IoU over the seeds, its 95% interval and the objects-only mean; dashes for a classification row. */
    private static String meanIouColumns(MethodSummary m) {
        if (!m.segmentation()) {
            return String.format(Locale.ROOT, " %8s %15s %8s", "-", "-", "-");
        }
        return String.format(Locale.ROOT, " %8.4f %7.4f-%.4f %8.4f", m.meanIou().mean(), m.meanIou().low(),
                m.meanIou().high(), m.meanIouWithoutBackground());
    }

    /** Each pair of settings over matched seeds: the paired t test, two-sided, and Holm over all pairs printed. */
    public static String pairs(List<PairedComparison> pairs) {
        boolean iou = pairs.stream().anyMatch(PairedComparison::meanIou);
        StringBuilder sb = new StringBuilder("paired t test over matched seeds (test accuracy"
                + (iou ? "; test mIoU for segmentation runs" : "") + ", higher mean first, two-sided p; "
                + "Holm-corrected over the " + pairs.size() + " pairs):\n");
        for (PairedComparison p : pairs) {
            sb.append(String.format(Locale.ROOT, "  %s  vs  %s  (%s, %d seeds%s): mean diff %+.4f, 95%% CI "
                    + "%+.4f..%+.4f, t %.2f, p %.4f, Holm p %.4f%s%n", p.better(), p.worse(), p.dataset(),
                    p.test().pairs(), p.meanIou() ? ", " + p.metric() : "",
                    p.test().meanDifference(), p.test().low(), p.test().high(), p.test().t(), p.test().pValue(),
                    p.holmP(), "  (" + p.verdict() + ")"));
        }
        return sb.toString();
    }
}
