package org.supertickets.ui.monitor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.supertickets.report.ReadableNumberAxis;
import org.supertickets.train.DenseSpan;
import org.supertickets.ui.charts.ChartTheme;

/**
 * The JFreeChart of a monitor {@link ChartModel}: one XYSeries per series (in the model's order), lines or
 * bars, axes that stay readable from the first point, the spans dense after a shrink shaded behind them. No JavaFX,
 * so tests draw it headless.
 */
public final class MonitorCharts {

    /** Okabe-Ito, in the order the series of a chart take them (the accuracy chart of segmentation needs seven). */
    private static final Color[] LINE_COLOURS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00),
        new Color(0x56B4E9), new Color(0x000000),
    };

    /** The legend entry of that shading, in the words the docs use. */
    public static final String DENSE_LABEL = "dense after a shrink (until the next prune)";
    /** The shading of the spans dense after a shrink: Okabe-Ito orange, light enough to read curves through. */
    static final Color DENSE_SHADE = new Color(0xE6, 0x9F, 0x00, 70);

    /** The raw curve behind its smoothed copy: faint enough to read the average, clear enough to see the noise. */
    static final int FAINT_ALPHA = 70;

    private MonitorCharts() {
    }

    /** The chart of a model, empty; {@link #show} fills a series. */
    public static JFreeChart build(ChartModel model, double barWidth) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        boolean bars = false;
        for (SeriesModel s : model.series()) {
            dataset.addSeries(new XYSeries(s.name(), false, true));
            bars |= s.style() == SeriesModel.Style.BARS;
        }
        ReadableNumberAxis x = new ReadableNumberAxis(model.xLabel());
        ValueAxis y = linearY(model, model.yLabel());
        XYItemRenderer renderer;
        if (bars) {
            dataset.setIntervalWidth(barWidth);
            ClusteredXYBarRenderer r = new ClusteredXYBarRenderer(0.1, false);
            r.setBarPainter(new StandardXYBarPainter());
            r.setShadowVisible(false);
            r.setSeriesPaint(0, new Color(0x009E73));
            r.setSeriesPaint(1, new Color(0xD55E00));
            renderer = r;
        } else {
            renderer = lines(model);
        }
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        JFreeChart chart = new JFreeChart(model.title(), plot);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setSources(new LegendItemSource[] {plot, new DenseLegend(plot)});
        ChartTheme.scale(chart, 1); // the workbench's text sizes and line widths, which presenter mode scales
        return chart;
    }

    /** The dataset index of other runs' curves drawn over a chart ({@link #addOverlayLayer}). */
    public static final int OVERLAY_LAYER = 2;

    /**
     * A third layer for other runs' held-out curves (TensorBoard's overlaid runs): dashed lines with small
     * markers, a colour per run from Tol's muted palette, each in the legend under its run's name.
     */
    public static XYSeriesCollection addOverlayLayer(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        XYSeriesCollection layer = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        plot.setDataset(OVERLAY_LAYER, layer);
        plot.setRenderer(OVERLAY_LAYER, lines);
        plot.mapDatasetToDomainAxis(OVERLAY_LAYER, 0);
        plot.mapDatasetToRangeAxis(OVERLAY_LAYER, 0);
        return layer;
    }

    /** Shows the overlaid runs' points of one chart by epoch, replacing what the layer held. */
    public static void showOverlays(JFreeChart chart, String chartId, java.util.Collection<OverlayCurves> runs) {
        showOverlays(chart, chartId, runs, XAxis.EPOCH);
    }

    /**
     * Shows the overlaid runs' points of one chart on {@code axis}, each run placed by its own clock, replacing what
     * the layer held. On a time axis a run whose log has no times has no points; its legend entry says so.
     */
    public static void showOverlays(JFreeChart chart, String chartId, java.util.Collection<OverlayCurves> runs,
            XAxis axis) {
        XYPlot plot = chart.getXYPlot();
        XYSeriesCollection layer = (XYSeriesCollection) plot.getDataset(OVERLAY_LAYER);
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) plot.getRenderer(OVERLAY_LAYER);
        layer.removeAllSeries();
        int k = 0;
        for (OverlayCurves run : runs) {
            boolean placed = run.clock().supports(axis) || run.pointsFor(chartId).isEmpty();
            XYSeries xy = new XYSeries(placed ? run.name() : run.name() + " (no times in its log)", false, true);
            for (double[] p : run.pointsFor(chartId, axis)) {
                xy.add(p[0], p[1], false);
            }
            layer.addSeries(xy);
            lines.setSeriesPaint(k, org.supertickets.report.ComparisonCharts.muted(k));
            lines.setSeriesStroke(k, new java.awt.BasicStroke(1.6f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
            lines.setSeriesShape(k, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            k++;
        }
    }

    /**
     * A second layer over the chart's lines for its per-step curves smoothed (TensorBoard's smoothing): a series per
     * smoothable series, in its colour and width, out of the legend (the raw curve's entry names both). Returns
     * the layer's series by the model's series; empty when the chart has no smoothable curve.
     */
    public static Map<SeriesModel, XYSeries> addSmoothedLayer(JFreeChart chart, ChartModel model) {
        Map<SeriesModel, XYSeries> layer = new LinkedHashMap<>();
        XYPlot plot = chart.getXYPlot();
        if (!(plot.getRenderer() instanceof XYLineAndShapeRenderer raw)) {
            return layer;
        }
        XYSeriesCollection smoothed = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDefaultSeriesVisibleInLegend(false);
        int i = 0;
        for (SeriesModel s : model.series()) {
            if (s.smoothable()) {
                XYSeries xy = new XYSeries(s.name() + " (smoothed)", false, true);
                smoothed.addSeries(xy);
                int k = smoothed.getSeriesCount() - 1;
                lines.setSeriesPaint(k, raw.getSeriesPaint(i));
                lines.setSeriesStroke(k, raw.getSeriesStroke(i));
                layer.put(s, xy);
            }
            i++;
        }
        if (!layer.isEmpty()) {
            plot.setDataset(1, smoothed);
            plot.setRenderer(1, lines);
            plot.mapDatasetToDomainAxis(1, 0);
            plot.mapDatasetToRangeAxis(1, 0);
            // the smoothed layer in front of the raw curves it summarises
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        }
        return layer;
    }

    /**
     * Shows a smoothable curve raw ({@code weight} 0: its own colour, the smoothed layer empty) or smoothed (its
     * moving average on the layer, the raw curve faint behind it, as TensorBoard draws it).
     */
    public static void showSmoothed(JFreeChart chart, ChartModel model, SeriesModel s, XYSeries layer,
            double weight, int maxPoints) {
        showSmoothed(chart, model, s, layer, weight, maxPoints, e -> e);
    }

    /** {@link #showSmoothed} with every x put on the shown axis by {@code x} (an epoch in, NaN: not drawn). */
    public static void showSmoothed(JFreeChart chart, ChartModel model, SeriesModel s, XYSeries layer,
            double weight, int maxPoints, DoubleUnaryOperator x) {
        int index = model.series().indexOf(s);
        XYLineAndShapeRenderer raw = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        Color colour = (Color) raw.getSeriesPaint(index);
        raw.setSeriesPaint(index, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(),
                weight > 0 ? FAINT_ALPHA : 255));
        if (weight > 0) {
            show(s.smoothed(weight), layer, maxPoints, x);
        } else {
            layer.clear();
        }
    }

    /**
     * The y axis on a log scale (TensorBoard's toggle, for a loss that spans decades) or back on the linear one;
     * the label stays (presenter mode may have hidden it). The caller applies the theme and scale again.
     */
    public static void logarithmicY(JFreeChart chart, ChartModel model, boolean on) {
        XYPlot plot = chart.getXYPlot();
        String label = plot.getRangeAxis().getLabel();
        if (on) {
            LogAxis log = new LogAxis(label);
            log.setSmallestValue(1e-4); // a zero (an accuracy at the start) would otherwise have no place
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.####"));
            plot.setRangeAxis(log);
        } else {
            plot.setRangeAxis(linearY(model, label));
        }
    }

    /**
     * Puts the chart on another horizontal axis (TensorBoard's choice): numbers for epochs and steps, a stopwatch's
     * {@code m:ss} / {@code h:mm:ss} for the time since the run's start, the time of day in the local zone for the
     * clock. The label is presenter mode's to hide: {@code label} null keeps it hidden. The caller applies the theme
     * and scale again, and sets the range.
     */
    public static void horizontalAxis(JFreeChart chart, XAxis axis, String label) {
        XYPlot plot = chart.getXYPlot();
        ValueAxis x = switch (axis) {
            case EPOCH, STEP -> new ReadableNumberAxis(label);
            case RELATIVE -> elapsedAxis(label);
            case WALL -> new DateAxis(label); // the default zone and locale: the user's clock
        };
        plot.setDomainAxis(x);
    }

    /** Seconds since the run's start from 0, ticked at a stopwatch's round steps (10 s, 1 min, 15 min, 1 h …). */
    private static ValueAxis elapsedAxis(String label) {
        org.jfree.chart.axis.NumberAxis axis = new org.jfree.chart.axis.NumberAxis(label);
        TickUnits units = new TickUnits();
        ElapsedTimeFormat format = new ElapsedTimeFormat();
        for (double seconds : new double[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
            21600, 43200, 86400, 172800, 432000, 864000}) {
            units.add(new NumberTickUnit(seconds, format));
        }
        axis.setStandardTickUnits(units);
        axis.setAutoRangeIncludesZero(true); // every chart from the run's start, as on epochs
        return axis;
    }

    /** The linear y axis of a model's chart: from zero for bars, within [0, 1] for a share. */
    private static ValueAxis linearY(ChartModel model, String label) {
        ReadableNumberAxis y = new ReadableNumberAxis(label);
        y.setAutoRangeIncludesZero(model.series().stream().anyMatch(s -> s.style() == SeriesModel.Style.BARS));
        if (model.isShare()) {
            y.setNaturalBounds(new Range(0, 1));
        }
        return y;
    }

    /**
     * TensorBoard's hover read-out: every plotted series' value at {@code x} (its newest point at or before it), in
     * the legend's names, e.g. {@code "epoch 2.35 · train 0.612 · validation 0.648"}; empty before any point.
     */
    public static String readout(ChartModel model, double x) {
        return readout(model, x, String.format(Locale.ROOT, "%s %.2f", model.xLabel(), x));
    }

    /**
     * The read-out at {@code epoch}, headed by {@code where}: the mouse's place in the shown axis's unit, e.g.
     * {@code "time 1:02:03 · train 0.612"}; empty before any point.
     */
    public static String readout(ChartModel model, double epoch, String where) {
        StringBuilder sb = new StringBuilder();
        for (SeriesModel s : model.series()) {
            int i = s.lastIndexAtOrBefore(epoch);
            if (i >= 0) {
                sb.append(" · ").append(s.name()).append(' ').append(significant(s.y(i)));
            }
        }
        return sb.isEmpty() ? "" : where + sb;
    }

    private static String significant(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return String.valueOf(v == 0 ? 0 : v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    /** Replaces a chart series' points with the model series', downsampled to at most {@code maxPoints}. */
    public static void show(SeriesModel s, XYSeries xy, int maxPoints) {
        show(s, xy, maxPoints, e -> e);
    }

    /**
     * {@link #show} with every x put on the shown axis by {@code x} (an epoch in); a point it gives no place (NaN:
     * later than the newest moment of a time axis) is left out.
     */
    public static void show(SeriesModel s, XYSeries xy, int maxPoints, DoubleUnaryOperator x) {
        double[][] points = s.display(maxPoints);
        xy.setNotify(false);
        xy.clear();
        for (int i = 0; i < points[0].length; i++) {
            double at = x.applyAsDouble(points[0][i]);
            if (!Double.isNaN(at)) {
                xy.add(at, points[1][i], false);
            }
        }
        xy.setNotify(true);
    }

    /**
     * Shades the epochs where masks were dense after a shrink (behind the curves), replacing the previous shading;
     * the legend names it while any is shown. The caller repaints.
     */
    public static void showDenseSpans(JFreeChart chart, List<DenseSpan> spans) {
        showDenseSpans(chart, spans, e -> e);
    }

    /** {@link #showDenseSpans} with the spans' ends put on the shown axis by {@code x}; one not placed is left out. */
    public static void showDenseSpans(JFreeChart chart, List<DenseSpan> spans, DoubleUnaryOperator x) {
        XYPlot plot = chart.getXYPlot();
        for (DenseSpanMarker old : denseMarkers(plot)) {
            plot.removeDomainMarker(0, old, Layer.BACKGROUND, false);
        }
        for (DenseSpan span : spans) {
            double from = x.applyAsDouble(span.fromEpoch());
            double to = x.applyAsDouble(span.untilEpoch());
            if (!Double.isNaN(from) && !Double.isNaN(to)) {
                plot.addDomainMarker(0, new DenseSpanMarker(from, to), Layer.BACKGROUND, false);
            }
        }
    }

    /** The shaded spans of a chart, as {from, to} on its horizontal axis (tests read them). */
    public static List<double[]> denseSpansShown(JFreeChart chart) {
        return denseMarkers(chart.getXYPlot()).stream().map(m -> new double[] {m.getStartValue(), m.getEndValue()})
                .toList();
    }

    private static List<DenseSpanMarker> denseMarkers(XYPlot plot) {
        Collection<?> markers = plot.getDomainMarkers(0, Layer.BACKGROUND);
        List<DenseSpanMarker> dense = new ArrayList<>();
        if (markers != null) {
            for (Object m : markers) {
                if (m instanceof DenseSpanMarker d) {
                    dense.add(d);
                }
            }
        }
        return dense;
    }

    /** One span dense after a shrink; its own type, so the time cursor's marker is never taken for one. */
    private static final class DenseSpanMarker extends IntervalMarker {
        private static final long serialVersionUID = 1L;

        DenseSpanMarker(double from, double to) {
            super(from, to, DENSE_SHADE);
        }
    }

    /** The legend entry of the shading, present while a span is shaded. */
    private record DenseLegend(XYPlot plot) implements LegendItemSource {
        @Override
        public LegendItemCollection getLegendItems() {
            LegendItemCollection items = new LegendItemCollection();
            if (!denseMarkers(plot).isEmpty()) {
                LegendItem item = new LegendItem(DENSE_LABEL, DENSE_SHADE);
                item.setShape(new Rectangle2D.Double(-6, -5, 12, 10));
                items.add(item);
            }
            return items;
        }
    }

    /**
     * Lines whose legend names only the series that have points: a run with a validation split never draws
     * the test-set curve, and an empty legend entry reads as a missing curve.
     */
    private static final class LegendOfPlottedSeries extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;

        LegendOfPlottedSeries() {
            super(true, false);
        }

        @Override
        public LegendItem getLegendItem(int datasetIndex, int series) {
            XYPlot plot = getPlot();
            XYDataset dataset = plot == null ? null : plot.getDataset(datasetIndex);
            if (dataset != null && dataset.getItemCount(series) == 0) {
                return null;
            }
            return super.getLegendItem(datasetIndex, series);
        }
    }

    private static XYLineAndShapeRenderer lines(ChartModel model) {
        XYLineAndShapeRenderer r = new LegendOfPlottedSeries();
        int i = 0;
        for (SeriesModel s : model.series()) {
            Color colour = LINE_COLOURS[i % LINE_COLOURS.length];
            if (s.style() == SeriesModel.Style.DASHED) {
                colour = new Color(0x7a7f87);
                r.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
            } else {
                r.setSeriesStroke(i, new BasicStroke(2f));
            }
            // Validation points and sparsity measurements are sparse: show their markers (shape, not only hue).
            r.setSeriesShapesVisible(i, s.markers());
            r.setSeriesShape(i, i % 2 == 0 ? new Ellipse2D.Double(-3, -3, 6, 6)
                    : new Rectangle2D.Double(-3, -3, 6, 6));
            r.setSeriesPaint(i, colour);
            i++;
        }
        return r;
    }
}
