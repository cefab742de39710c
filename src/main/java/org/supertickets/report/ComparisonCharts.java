package org.supertickets.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.supertickets.run.RunSummary;

/**
 * The comparison plots of the paper's claims: accuracy against weights remaining (log axis, descending),
 * against MACs with the Pareto front, and against training compute. Plain JFreeChart, so the CLI renders them
 * headless and the GUI shows the same charts. When every run is a segmentation run the y axis is the test mean IoU
 * (background included), the measure a segmentation comparison ranks by: their accuracy is per pixel.
 *
 * <p>A sparsity sweep ({@link SweepCurves}) is also drawn as curves: per method and setting a line through the mean
 * over seeds at each target sparsity, with the 95% interval of that mean as error bars, on the same axes.
 */
public final class ComparisonCharts {

    /**
     * Okabe-Ito colours, safe for colour-blind readers; one per method, the same everywhere. Its eighth, yellow, is
     * too pale for a line on white, so it is darkened for RigL; fine-tuning, the ninth, takes a dark wine.
     */
    private static final Map<String, Color> METHOD_COLOURS = Map.of(
            "supertickets", new Color(0xD55E00),
            "nas-only", new Color(0x0072B2),
            "prune-only", new Color(0x009E73),
            "dense", new Color(0x000000),
            "no-reactivation", new Color(0xE69F00),
            "one-shot", new Color(0x56B4E9),
            "search-train-imp", new Color(0xCC79A7),
            "rigl", new Color(0xB8A800),
            "finetune", new Color(0x882255));

    /**
     * Methods without a colour of their own (a ticket pruned once by each criterion, say), in order of first
     * appearance: Paul Tol's muted palette, also safe for colour-blind readers; grey once it is used up.
     */
    private static final List<Color> OTHER_METHODS = List.of(new Color(0x332288), new Color(0x44AA99),
            new Color(0x88CCEE), new Color(0x117733), new Color(0x999933), new Color(0xCC6677), new Color(0xAA4499),
            new Color(0x882255).darker());
    private static final Color OTHER_METHOD = new Color(0x999999);
    /** A retrained variant of a method ({@code pruned-snip-retrained}) in the method's colour, dashed. */
    private static final String RETRAINED = "-retrained";

    private static final String WEIGHTS_REMAINING = "weights remaining (share of prunable weights, log scale)";
    private static final String TRAINING_COMPUTE = "training compute (MACs, ours: 3 x forward)";
    private static final String SWEEP = ": mean ± 95% CI per target sparsity";

    private ComparisonCharts() {
    }

    /** The {@code index}-th colour of Paul Tol's muted palette (grey past its end): for runs or methods in turn. */
    public static Color muted(int index) {
        return index < OTHER_METHODS.size() ? OTHER_METHODS.get(index) : OTHER_METHOD;
    }

    public static JFreeChart accuracyVsWeightsRemaining(List<RunSummary> runs) {
        JFreeChart chart = scatter("vs weights remaining", WEIGHTS_REMAINING, runs, RunSummary::weightsRemaining);
        chart.getXYPlot().setDomainAxis(weightsRemainingAxis(runs.stream().mapToDouble(RunSummary::weightsRemaining)));
        return chart;
    }

    public static JFreeChart accuracyVsMacs(List<RunSummary> runs) {
        JFreeChart chart = scatter("vs MACs (dense, shrunk network)", "MACs", runs, r -> r.macs());
        countAxis(chart);
        XYSeries front = new XYSeries("Pareto front", false);
        Score score = Score.of(runs);
        for (RunSummary r : paretoFront(runs, RunSummary::macs, score.value())) {
            front.add(r.macs(), score.value().applyAsDouble(r));
        }
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        data.addSeries(front);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        int index = data.getSeriesCount() - 1;
        renderer.setSeriesLinesVisible(index, true);
        renderer.setSeriesShapesVisible(index, false);
        renderer.setSeriesPaint(index, Color.GRAY);
        renderer.setSeriesStroke(index, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        return chart;
    }

    public static JFreeChart accuracyVsTrainingCompute(List<RunSummary> runs) {
        JFreeChart chart = scatter("vs training compute", TRAINING_COMPUTE, runs, RunSummary::trainingMacs);
        countAxis(chart);
        return chart;
    }

    /** The three plots of a comparison: vs weights remaining, vs MACs, vs training compute (the files' order). */
    public static List<JFreeChart> plots(List<RunSummary> runs) {
        return List.of(accuracyVsWeightsRemaining(runs), accuracyVsMacs(runs), accuracyVsTrainingCompute(runs));
    }

    /** The same three plots as a sweep's curves, in the same order. */
    public static List<JFreeChart> sweepPlots(SweepCurves sweep) {
        return List.of(sweepAccuracyVsWeightsRemaining(sweep), sweepAccuracyVsMacs(sweep),
                sweepAccuracyVsTrainingCompute(sweep));
    }

    /** The sweep's curves against weights remaining (mean per target sparsity), on the scatter's log axis. */
    public static JFreeChart sweepAccuracyVsWeightsRemaining(SweepCurves sweep) {
        JFreeChart chart = sweepChart(sweep, "vs weights remaining", WEIGHTS_REMAINING, RunSummary::weightsRemaining);
        chart.getXYPlot().setDomainAxis(weightsRemainingAxis(sweep.curves().stream()
                .flatMap(c -> c.points().stream()).mapToDouble(p -> p.mean(RunSummary::weightsRemaining))));
        return chart;
    }

    /** The sweep's curves against the mean MACs of the final networks at each target sparsity. */
    public static JFreeChart sweepAccuracyVsMacs(SweepCurves sweep) {
        return countAxis(sweepChart(sweep, "vs MACs (dense, shrunk network)", "MACs", r -> r.macs()));
    }

    /** The sweep's curves against the mean training compute at each target sparsity. */
    public static JFreeChart sweepAccuracyVsTrainingCompute(SweepCurves sweep) {
        return countAxis(sweepChart(sweep, "vs training compute", TRAINING_COMPUTE, RunSummary::trainingMacs));
    }

    /** Runs not beaten by another with at most the cost and at least the accuracy, by increasing cost. */
    public static List<RunSummary> paretoFront(List<RunSummary> runs, ToDoubleFunction<RunSummary> cost) {
        return paretoFront(runs, cost, RunSummary::testAccuracy);
    }

    /** Runs not beaten by another with at most the cost and at least the score, by increasing cost. */
    public static List<RunSummary> paretoFront(List<RunSummary> runs, ToDoubleFunction<RunSummary> cost,
            ToDoubleFunction<RunSummary> score) {
        List<RunSummary> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(cost).thenComparing(Comparator.comparingDouble(score).reversed()));
        List<RunSummary> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (RunSummary r : sorted) {
            if (score.applyAsDouble(r) > best) {
                front.add(r);
                best = score.applyAsDouble(r);
            }
        }
        return front;
    }

    /**
     * What the y axis shows: the test accuracy, or the test mean IoU when every run is a segmentation run (a mixed
     * comparison keeps the accuracy and says that a segmentation run's is per pixel).
     *
     * @param name  the chart title's first words
     * @param axis  the y axis label
     * @param value the value of a run
     */
    public record Score(String name, String axis, ToDoubleFunction<RunSummary> value) {

        public static Score of(List<RunSummary> runs) {
            if (!runs.isEmpty() && runs.stream().allMatch(RunSummary::segmentation)) {
                return new Score("Mean IoU", "test mean IoU (background included)", RunSummary::testMeanIou);
            }
            if (runs.stream().anyMatch(RunSummary::segmentation)) {
                return new Score("Accuracy", "test accuracy (per pixel for segmentation runs)",
                        RunSummary::testAccuracy);
            }
            return new Score("Accuracy", "test accuracy", RunSummary::testAccuracy);
        }
    }

    /**
     * The runs of each series, in order of first appearance: a series is a method, or a method and setting where
     * runs of one method differ in their settings (a sweep over a knob of one method would otherwise be drawn as
     * one series). A series lists its runs in the order given.
     */
    public static Map<String, List<RunSummary>> series(List<RunSummary> runs) {
        Map<String, String> settingOfMethod = new HashMap<>();
        Set<String> methodsWithSeveralSettings = new HashSet<>();
        for (RunSummary r : runs) {
            if (!settingOfMethod.computeIfAbsent(r.method(), m -> r.setting()).equals(r.setting())) {
                methodsWithSeveralSettings.add(r.method());
            }
        }
        Map<String, String> differences = SettingDifferences.of(runs);
        Map<String, List<RunSummary>> series = new LinkedHashMap<>();
        for (RunSummary r : runs) {
            String label = methodsWithSeveralSettings.contains(r.method())
                    ? SettingDifferences.label(r, differences) : r.method();
            series.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
        }
        return series;
    }

    public static void savePng(JFreeChart chart, File file) throws IOException {
        ChartUtils.saveChartAsPNG(file, chart, 900, 560);
    }

    private static JFreeChart scatter(String title, String xLabel, List<RunSummary> runs,
            ToDoubleFunction<RunSummary> x) {
        Map<String, List<RunSummary>> series = series(runs);
        Score score = Score.of(runs);
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((label, ofSeries) -> {
            XYSeries points = new XYSeries(label, false);
            ofSeries.forEach(r -> points.add(x.applyAsDouble(r), score.value().applyAsDouble(r)));
            data.addSeries(points);
        });
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        colour(renderer, series.values().stream().map(s -> s.get(0).method()).toList());
        return chart(score.name() + " " + title, xLabel, score, data, renderer);
    }

    /**
     * One line per curve through its means, with the 95% interval over seeds as error bars (none for a single
     * seed). The points of a curve are joined in the order of this chart's x, which the tooltips follow too.
     */
    private static JFreeChart sweepChart(SweepCurves sweep, String title, String xLabel,
            ToDoubleFunction<RunSummary> x) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<List<SweepCurves.Point>> pointsOfSeries = new ArrayList<>();
        for (SweepCurves.Curve curve : sweep.curves()) {
            List<SweepCurves.Point> byX = new ArrayList<>(curve.points());
            byX.sort(Comparator.comparingDouble(p -> p.mean(x)));
            YIntervalSeries series = new YIntervalSeries(curve.label(), false, true);
            for (SweepCurves.Point p : byX) {
                double mean = p.score().mean();
                boolean interval = !Double.isNaN(p.score().low());
                // A share's interval past 0 or 1 (two seeds far apart) says nothing more than up to the bound, and
                // would stretch the axis over impossible values; the tooltip keeps the whole interval.
                series.add(p.mean(x), mean, interval ? Math.max(0, p.score().low()) : mean,
                        interval ? Math.min(1, p.score().high()) : mean);
            }
            data.addSeries(series);
            pointsOfSeries.add(byX);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(7);
        colour(renderer, sweep.curves().stream().map(SweepCurves.Curve::method).toList());
        for (int i = 0; i < sweep.curves().size(); i++) {
            boolean retrained = sweep.curves().get(i).method().endsWith(RETRAINED);
            renderer.setSeriesStroke(i, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    retrained ? new float[] {7f, 4f} : null, 0f));
        }
        renderer.setDefaultToolTipGenerator((dataset, s, item) -> tooltip(sweep.curves().get(s),
                pointsOfSeries.get(s).get(item), sweep.score()));
        return chart(sweep.score().name() + " " + title + SWEEP, xLabel, sweep.score(), data, renderer);
    }

    /** "supertickets: target sparsity 0.9, 3 seeds, test accuracy 85.12% ± 0.40 (95% CI 84.72–85.52%)". */
    static String tooltip(SweepCurves.Curve curve, SweepCurves.Point p, Score score) {
        String target = Double.isNaN(p.targetSparsity()) ? "no target sparsity"
                : "target sparsity " + new DecimalFormat("0.###").format(p.targetSparsity());
        String seeds = p.n() + (p.n() == 1 ? " run" : " seeds");
        String value = String.format(Locale.ROOT, "%s %.2f%%", score.axis(), 100 * p.score().mean());
        String interval = Double.isNaN(p.score().low()) ? " (one run: no interval)"
                : String.format(Locale.ROOT, " ± %.2f (95%% CI %.2f–%.2f%%)", 100 * p.score().halfWidth(),
                        100 * p.score().low(), 100 * p.score().high());
        return curve.label() + ": " + target + ", " + seeds + ", " + value + interval;
    }

    /** A comparison chart: the score on y (0 to 1 at most), readable number axes, white plot, grey grid. */
    private static JFreeChart chart(String title, String xLabel, Score score, XYDataset data,
            XYItemRenderer renderer) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, score.axis(), data,
                PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        // One run, or runs of equal cost, would otherwise span a billionth and repeat one label on every tick.
        plot.setDomainAxis(new ReadableNumberAxis(xLabel));
        ReadableNumberAxis accuracy = new ReadableNumberAxis(score.axis());
        accuracy.setAutoRangeIncludesZero(false);
        accuracy.setNaturalBounds(new Range(0, 1));
        plot.setRangeAxis(accuracy);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setRenderer(renderer);
        return chart;
    }

    /**
     * Weights remaining on a log axis, descending (sparser to the right), with plain tick labels ("0.1", not
     * "10^-1.00") and at least a factor of nine around the data: when every run has about the same sparsity the
     * automatic range is so narrow that all ticks read the same.
     */
    private static LogAxis weightsRemainingAxis(DoubleStream weightsRemaining) {
        double[] values = weightsRemaining.toArray();
        LogAxis axis = new LogAxis(WEIGHTS_REMAINING);
        axis.setInverted(true);
        axis.setSmallestValue(1e-3);
        double min = Arrays.stream(values).min().orElse(1);
        double max = Arrays.stream(values).max().orElse(1);
        double lo = Math.max(1e-3, Math.min(min / 3, max / 9));
        double hi = Math.min(1.3, Math.max(max * 3, lo * 9)); // a little past 1 so a dense run's marker shows whole
        if (hi > lo) {
            axis.setRange(lo, hi);
        }
        axis.setNumberFormatOverride(new DecimalFormat("0.###"));
        return axis;
    }

    /** Counts on the x axis as "2.65 M". */
    private static JFreeChart countAxis(JFreeChart chart) {
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setNumberFormatOverride(new CountFormat());
        return chart;
    }

    /**
     * Each series in its method's colour (a retrained variant, {@code <method>-retrained}, in its method's; a method
     * without a colour of its own in the next of {@link #OTHER_METHODS}); a method's second, third... series
     * (another setting) in the method's colour, darker each time (the shapes differ too).
     */
    private static void colour(XYLineAndShapeRenderer renderer, List<String> methodOfSeries) {
        Map<String, Integer> seriesOfMethod = new HashMap<>();
        Map<String, Color> others = new HashMap<>();
        for (int i = 0; i < methodOfSeries.size(); i++) {
            String method = methodOfSeries.get(i);
            String base = method.endsWith(RETRAINED) ? method.substring(0, method.length() - RETRAINED.length())
                    : method;
            Color colour = METHOD_COLOURS.containsKey(base) ? METHOD_COLOURS.get(base) : others.computeIfAbsent(base,
                    b -> others.size() < OTHER_METHODS.size() ? OTHER_METHODS.get(others.size()) : OTHER_METHOD);
            for (int k = seriesOfMethod.merge(method, 1, Integer::sum); k > 1; k--) {
                colour = colour.darker();
            }
            renderer.setSeriesPaint(i, colour);
        }
    }
}
