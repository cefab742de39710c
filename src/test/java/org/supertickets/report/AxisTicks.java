package org.supertickets.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;

/** The tick labels a chart's axes get when drawn at a size, headless (AWT into an image). */
public final class AxisTicks {

    private AxisTicks() {
    }

    /** Draws the chart, then asks an axis for the ticks it drew: their labels, in order. */
    public static List<String> labels(JFreeChart chart, ValueAxis axis, boolean horizontal, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
            Rectangle2D dataArea = info.getPlotInfo().getDataArea();
            List<? extends Tick> ticks = axis.refreshTicks(g2, new AxisState(), dataArea,
                    horizontal ? RectangleEdge.BOTTOM : RectangleEdge.LEFT);
            return ticks.stream().map(Tick::getText).filter(t -> t != null && !t.isEmpty()).toList();
        } finally {
            g2.dispose();
        }
    }

    /** Whether the labels are at least two and no two neighbours read the same. */
    public static boolean readable(List<String> labels) {
        if (labels.size() < 2) {
            return false;
        }
        for (int i = 1; i < labels.size(); i++) {
            if (labels.get(i).equals(labels.get(i - 1))) {
                return false;
            }
        }
        return true;
    }
}
