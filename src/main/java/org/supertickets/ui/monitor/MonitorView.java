package org.supertickets.ui.monitor;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.supertickets.train.DenseSpan;
import org.supertickets.ui.charts.ChartTheme;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.TaskRunner;

/**
 * The live monitor: one JFreeChart per {@link ChartModel} in a grid. It repaints only when the ViewModel's
 * revision changes (at most once per drained batch), with every series downsampled to a bounded number of
 * points; the shared time cursor is a vertical marker on every chart, and the spans where masks were dense after a
 * shrink are shaded behind the curves. Right-click a chart to export it as PNG or SVG, or its data as CSV.
 */
public final class MonitorView extends GridPane {

    /** Points per series on screen; more are downsampled (min/max per bucket). */
    public static final int MAX_DISPLAY_POINTS = 600;
    /** The charts presenter mode keeps. */
    private static final String COST_CHART = "cost";
    private static final Set<String> PRESENTED = Set.of("accuracy", "sparsity", COST_CHART);

    private final MonitorViewModel vm;
    private final TaskRunner runner;
    private final Consumer<String> onError;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private final Map<ChartModel, JFreeChart> charts = new LinkedHashMap<>();
    private final Map<SeriesModel, XYSeries> series = new LinkedHashMap<>();
    private final Map<SeriesModel, Integer> shownRevision = new LinkedHashMap<>();
    /** The smoothed copies of the per-step curves, on a second layer of their charts. */
    private final Map<SeriesModel, XYSeries> smoothed = new LinkedHashMap<>();
    private double smoothingShown;
    /** The charts other runs are overlaid on: their held-out accuracy, loss and sparsity. */
    private static final java.util.Set<String> OVERLAID = java.util.Set.of("accuracy", "loss", "sparsity");
    private final List<ValueMarker> cursors = new ArrayList<>();
    private final List<ChartViewer> viewers = new ArrayList<>();
    private long lastRefreshNanos;
    private double cursorShown = Double.NaN;
    /** The dense-after-a-shrink spans the charts shade now. */
    private List<DenseSpan> denseShown = List.of();
    /**
     * The newest epoch the shown axis placed at the last refresh: a series reaching past it is drawn again when the
     * run's clock has grown (a time axis leaves out what is newer than the newest timed event). NaN: none yet.
     */
    private double placedUntilEpoch = Double.NaN;

    public MonitorView(MonitorViewModel vm, TaskRunner runner, Consumer<String> onError) {
        this.vm = vm;
        this.runner = runner;
        this.onError = onError;
        getStyleClass().add("monitor");
        setHgap(4);
        setVgap(4);
        for (ChartModel model : vm.charts()) {
            JFreeChart chart = build(model);
            charts.put(model, chart);
            ChartViewer viewer = new ChartViewer(chart);
            viewer.setId("chart-" + model.id());
            viewer.setMinSize(120, 100);
            addExportMenu(viewer, model, chart);
            addReadout(viewer, model, chart);
            viewers.add(viewer);
        }
        layOut(false);
        vm.revisionProperty().addListener((o, a, b) -> refresh());
        vm.overlays().addListener((javafx.collections.MapChangeListener<String, OverlayCurves>) c -> showOverlays());
        vm.smoothingProperty().addListener((o, a, b) -> refresh());
        vm.cursorEpochProperty().addListener((o, a, b) -> moveCursor(b.doubleValue()));
        vm.shownAxisProperty().addListener((o, a, b) -> showAxis(b));
        vm.axisNoteProperty().addListener((o, a, b) -> labelAxis());
        vm.epochsProperty().addListener((o, a, b) -> setRange(b.doubleValue()));
        dark.addListener((o, a, b) -> applyTheme());
        scale.addListener((o, a, b) -> present(b.doubleValue()));
        setRange(vm.epochsProperty().get());
        applyTheme();
        refresh();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Text and line size of the charts (presenter mode); 1 = normal. */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** The chart drawn for a model (tests and exports read it). */
    public JFreeChart chart(String id) {
        return charts.entrySet().stream().filter(e -> e.getKey().id().equals(id)).map(Map.Entry::getValue)
                .findFirst().orElseThrow();
    }

    /** Points currently shown by a series of a chart. */
    public int shownPoints(String chartId, int seriesIndex) {
        JFreeChart c = chart(chartId);
        return c.getXYPlot().getDataset().getItemCount(seriesIndex);
    }

    /** The domain value of the cursor line (on the shown axis); NaN when hidden. */
    public double cursorValue() {
        return cursorShown;
    }

    /** Nanoseconds of the last dataset refresh (benchmark). */
    public long lastRefreshNanos() {
        return lastRefreshNanos;
    }

    /** Writes every chart as PNG and SVG, and its data as CSV, into a folder (in the background). */
    public void exportAll(Path folder, Runnable done) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<ChartModel, JFreeChart> e : charts.entrySet()) {
            String id = e.getKey().id();
            files.put(folder.resolve(id + ".png"), ChartExport.png(e.getValue(), 900, 500));
            files.put(folder.resolve(id + ".svg"), ChartExport.svg(e.getValue(), 900, 500));
            files.put(folder.resolve(id + ".csv"), ChartExport.csv(e.getKey()));
        }
        BackgroundTask.of("Export charts", ctx -> {
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                ChartExport.write(f.getKey(), f.getValue());
            }
            return files.size();
        }).onSuccess(n -> done.run()).onFailure(err -> onError.accept("Cannot export to " + folder + ": "
                + org.supertickets.ui.task.UserMessages.describe(err))).run(runner);
    }

    /**
     * Presenter mode: the charts' text and lines at the presenter's scale, and only the three curves the step
     * mode narrates (accuracy, sparsity, MACs) in one column — six charts of projector-sized text do not fit.
     */
    private void present(double factor) {
        boolean presenting = factor > 1;
        charts.forEach((model, chart) -> {
            ChartTheme.scale(chart, factor);
            chart.getXYPlot().getDomainAxis().setLabel(presenting ? null : axisLabel());
            chart.getXYPlot().getRangeAxis().setLabel(presenting ? null : model.yLabel());
            fitForProjector(model, chart, presenting);
        });
        layOut(presenting);
    }

    /**
     * On a projector the three charts get few lines each: their legends go beside the plot instead of under it, and
     * the y axis ticks at fixed steps (halves of a share, 50 % of the supernet), since the automatic choice keeps
     * one label, or none, at projector font sizes (seen at 1280×720).
     */
    private static void fitForProjector(ChartModel model, JFreeChart chart, boolean presenting) {
        if (chart.getLegend() != null) {
            chart.getLegend().setPosition(presenting ? RectangleEdge.RIGHT : RectangleEdge.BOTTOM);
        }
        if (chart.getXYPlot().getRangeAxis() instanceof NumberAxis y) {
            if (presenting && PRESENTED.contains(model.id())) {
                y.setTickUnit(new NumberTickUnit(COST_CHART.equals(model.id()) ? 50 : 0.5));
            } else {
                y.setAutoTickUnitSelection(true);
            }
        }
    }

    private void layOut(boolean presenting) {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        int columns = presenting ? 1 : 2;
        List<ChartModel> models = vm.charts(); // in the order of the viewers
        List<ChartViewer> shown = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            if (!presenting || PRESENTED.contains(models.get(i).id())) {
                shown.add(viewers.get(i));
            }
        }
        int rows = (shown.size() + columns - 1) / columns;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < shown.size(); i++) {
            add(shown.get(i), i % columns, i / columns);
        }
    }

    private JFreeChart build(ChartModel model) {
        JFreeChart chart = MonitorCharts.build(model, vm.barWidth());
        XYSeriesCollection dataset = (XYSeriesCollection) chart.getXYPlot().getDataset();
        int i = 0;
        for (SeriesModel s : model.series()) {
            series.put(s, dataset.getSeries(i++));
            shownRevision.put(s, -1);
        }
        smoothed.putAll(MonitorCharts.addSmoothedLayer(chart, model));
        if (OVERLAID.contains(model.id())) {
            MonitorCharts.addOverlayLayer(chart);
        }
        ValueMarker cursor = new ValueMarker(0);
        cursor.setStroke(new BasicStroke(1.5f));
        cursors.add(cursor);
        return chart;
    }

    /** Redraws the other runs' curves over the charts that show them. */
    private void showOverlays() {
        for (Map.Entry<ChartModel, JFreeChart> e : charts.entrySet()) {
            if (OVERLAID.contains(e.getKey().id())) {
                MonitorCharts.showOverlays(e.getValue(), e.getKey().id(), vm.overlays().values(),
                        vm.shownAxisProperty().get());
            }
        }
    }

    private void refresh() {
        long t0 = System.nanoTime();
        double smoothing = vm.smoothingProperty().get();
        boolean resmooth = smoothing != smoothingShown;
        smoothingShown = smoothing;
        double placedBefore = placedUntilEpoch;
        placedUntilEpoch = vm.shownUntilEpoch();
        boolean clockGrew = Double.compare(placedBefore, placedUntilEpoch) != 0;
        for (Map.Entry<ChartModel, JFreeChart> e : charts.entrySet()) {
            JFreeChart chart = e.getValue();
            boolean changed = resmooth && e.getKey().series().stream().anyMatch(smoothed::containsKey);
            for (SeriesModel s : e.getKey().series()) {
                if (stale(s, clockGrew, placedBefore)) {
                    changed = true;
                }
            }
            if (!changed) {
                continue;
            }
            chart.setNotify(false);
            retitle(e.getKey(), chart);
            for (SeriesModel s : e.getKey().series()) {
                boolean stale = stale(s, clockGrew, placedBefore);
                if (smoothed.containsKey(s) && (resmooth || stale)) {
                    MonitorCharts.showSmoothed(chart, e.getKey(), s, smoothed.get(s), smoothing, MAX_DISPLAY_POINTS,
                            vm::toShownX);
                }
                if (!stale) {
                    continue;
                }
                XYSeries xy = series.get(s);
                if (!s.name().equals(xy.getKey())) {
                    xy.setKey(s.name()); // the legend follows the task: "train" or "train pixel accuracy"
                }
                MonitorCharts.show(s, xy, MAX_DISPLAY_POINTS, vm::toShownX);
                shownRevision.put(s, s.revision());
            }
            if (chart.getXYPlot().getDataset() instanceof XYSeriesCollection c && c.getIntervalWidth() > 0) {
                c.setIntervalWidth(vm.barWidth());
            }
            chart.setNotify(true); // one repaint per chart per batch
        }
        shadeDenseSpans(clockGrew);
        if (clockGrew) {
            moveCursor(vm.cursorEpochProperty().get()); // it may stand at a moment the axis has just placed
        }
        lastRefreshNanos = System.nanoTime() - t0;
    }

    /**
     * Whether a series must be drawn again: its points changed, or the shown axis has placed newer moments since it
     * was drawn and the series reaches past the ones placed then (its x grow; its last point is its newest).
     */
    private boolean stale(SeriesModel s, boolean clockGrew, double placedBefore) {
        return shownRevision.get(s) != s.revision()
                || clockGrew && s.size() > 0 && !(s.x(s.size() - 1) <= placedBefore);
    }

    /** The x axis's label: the shown axis, and why it is not the chosen one when it is not. */
    private String axisLabel() {
        String note = vm.axisNoteProperty().get();
        return vm.shownAxisProperty().get().label() + (note.isEmpty() ? "" : " (" + note + ")");
    }

    /** Labels the x axes anew (the note changed); presenter mode keeps them unlabelled. */
    private void labelAxis() {
        if (scale.get() <= 1) {
            charts.values().forEach(c -> c.getXYPlot().getDomainAxis().setLabel(axisLabel()));
        }
    }

    /**
     * Puts every chart on another horizontal axis (TensorBoard's choice, or back on epochs): its points, the other
     * runs', the shading and the cursor are all placed again, by the run's clock.
     */
    private void showAxis(XAxis axis) {
        String label = scale.get() > 1 ? null : axisLabel();
        for (JFreeChart chart : charts.values()) {
            chart.setNotify(false);
            MonitorCharts.horizontalAxis(chart, axis, label);
            ChartTheme.scale(chart, scale.get());
            ChartTheme.apply(chart, dark.get());
            chart.setNotify(true);
        }
        shownRevision.replaceAll((s, r) -> -1);
        placedUntilEpoch = Double.NaN;
        denseShown = null;
        refresh();
        showOverlays();
        moveCursor(vm.cursorEpochProperty().get());
        setRange(vm.epochsProperty().get());
    }

    /** The spans dense after a shrink, shaded on every chart; redrawn only when they changed (an open one grows). */
    private void shadeDenseSpans(boolean clockGrew) {
        List<DenseSpan> spans = vm.dense().spans();
        if (spans.equals(denseShown) && !(clockGrew && vm.shownAxisProperty().get().timed())) {
            return;
        }
        denseShown = spans;
        for (JFreeChart chart : charts.values()) {
            chart.setNotify(false);
            MonitorCharts.showDenseSpans(chart, spans, vm::markerX);
            chart.setNotify(true);
        }
    }

    /** The chart's title and y label as the model says now (they follow the run's task). */
    private void retitle(ChartModel model, JFreeChart chart) {
        if (chart.getTitle() != null && !model.title().equals(chart.getTitle().getText())) {
            chart.getTitle().setText(model.title()); // the text only: the theme's font stays
        }
        if (scale.get() <= 1 && !model.yLabel().equals(chart.getXYPlot().getRangeAxis().getLabel())) {
            chart.getXYPlot().getRangeAxis().setLabel(model.yLabel());
        }
    }

    private void moveCursor(double epoch) {
        double x = Double.isNaN(epoch) ? Double.NaN : vm.markerX(epoch);
        cursorShown = x;
        int i = 0;
        for (JFreeChart chart : charts.values()) {
            ValueMarker m = cursors.get(i++);
            XYPlot plot = chart.getXYPlot();
            chart.setNotify(false); // removing and adding the marker would each redraw the chart
            plot.removeDomainMarker(m);
            if (!Double.isNaN(x)) {
                m.setValue(x);
                plot.addDomainMarker(m);
            }
            chart.setNotify(true);
        }
    }

    /**
     * The charts span the whole run, planned epochs (or their steps) included, from its start; a time axis spans
     * the moments known so far, since when the run will end is not known.
     */
    private void setRange(double epochs) {
        double end = vm.toShownX(Math.max(0.5, epochs));
        boolean planned = !vm.shownAxisProperty().get().timed() && end > 0;
        for (JFreeChart chart : charts.values()) {
            org.jfree.chart.axis.ValueAxis axis = chart.getXYPlot().getDomainAxis();
            if (planned) {
                axis.setRange(0, end * 1.02);
            } else {
                axis.setAutoRange(true);
            }
        }
    }

    private void applyTheme() {
        boolean d = dark.get();
        int i = 0;
        for (JFreeChart chart : charts.values()) {
            ChartTheme.apply(chart, d);
            cursors.get(i++).setPaint(ChartTheme.cursor(d));
        }
    }

    /**
     * TensorBoard's hover read-out: while the mouse is over the plot, a line under the title gives every series'
     * value at that moment, the moment in the shown axis's unit; it goes when the mouse leaves.
     */
    private void addReadout(ChartViewer viewer, ChartModel model, JFreeChart chart) {
        org.jfree.chart.title.TextTitle line = new org.jfree.chart.title.TextTitle("");
        line.setVisible(false);
        chart.addSubtitle(0, line);
        viewer.getCanvas().addChartMouseListener(new org.jfree.chart.fx.interaction.ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(org.jfree.chart.fx.interaction.ChartMouseEventFX event) {
            }

            @Override
            public void chartMouseMoved(org.jfree.chart.fx.interaction.ChartMouseEventFX event) {
                var info = viewer.getCanvas().getRenderingInfo();
                java.awt.geom.Rectangle2D area = info == null ? null : info.getPlotInfo().getDataArea();
                double mx = event.getTrigger().getX();
                String text = "";
                if (area != null && mx >= area.getMinX() && mx <= area.getMaxX()) {
                    XYPlot plot = chart.getXYPlot();
                    double x = plot.getDomainAxis().java2DToValue(mx, area, plot.getDomainAxisEdge());
                    double epoch = vm.epochAtShownX(x);
                    text = Double.isNaN(epoch) ? "" : MonitorCharts.readout(model, epoch, vm.describeShownX(x));
                }
                line.setText(text);
                line.setFont(chart.getLegend() != null ? chart.getLegend().getItemFont() : line.getFont());
                line.setPaint(chart.getTitle() != null ? chart.getTitle().getPaint() : line.getPaint());
                line.setVisible(!text.isEmpty());
            }
        });
        viewer.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> line.setVisible(false));
    }

    private void addExportMenu(ChartViewer viewer, ChartModel model, JFreeChart chart) {
        MenuItem png = new MenuItem("Export chart as PNG…");
        png.setOnAction(e -> saveAs(viewer, model.id() + ".png", "PNG image", "*.png",
                () -> ChartExport.png(chart, 1200, 700)));
        MenuItem svg = new MenuItem("Export chart as SVG…");
        svg.setOnAction(e -> saveAs(viewer, model.id() + ".svg", "SVG image", "*.svg",
                () -> ChartExport.svg(chart, 1200, 700)));
        MenuItem csv = new MenuItem("Export data as CSV…");
        csv.setOnAction(e -> saveAs(viewer, model.id() + ".csv", "CSV table", "*.csv", () -> ChartExport.csv(model)));
        javafx.scene.control.CheckMenuItem logY = new javafx.scene.control.CheckMenuItem("Logarithmic y axis");
        logY.setId("log-y-" + model.id());
        logY.selectedProperty().addListener((o, was, on) -> {
            MonitorCharts.logarithmicY(chart, model, on);
            ChartTheme.scale(chart, scale.get());
            ChartTheme.apply(chart, dark.get());
        });
        viewer.getContextMenu().getItems().addAll(0, List.of(logY, new SeparatorMenuItem(), png, svg, csv,
                new SeparatorMenuItem()));
    }

    private void saveAs(ChartViewer viewer, String name, String kind, String pattern,
            java.util.function.Supplier<byte[]> render) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        java.io.File file = chooser.showSaveDialog(viewer.getScene().getWindow());
        if (file == null) {
            return;
        }
        byte[] bytes = render.get();
        BackgroundTask.of("Export " + name, ctx -> {
            ChartExport.write(file.toPath(), bytes);
            return file;
        }).onFailure(err -> onError.accept("Cannot write " + file + ": "
                + org.supertickets.ui.task.UserMessages.describe(err))).run(runner);
    }
}
