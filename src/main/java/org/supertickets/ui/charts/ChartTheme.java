package org.supertickets.ui.charts;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** The light and dark looks of a JFreeChart, matching the workbench's themes. */
public final class ChartTheme {

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

    /** The paint of a marker drawn over the data (the monitor's time cursor). */
    public static Color cursor(boolean dark) {
        return dark ? Color.WHITE : Color.BLACK;
    }
}
