package org.supertickets.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The overlaid training curves of several runs against epochs: one colour per run (Okabe-Ito, safe for
 * colour-blind readers), and past seven runs the colours repeat with a dashed, then a dotted line, so every run
 * stays distinguishable without relying on hue alone. The legend is drawn once by the view for all three charts.
 */
public final class CurveCharts {

    /** Okabe-Ito without yellow, which is unreadable as a thin line on white. */
    static final int[] RUN_COLOURS = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000};

    /** Dash patterns of the line of run {@code i}: solid, dashed, dotted, then again. */
    static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}};

    private CurveCharts() {
    }

    public static int colour(int run) {
        return RUN_COLOURS[run % RUN_COLOURS.length];
    }

    /** The dash pattern of run {@code run}'s line; null = solid. */
    public static float[] dashes(int run) {
        return DASHES[(run / RUN_COLOURS.length) % DASHES.length];
    }

    /**
     * What the held-out set says at each evaluation: accuracy, or mean IoU when every run segments (a segmentation
     * run's accuracy is per pixel, and most pixels are background); with both kinds, accuracy, so labelled.
     */
    public static JFreeChart validationAccuracy(List<RunCurves> runs) {
        boolean allSegment = !runs.isEmpty() && runs.stream().allMatch(RunCurves::segmentation);
        if (allSegment) {
            return chart("Validation mean IoU", "validation mIoU (background included)", runs, RunCurves::meanIou,
                    new DecimalFormat("0.###"), false, true);
        }
        boolean someSegment = runs.stream().anyMatch(RunCurves::segmentation);
        return chart("Validation accuracy", someSegment ? "validation accuracy (per pixel for segmentation runs)"
                : "validation accuracy", runs, RunCurves::validationAccuracy, new DecimalFormat("0.#%"), false, true);
    }

    public static JFreeChart sparsity(List<RunCurves> runs) {
        return chart("Weight sparsity", "share of prunable weights masked", runs, RunCurves::sparsity,
                new DecimalFormat("0%"), true, true);
    }

    public static JFreeChart macs(List<RunCurves> runs) {
        return chart("MACs of the (shrunk) network", "MACs (dense)", runs, RunCurves::macs, new CountFormat(),
                false, false);
    }

    private static JFreeChart chart(String title, String yLabel, List<RunCurves> runs,
            Function<RunCurves, double[]> y, NumberFormat format, boolean fromZero, boolean share) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < runs.size(); i++) {
            RunCurves r = runs.get(i);
            // Two runs may share a folder name (from two parents): keys must be unique.
            XYSeries s = new XYSeries(i + ":" + r.run(), false, true);
            double[] values = y.apply(r);
            for (int k = 0; k < r.size(); k++) {
                s.add(r.epochs()[k], values[k]);
            }
            data.addSeries(s);
            float[] dash = dashes(i);
            renderer.setSeriesPaint(i, new Color(colour(i)));
            renderer.setSeriesStroke(i, dash == null ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> String.format(java.util.Locale.ROOT,
                "%s · epoch %.2f · %s", runs.get(series).run(), dataset.getXValue(series, item),
                format.format(dataset.getYValue(series, item))));
        NumberAxis x = new ReadableNumberAxis("epoch");
        ReadableNumberAxis yAxis = ReadableNumberAxis.of(yLabel, format);
        yAxis.setAutoRangeIncludesZero(fromZero);
        if (share) {
            yAxis.setNaturalBounds(new Range(0, 1));
        }
        XYPlot plot = new XYPlot(data, x, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setNoDataMessage("No evaluations logged");
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 12), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
