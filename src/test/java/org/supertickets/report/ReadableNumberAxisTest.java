package org.supertickets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.supertickets.run.RunSummary;

/** Axes of a single point or a flat series get a real range and labels that differ (issue 11, item 5). */
class ReadableNumberAxisTest {

    @Test
    void compareWithOneRunLabelsTheMacsAndAccuracyAxesReadably() {
        RunSummary one = new RunSummary("r", "supertickets", "d", 1, 0.8125, 0.5, 0.5, 1_966_128, 900_000, 22_642,
                1_966_128, 1e12, 30, "s");
        JFreeChart chart = ComparisonCharts.accuracyVsMacs(List.of(one));
        XYPlot plot = chart.getXYPlot();
        List<String> x = AxisTicks.labels(chart, plot.getDomainAxis(), true, 900, 560);
        List<String> y = AxisTicks.labels(chart, plot.getRangeAxis(), false, 900, 560);
        assertTrue(AxisTicks.readable(x), "MACs ticks " + x);
        assertTrue(AxisTicks.readable(y), "accuracy ticks " + y);
        Range r = plot.getDomainAxis().getRange();
        assertTrue(r.getLength() >= 0.1 * 1_966_128, "MACs range " + r);
        assertTrue(r.contains(1_966_128));
        assertTrue(plot.getRangeAxis().getUpperBound() <= 1, "accuracy never padded past 100 %");
    }

    @Test
    void aFlatSeriesAtZeroSpansOneUnitFromZeroAndAFlatShareStaysInsideItsBounds() {
        JFreeChart zero = chart(0, 0, ReadableNumberAxis.of("share", new DecimalFormat("0%")), null);
        ReadableNumberAxis zeroAxis = (ReadableNumberAxis) zero.getXYPlot().getRangeAxis();
        assertEquals(new Range(0, 1), zeroAxis.getRange());
        assertTrue(AxisTicks.readable(AxisTicks.labels(zero, zeroAxis, false, 600, 300)));

        ReadableNumberAxis share = ReadableNumberAxis.of("share", new DecimalFormat("0%"));
        JFreeChart full = chart(1, 1, share, new Range(0, 1));
        assertEquals(1, share.getUpperBound(), 1e-12);
        assertTrue(share.getLowerBound() < 0.95, share.getRange().toString());
        List<String> labels = AxisTicks.labels(full, share, false, 600, 300);
        assertTrue(AxisTicks.readable(labels), labels.toString());
    }

    @Test
    void aNearlyFlatSeriesOfSmallNumbersGetsDistinctPlainLabels() {
        ReadableNumberAxis axis = new ReadableNumberAxis("learning rate");
        JFreeChart chart = chart(0.1328125, 0.1328126, axis, null);
        List<String> labels = AxisTicks.labels(chart, axis, false, 600, 200);
        assertTrue(AxisTicks.readable(labels), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains("E")), "no scientific notation: " + labels);
    }

    private static JFreeChart chart(double y0, double y1, ReadableNumberAxis axis, Range bounds) {
        XYSeries s = new XYSeries("s");
        s.add(0, y0);
        s.add(1, y1);
        axis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), new ReadableNumberAxis("x"), axis,
                new XYLineAndShapeRenderer());
        if (bounds != null) {
            axis.setNaturalBounds(bounds);
        }
        return new JFreeChart(plot);
    }
}
