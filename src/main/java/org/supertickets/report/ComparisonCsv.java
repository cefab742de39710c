package org.supertickets.report;

import java.util.List;
import org.supertickets.run.RunSummary;
import org.supertickets.stats.SeedStatistics;

/**
 * The comparison as CSV, shared by the CLI's {@code compare} and the GUI's Compare tab (RFC 4180 quoting). When
 * segmentation runs are among the rows, two columns of mean IoU follow the others (empty for classification runs,
 * whose {@code test_accuracy} is per image while a segmentation run's is per pixel); without them the CSV is as it
 * always was. {@code validation_accuracy} (the ticket's, empty where the run had no validation split) is there so a
 * setting can be chosen on validation and its test accuracy reported apart. A sparsity sweep also gets
 * {@code sweep.csv}, one row per point of its curves ({@link SweepCurves}).
 */
public final class ComparisonCsv {

    /** The columns of {@code comparison.csv}, one row per run. */
    public static final String RUNS_HEADER = "run,method,dataset,seed,test_accuracy,sparsity,weights_remaining,macs,"
            + "sparse_macs,params,supernet_macs,training_macs,wall_seconds,setting,validation_accuracy";

    /** The columns of {@code by-method.csv}, one row per method and dataset. */
    public static final String METHODS_HEADER = "method,dataset,runs,mean_test_accuracy,min_test_accuracy,"
            + "max_test_accuracy,mean_sparsity,mean_macs,mean_params,mean_training_macs,mean_wall_seconds,setting";

    /**
     * The columns of {@code sweep.csv}, one row per curve and target sparsity: the means over its seeds, and the
     * two-sided 95% Student-t interval of the mean test accuracy (empty for a single seed). {@code curve} is the
     * curve's label in the plots; {@code target_sparsity} is empty for runs without one (dense).
     */
    public static final String SWEEP_HEADER = "method,dataset,curve,target_sparsity,runs,mean_sparsity,mean_macs,"
            + "mean_training_macs,mean_test_accuracy,test_accuracy_ci_low,test_accuracy_ci_high,"
            + "mean_validation_accuracy";

    /** Appended to {@link #SWEEP_HEADER} when segmentation runs are compared: their measure, with its interval. */
    public static final String SWEEP_SEGMENTATION_COLUMNS = ",mean_test_mean_iou,test_mean_iou_ci_low,"
            + "test_mean_iou_ci_high";

    /** Appended to {@link #RUNS_HEADER} when segmentation runs are compared. */
    public static final String RUNS_SEGMENTATION_COLUMNS = ",test_mean_iou,test_mean_iou_without_background";

    /** Appended to {@link #METHODS_HEADER} when segmentation runs are compared. */
    public static final String METHODS_SEGMENTATION_COLUMNS =
            ",mean_test_mean_iou,mean_test_mean_iou_without_background";

    private ComparisonCsv() {
    }

    public static String runs(List<RunSummary> rows) {
        boolean iou = rows.stream().anyMatch(RunSummary::segmentation);
        StringBuilder sb = new StringBuilder(RUNS_HEADER).append(iou ? RUNS_SEGMENTATION_COLUMNS : "").append('\n');
        for (RunSummary r : rows) {
            sb.append(String.join(",", quote(r.run()), quote(r.method()), quote(r.dataset()), Long.toString(r.seed()),
                    Double.toString(r.testAccuracy()), Double.toString(r.sparsity()),
                    Double.toString(r.weightsRemaining()), Long.toString(r.macs()), Long.toString(r.sparseMacs()),
                    Long.toString(r.params()), Long.toString(r.supernetMacs()), Double.toString(r.trainingMacs()),
                    Double.toString(r.wallSeconds()), quote(r.setting()), share(r.validationAccuracy())));
            if (iou) {
                sb.append(',').append(share(r.testMeanIou())).append(',')
                        .append(share(r.testMeanIouWithoutBackground()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String methods(List<MethodSummary> rows) {
        boolean iou = rows.stream().anyMatch(MethodSummary::segmentation);
        StringBuilder sb = new StringBuilder(METHODS_HEADER).append(iou ? METHODS_SEGMENTATION_COLUMNS : "")
                .append('\n');
        for (MethodSummary m : rows) {
            sb.append(String.join(",", quote(m.method()), quote(m.dataset()), Integer.toString(m.runs()),
                    Double.toString(m.meanAccuracy()), Double.toString(m.minAccuracy()),
                    Double.toString(m.maxAccuracy()), Double.toString(m.meanSparsity()), Double.toString(m.meanMacs()),
                    Double.toString(m.meanParams()), Double.toString(m.meanTrainingMacs()),
                    Double.toString(m.meanWallSeconds()), quote(m.setting())));
            if (iou) {
                sb.append(',').append(share(m.segmentation() ? m.meanIou().mean() : Double.NaN)).append(',')
                        .append(share(m.meanIouWithoutBackground()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String sweep(SweepCurves sweep) {
        boolean iou = sweep.curves().stream().flatMap(c -> c.points().stream())
                .anyMatch(p -> p.runs().stream().anyMatch(RunSummary::segmentation));
        StringBuilder sb = new StringBuilder(SWEEP_HEADER).append(iou ? SWEEP_SEGMENTATION_COLUMNS : "").append('\n');
        for (SweepCurves.Curve c : sweep.curves()) {
            for (SweepCurves.Point p : c.points()) {
                SeedStatistics accuracy = p.statistics(RunSummary::testAccuracy);
                sb.append(String.join(",", quote(c.method()), quote(c.dataset()), quote(c.label()),
                        share(p.targetSparsity()), Integer.toString(p.n()),
                        Double.toString(p.mean(RunSummary::sparsity)), Double.toString(p.mean(RunSummary::macs)),
                        Double.toString(p.mean(RunSummary::trainingMacs)), Double.toString(accuracy.mean()),
                        share(accuracy.low()), share(accuracy.high()),
                        share(p.mean(RunSummary::validationAccuracy))));
                if (iou) {
                    SeedStatistics meanIou = p.statistics(RunSummary::testMeanIou);
                    sb.append(',').append(share(meanIou.mean())).append(',').append(share(meanIou.low()))
                            .append(',').append(share(meanIou.high()));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** A share, or an empty field where there is none (a classification row beside segmentation ones). */
    private static String share(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
