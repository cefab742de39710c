package org.supertickets.ui.heatmap;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import org.supertickets.ui.graph.Palette;

/**
 * The mask heatmap: one WritableImage filled through a PixelWriter (never a node per weight), rows = output
 * channels, columns = input channels × kernel positions. Zoom with the mouse wheel, pan by dragging, "Fit"
 * to see the whole layer. When a weight gets at least {@link #MARKER_MIN_CELL} pixels, weights turned on
 * since the previous snapshot (back by re-ranking, or reset by a shrink) get a circle and weights turned off
 * (newly pruned, or pruned again after a reset) a cross, each with an outline, so the change reads by shape,
 * not by colour alone; the summary line counts each kind.
 */
public final class HeatmapView extends BorderPane {

    /** The largest cell a fit makes (a tiny layer is not blown up to the whole pane). */
    public static final double MAX_FIT_CELL = 40;

    /** Cell size from which change markers are drawn. */
    public static final double MARKER_MIN_CELL = 6;

    private final HeatmapViewModel vm;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final Canvas canvas = new Canvas();
    private final Pane holder = new Pane(canvas);
    private final Label zoomHint = new Label();
    private HeatmapRenderer renderer;
    private WritableImage image;
    private int[] pixels = new int[0];
    private double cellSize = Double.NaN; // NaN = fit
    private double originX;
    private double originY;
    private double dragX;
    private double dragY;
    private long lastRenderNanos;
    /** Rows are cut into this many side-by-side bands (chosen at each fit; kept while zooming). */
    private int bands = 1;
    private HeatmapData banded;
    private HeatmapData bandSource;

    public HeatmapView(HeatmapViewModel vm) {
        this.vm = vm;
        getStyleClass().add("heatmap-view");
        canvas.setId("heatmap-canvas");
        holder.setMinSize(80, 80);
        holder.widthProperty().addListener((o, a, b) -> resize());
        holder.heightProperty().addListener((o, a, b) -> resize());
        Label summary = new Label();
        summary.setId("heatmap-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        CheckBox fold = new CheckBox("fold k×k kernels");
        fold.setId("heatmap-fold");
        fold.selectedProperty().bindBidirectional(vm.foldedProperty());
        Button fit = new Button("Fit");
        fit.setOnAction(e -> {
            cellSize = Double.NaN;
            paint();
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        zoomHint.getStyleClass().add("hint");
        HBox tools = new HBox(8, fold, fit, busy, zoomHint);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(3, summary, tools);
        top.setPadding(new Insets(4, 6, 4, 6));
        setTop(top);
        setCenter(holder);
        setBottom(legend());
        vm.dataProperty().addListener((o, a, b) -> {
            if (a == null || b == null || a.rows() != b.rows() || a.cols() != b.cols()) {
                cellSize = Double.NaN;
            }
            paint();
        });
        dark.addListener((o, a, b) -> {
            renderer = null;
            paint();
        });
        canvas.setOnScroll(e -> {
            HeatmapData d = shown();
            if (d == null) {
                return;
            }
            double current = effectiveCell(d);
            double factor = e.getDeltaY() > 0 ? 1.25 : 0.8;
            double next = Math.max(0.05, Math.min(64, current * factor));
            // Keep the cell under the mouse where it is.
            double cx = originX + e.getX() / current;
            double cy = originY + e.getY() / current;
            cellSize = next;
            originX = cx - e.getX() / next;
            originY = cy - e.getY() / next;
            paint();
        });
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.setOnMouseDragged(e -> {
            HeatmapData d = shown();
            if (d == null) {
                return;
            }
            double c = effectiveCell(d);
            cellSize = c;
            originX -= (e.getX() - dragX) / c;
            originY -= (e.getY() - dragY) / c;
            dragX = e.getX();
            dragY = e.getY();
            paint();
        });
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Nanoseconds of the last repaint (benchmark). */
    public long lastRenderNanos() {
        return lastRenderNanos;
    }

    /** Pixel colour at a canvas point of the current image (tests). */
    public int pixelAt(int x, int y) {
        int w = (int) canvas.getWidth();
        return pixels.length == 0 ? 0 : pixels[y * w + x];
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Zooms so one weight takes {@code pixels} pixels, from the top-left corner. */
    public void zoomTo(double pixelsPerCell) {
        cellSize = pixelsPerCell;
        originX = 0;
        originY = 0;
        paint();
    }

    private void resize() {
        canvas.setWidth(Math.floor(holder.getWidth()));
        canvas.setHeight(Math.floor(holder.getHeight()));
        paint();
    }

    private double effectiveCell(HeatmapData d) {
        if (Double.isNaN(cellSize)) {
            double fit = Math.min(canvas.getWidth() / d.cols(), canvas.getHeight() / d.rows());
            originX = 0;
            originY = 0;
            return Math.min(MAX_FIT_CELL, fit);
        }
        return cellSize;
    }

    /** The layer as drawn: in bands when fitting a tall, narrow layer into a wide viewport. */
    private HeatmapData shown() {
        HeatmapData d = vm.getData();
        if (d == null) {
            banded = null;
            bandSource = null;
            return null;
        }
        if (Double.isNaN(cellSize) && canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            bands = HeatmapData.bestBands(d.rows(), d.cols(), canvas.getWidth(), canvas.getHeight(), MAX_FIT_CELL);
        }
        if (bandSource != d || bandsOf(banded) != bands) {
            banded = d.inBands(bands);
            bandSource = d;
        }
        return banded;
    }

    /** The bands a drawn grid has. */
    public int bands() {
        return banded == null ? 0 : bandsOf(banded);
    }

    private static int bandsOf(HeatmapData d) {
        return d == null ? 0 : d.bandWidth() == 0 ? 1 : (d.cols() + 1) / (d.bandWidth() + 1);
    }

    /** Redraws the visible part (FX thread). */
    public void paint() {
        long t0 = System.nanoTime();
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        Palette palette = new Palette(dark.get());
        gc.setFill(palette.background());
        gc.fillRect(0, 0, w, h);
        HeatmapData d = shown();
        if (d == null || w < 1 || h < 1) {
            zoomHint.setText("");
            return;
        }
        if (renderer == null) {
            renderer = new HeatmapRenderer(argb(palette.background()), dark.get());
        }
        double cell = effectiveCell(d);
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            pixels = new int[w * h];
        }
        renderer.render(d, cell, originX, originY, w, h, pixels);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        gc.drawImage(image, 0, 0);
        if (d.bandWidth() > 0) {
            // A band boundary is an empty column; a solid rule keeps it from reading as a pruned input channel.
            gc.setStroke(palette.text().deriveColor(0, 1, 1, 0.5));
            gc.setLineWidth(Math.max(1, cell / 4));
            for (int c = d.bandWidth(); c < d.cols(); c += d.bandWidth() + 1) {
                double x = (c + 0.5 - originX) * cell;
                gc.strokeLine(x, Math.max(0, -originY * cell), x, Math.min(h, (d.rows() - originY) * cell));
            }
        }
        boolean markers = cell >= MARKER_MIN_CELL;
        if (markers && d.diffAvailable()) {
            drawMarkers(gc, d, cell, w, h, palette);
        }
        if (cell >= 3) {
            // Thin separators between input channels make kernels readable when zoomed in.
            int k2 = d.folded() || d.shape().length < 4 ? 1 : (int) (d.shape()[2] * d.shape()[3]);
            if (k2 > 1) {
                gc.setStroke(palette.muted().deriveColor(0, 1, 1, 0.35));
                gc.setLineWidth(1);
                int width = d.bandWidth() > 0 ? d.bandWidth() : d.cols();
                for (int base = 0; base < d.cols(); base += width + 1) {
                    for (int c = base + k2; c < base + width; c += k2) {
                        double x = (c - originX) * cell;
                        if (x >= 0 && x <= w) {
                            gc.strokeLine(x + 0.5, 0, x + 0.5, Math.min(h, (d.rows() - originY) * cell));
                        }
                    }
                }
            }
        }
        zoomHint.setText(String.format(java.util.Locale.ROOT, "%s%s px per %s · wheel: zoom · drag: pan%s",
                d.bandWidth() > 0 ? String.format(java.util.Locale.ROOT, "rows in %d bands, left to right · ",
                        bandsOf(d)) : "",
                cell >= 1 ? String.format(java.util.Locale.ROOT, "%.0f", cell)
                        : String.format(java.util.Locale.ROOT, "1/%.0f", 1 / cell),
                d.folded() ? "kernel" : "weight",
                !markers && d.diffAvailable() && d.reactivated() + d.newlyPruned() > 0
                        ? " · zoom in to see ○/× change markers" : ""));
        lastRenderNanos = System.nanoTime() - t0;
    }

    private void drawMarkers(GraphicsContext gc, HeatmapData d, double cell, int w, int h, Palette palette) {
        int c0 = Math.max(0, (int) Math.floor(originX));
        int r0 = Math.max(0, (int) Math.floor(originY));
        int c1 = Math.min(d.cols(), (int) Math.ceil(originX + w / cell));
        int r1 = Math.min(d.rows(), (int) Math.ceil(originY + h / cell));
        Color ink = palette.text();
        gc.setLineWidth(Math.max(1, cell / 10));
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                byte s = d.state(r, c);
                if (s != HeatmapData.REACTIVATED && s != HeatmapData.NEWLY_PRUNED) {
                    continue;
                }
                double x = (c - originX) * cell;
                double y = (r - originY) * cell;
                double inset = Math.max(1, cell * 0.18);
                gc.setStroke(ink);
                gc.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
                if (s == HeatmapData.REACTIVATED) {
                    gc.strokeOval(x + inset, y + inset, cell - 2 * inset, cell - 2 * inset);
                } else {
                    gc.strokeLine(x + inset, y + inset, x + cell - inset, y + cell - inset);
                    gc.strokeLine(x + cell - inset, y + inset, x + inset, y + cell - inset);
                }
            }
        }
    }

    private Node legend() {
        HeatmapRenderer light = new HeatmapRenderer(0xFFFFFFFF, false);
        HBox scale = new HBox();
        for (int i = 0; i <= 20; i++) {
            int argb = light.colour((i - 10) / 10f);
            scale.getChildren().add(new Rectangle(6, 10, Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF)));
        }
        Label neg = new Label("−w");
        Label pos = new Label("+w (kept)");
        Rectangle empty = new Rectangle(10, 10, Color.TRANSPARENT);
        empty.setStroke(Color.GRAY);
        Circle re = new Circle(5, Color.TRANSPARENT);
        re.setStroke(Color.GRAY);
        Line x1 = new Line(0, 0, 9, 9);
        x1.setStroke(Color.GRAY);
        Label pruned = new Label("pruned (empty)", empty);
        Label reactivated = new Label("turned on since the previous snapshot (back by re-ranking / reset by a shrink)",
                re);
        Label newly = new Label("turned off since the previous snapshot (newly pruned / pruned again)", x1);
        for (Label l : new Label[] {neg, pos, pruned, reactivated, newly}) {
            l.setFont(Font.font(10.5));
        }
        HBox ramp = new HBox(4, neg, scale, pos);
        ramp.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(10, 2, ramp, pruned, reactivated, newly);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(3, 6, 3, 6));
        box.getStyleClass().add("legend");
        return box;
    }

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
