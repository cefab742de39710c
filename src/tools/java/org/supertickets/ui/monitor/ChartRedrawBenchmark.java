package org.supertickets.ui.monitor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What one live-chart update costs as the history grows: append a point, downsample every series for display
 * and redraw the chart, as the Monitor does on each batch of events. {@code UiBenchmark} runs it on the FX
 * thread with the chart in a real {@code ChartViewer}; {@link #main} draws off screen with Java2D. The cost
 * should stay flat from a thousand to a million points.
 */
public final class ChartRedrawBenchmark {
    private static final int REPEATS = 15;

    /** Shows a chart and says what else one redraw needs once its change is notified (nothing for a viewer). */
    public interface ChartHost {
        Runnable attach(JFreeChart chart);
    }

    private ChartRedrawBenchmark() {
    }

    /** Draws into an 800 × 300 image: the redraw a headless machine can time. */
    public static ChartHost offscreen() {
        BufferedImage image = new BufferedImage(800, 300, BufferedImage.TYPE_INT_ARGB);
        return chart -> () -> {
            Graphics2D g = image.createGraphics();
            chart.draw(g, new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()));
            g.dispose();
        };
    }

    /** One line per history length: median and max milliseconds per update. */
    public static List<String> measure(ChartHost host, int... historyLengths) {
        List<String> lines = new ArrayList<>();
        for (int n : historyLengths) {
            ChartModel model = new ChartModel("loss", "Loss", "epoch", "loss");
            SeriesModel train = model.add("train", SeriesModel.Style.LINE);
            SeriesModel validation = model.add("validation", SeriesModel.Style.LINE);
            SplittableRandom r = new SplittableRandom(n);
            for (int i = 0; i < n; i++) {
                train.add(i * 1e-3, 2 * Math.exp(-i * 1e-6) + 0.1 * r.nextDouble());
                if (i % 100 == 0) {
                    validation.add(i * 1e-3, 2 * Math.exp(-i * 1e-6));
                }
            }
            JFreeChart chart = MonitorCharts.build(model, 0.5);
            XYSeriesCollection dataset = (XYSeriesCollection) chart.getXYPlot().getDataset();
            Runnable redraw = host.attach(chart);
            long[] nanos = new long[REPEATS];
            for (int k = 0; k < REPEATS; k++) {
                long t0 = System.nanoTime();
                train.add((n + k) * 1e-3, 0.1);
                chart.setNotify(false);
                for (int s = 0; s < model.series().size(); s++) {
                    XYSeries xy = dataset.getSeries(s);
                    MonitorCharts.show(model.series().get(s), xy, MonitorView.MAX_DISPLAY_POINTS);
                }
                chart.setNotify(true);
                redraw.run();
                nanos[k] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(nanos);
            lines.add(String.format(Locale.ROOT, "chart update at %,9d points: median %.2f ms, max %.2f ms", n,
                    nanos[REPEATS / 2] / 1e6, nanos[REPEATS - 1] / 1e6));
        }
        return lines;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        measure(offscreen(), 1_000, 10_000, 100_000, 1_000_000).forEach(System.out::println);
        measure(offscreen(), 1_000, 10_000, 100_000, 1_000_000).forEach(System.out::println);
    }
}
