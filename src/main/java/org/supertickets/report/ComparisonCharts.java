package org.supertickets.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.supertickets.run.RunSummary;

/**
 * The comparison plots of the paper's claims: accuracy against weights remaining (log axis, descending),
 * against MACs with the Pareto front, and against training compute. Plain JFreeChart, so the CLI renders them
 * headless and the GUI shows the same charts. When every run is a segmentation run the y axis is the test mean IoU
 * (background included), the measure a segmentation comparison ranks by: their accuracy is per pixel.
 */
public final class ComparisonCharts {

    /** Okabe-Ito colours, safe for colour-blind readers; one per method, the same everywhere. */
    private static final Map<String, Color> METHOD_COLOURS = Map.of(
            "supertickets", new Color(0xD55E00),
            "nas-only", new Color(0x0072B2),
            "prune-only", new Color(0x009E73),
            "dense", new Color(0x000000),
            "no-reactivation", new Color(0xE69F00),
            "one-shot", new Color(0x56B4E9),
            "search-train-imp", new Color(0xCC79A7));

    private ComparisonCharts() {
    }

    public static JFreeChart accuracyVsWeightsRemaining(List<RunSummary> runs) {
        JFreeChart chart = scatter("vs weights remaining", "weights remaining (log, descending)", runs,
                RunSummary::weightsRemaining);
        LogAxis axis = new LogAxis("weights remaining (share of prunable weights, log scale)");
        axis.setInverted(true);
        axis.setSmallestValue(1e-3);
        // Plain tick labels ("0.1", not "10^-1.00") and at least a factor of nine around the data: when every
        // run has about the same sparsity the automatic range is so narrow that all ticks read the same.
        double min = runs.stream().mapToDouble(RunSummary::weightsRemaining).min().orElse(1);
        double max = runs.stream().mapToDouble(RunSummary::weightsRemaining).max().orElse(1);
        double lo = Math.max(1e-3, Math.min(min / 3, max / 9));
        double hi = Math.min(1.3, Math.max(max * 3, lo * 9)); // a little past 1 so a dense run's marker shows whole
        if (hi > lo) {
            axis.setRange(lo, hi);
        }
        axis.setNumberFormatOverride(new DecimalFormat("0.###"));
        chart.getXYPlot().setDomainAxis(axis);
        return chart;
    }

    public static JFreeChart accuracyVsMacs(List<RunSummary> runs) {
        JFreeChart chart = scatter("vs MACs (dense, shrunk network)", "MACs", runs, r -> r.macs());
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setNumberFormatOverride(new CountFormat());
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
        JFreeChart chart = scatter("vs training compute", "training compute (MACs, ours: 3 x forward)",
                runs, RunSummary::trainingMacs);
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setNumberFormatOverride(new CountFormat());
        return chart;
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
        JFreeChart chart = ChartFactory.createXYLineChart(score.name() + " " + title, xLabel, score.axis(), data,
                PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        // One run, or runs of equal cost, would otherwise span a billionth and repeat one label on every tick.
        plot.setDomainAxis(new ReadableNumberAxis(xLabel));
        ReadableNumberAxis accuracy = new ReadableNumberAxis(score.axis());
        accuracy.setAutoRangeIncludesZero(false);
        accuracy.setNaturalBounds(new org.jfree.data.Range(0, 1));
        plot.setRangeAxis(accuracy);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int i = 0;
        Map<String, Integer> settingsSeen = new LinkedHashMap<>();
        for (List<RunSummary> ofSeries : series.values()) {
            String method = ofSeries.get(0).method();
            Color colour = METHOD_COLOURS.getOrDefault(method, new Color(0x999999));
            // A method's second, third... setting: the method's colour, darker each time (the shapes differ too).
            for (int k = settingsSeen.merge(method, 1, Integer::sum); k > 1; k--) {
                colour = colour.darker();
            }
            renderer.setSeriesPaint(i++, colour);
        }
        plot.setRenderer(renderer);
        return chart;
    }
}
