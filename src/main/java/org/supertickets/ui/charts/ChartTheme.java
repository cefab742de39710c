package org.supertickets.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** The light and dark looks of a JFreeChart, matching the workbench's themes. */
public final class ChartTheme {

    /** The workbench's chart sizes at scale 1 (MonitorCharts builds with these). */
    private static final int TITLE_POINTS = 12;
    private static final int LABEL_POINTS = 12;
    private static final int TICK_POINTS = 10;
    private static final float LINE_WIDTH = 2f;

    private ChartTheme() {
    }

    /** Colours the chart's background, title, legend, grid and axes for the theme. */
    public static void apply(JFreeChart chart, boolean dark) {
        Color background = dark ? new Color(0x1f2227) : new Color(0xfbfbfc);
        Color text = dark ? new Color(0xe6e6e6) : new Color(0x1a1a1a);
        Color grid = dark ? new Color(0x3a3f47) : new Color(0xdddddd);
        chart.setNotify(false);
        chart.setBackgroundPaint(background);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(text);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(background);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setOutlinePaint(grid);
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
            axis.setAxisLinePaint(grid);
        }
        chart.setNotify(true);
    }

    /**
     * Sizes the chart's text and lines for presenter mode ({@code scale} 1 = the workbench's own sizes): title,
     * legend, axis labels and ticks, and the width (and dash pattern) of every line.
     */
    public static void scale(JFreeChart chart, double scale) {
        chart.setNotify(false);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, points(TITLE_POINTS, scale)));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, points(TICK_POINTS, scale)));
        }
        XYPlot plot = chart.getXYPlot();
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setLabelFont(new Font("SansSerif", Font.PLAIN, points(LABEL_POINTS, scale)));
            axis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, points(TICK_POINTS, scale)));
        }
        // every layer: the Monitor draws smoothed curves on a second one
        for (int layer = 0; layer < plot.getRendererCount(); layer++) {
            if (plot.getRenderer(layer) instanceof XYLineAndShapeRenderer lines && plot.getDataset(layer) != null) {
                for (int i = 0; i < plot.getDataset(layer).getSeriesCount(); i++) {
                    if (lines.getSeriesStroke(i) instanceof BasicStroke b) {
                        lines.setSeriesStroke(i, widened(b, (float) (LINE_WIDTH * scale)));
                    }
                }
            }
        }
        chart.setNotify(true);
    }

    private static int points(int base, double scale) {
        return (int) Math.round(base * scale);
    }

    /** The stroke at a new width, its dashes stretched in proportion so the pattern keeps its look. */
    private static BasicStroke widened(BasicStroke stroke, float width) {
        float[] dashes = stroke.getDashArray();
        if (dashes != null) {
            float k = width / stroke.getLineWidth();
            dashes = dashes.clone();
            for (int i = 0; i < dashes.length; i++) {
                dashes[i] *= k;
            }
        }
        return new BasicStroke(width, stroke.getEndCap(), stroke.getLineJoin(), stroke.getMiterLimit(), dashes,
                stroke.getDashPhase());
    }

    /** The paint of a marker drawn over the data (the monitor's time cursor). */
    public static Color cursor(boolean dark) {
        return dark ? Color.WHITE : Color.BLACK;
    }
}
