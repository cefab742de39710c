package org.supertickets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.supertickets.run.RunSummary;

/**
 * The comparison plots draw one series per method, split by setting where a method was run with several; a sweep's
 * plots draw a line per curve through the means, with the 95% interval as error bars.
 */
class ComparisonChartsTest {

    @Test
    void twoSettingsOfOneMethodAreTwoSeriesAndAMethodWithOneSettingKeepsItsName() {
        List<RunSummary> runs = List.of(run("a", "supertickets", 1, "aaa111"), run("b", "supertickets", 2, "aaa111"),
                run("c", "supertickets", 1, "bbb222"), run("d", "dense", 1, "ccc333"), run("e", "dense", 2, "ccc333"));
        XYSeriesCollection data = (XYSeriesCollection) ComparisonCharts.accuracyVsMacs(runs).getXYPlot().getDataset();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            keys.add(data.getSeriesKey(i).toString());
        }
        keys.remove("Pareto front");
        assertEquals(List.of("supertickets [aaa111]", "supertickets [bbb222]", "dense"), keys);
        assertEquals(2, data.getSeries("supertickets [aaa111]").getItemCount());
        assertEquals(1, data.getSeries("supertickets [bbb222]").getItemCount());
    }

    @Test
    void aSweepIsALinePerCurveThroughTheMeansWithTheIntervalAsErrorBars() {
        SweepCurves sweep = SweepCurves.of(SweepCurvesTest.twoMethodsTwoTargetsThreeSeeds());
        JFreeChart chart = ComparisonCharts.sweepAccuracyVsMacs(sweep);
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) chart.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals("supertickets", data.getSeriesKey(0));
        SweepCurves.Point sparse = sweep.curves().get(0).points().get(1);
        // by increasing MACs: the sparser point (target 0.9, 100 k MACs) first
        assertEquals(100_000, data.getXValue(0, 0), 1e-6);
        assertEquals(sparse.score().mean(), data.getYValue(0, 0), 1e-12);
        assertEquals(sparse.score().low(), data.getStartYValue(0, 0), 1e-12);
        assertEquals(sparse.score().high(), data.getEndYValue(0, 0), 1e-12);
        assertEquals(500_000, data.getXValue(0, 1), 1e-6);
        XYErrorRenderer renderer = (XYErrorRenderer) chart.getXYPlot().getRenderer();
        assertTrue(renderer.getDefaultLinesVisible() && !renderer.getDrawXError());
        assertEquals("supertickets: target sparsity 0.9, 3 seeds, test accuracy 74.00% ± "
                + String.format(java.util.Locale.ROOT, "%.2f", 100 * sparse.score().halfWidth()) + " (95% CI "
                + String.format(java.util.Locale.ROOT, "%.2f–%.2f%%", 100 * sparse.score().low(),
                        100 * sparse.score().high()) + ")",
                renderer.getDefaultToolTipGenerator().generateToolTip(data, 0, 0));

        JFreeChart weights = ComparisonCharts.sweepAccuracyVsWeightsRemaining(sweep);
        LogAxis axis = (LogAxis) weights.getXYPlot().getDomainAxis();
        assertTrue(axis.isInverted(), "the scatter's axis: sparser to the right");
        assertEquals(0.5, ((YIntervalSeriesCollection) weights.getXYPlot().getDataset()).getXValue(0, 1), 1e-12);
        assertEquals(2, ComparisonCharts.sweepAccuracyVsTrainingCompute(sweep).getXYPlot().getDataset()
                .getItemCount(1));
    }

    @Test
    void oneRunGetsAFewReadableTicksOnEveryAxis() {
        // issue 30: Compare with a single run drew 32 ticks on its y axis
        List<RunSummary> one = List.of(run("a", "supertickets", 1, "aaa111"));
        for (JFreeChart chart : ComparisonCharts.plots(one)) {
            for (int size : new int[] {260, 560}) {
                chart.createBufferedImage(size * 3 / 2, size); // lays the axes out at a tab's and a file's size
                org.jfree.chart.axis.ValueAxis y = chart.getXYPlot().getRangeAxis();
                double unit = ((org.jfree.chart.axis.NumberAxis) y).getTickUnit().getSize();
                double ticks = y.getRange().getLength() / unit;
                assertTrue(ticks >= 2 && ticks <= 12, chart.getTitle().getText() + " at " + size + " px: " + ticks
                        + " y ticks (" + y.getRange() + " by " + unit + ")");
            }
        }
    }

    private static RunSummary run(String name, String method, long seed, String setting) {
        return new RunSummary(name, method, "d", seed, 0.8 + seed / 100.0, 0.9, 0.9, 1_500_000, 150_000, 50_000,
                1_500_000, 3e12, 1000, setting);
    }
}
