package org.supertickets.ui.monitor;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Chart export. Rendering to bytes happens on the FX thread (the chart's datasets live there; it takes a few
 * milliseconds); writing the bytes is disk work and belongs on a background thread.
 */
public final class ChartExport {

    private ChartExport() {
    }

    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(width, height));
        return g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] csv(ChartModel model) {
        return model.toCsv().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes atomically: a temp file next to the target, then a rename. */
    public static void write(Path target, byte[] bytes) throws IOException {
        org.supertickets.io.AtomicFiles.write(target, out -> out.write(bytes));
    }
}
