package org.supertickets.ui.graph;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

/**
 * A resizable canvas that paints a {@link GraphFrame}; hovering a node shows its numbers in a tooltip,
 * clicking picks it. Repaints only when the frame, the size, the theme or the hover changes.
 */
public final class GraphCanvas extends Pane {

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<GraphFrame> frame = new SimpleObjectProperty<>(this, "frame");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final ObjectProperty<String> selectedLayer = new SimpleObjectProperty<>(this, "selectedLayer");
    private final ObjectProperty<Set<String>> changedLayers = new SimpleObjectProperty<>(this, "changedLayers",
            Set.of());
    private final Tooltip tooltip = new Tooltip();
    /** Presenter mode's font factor for labels and the tooltip (1 = normal). */
    private final javafx.beans.property.DoubleProperty textScale =
            new javafx.beans.property.SimpleDoubleProperty(this, "textScale", 1);
    private GraphPainter.Transform transform;
    private int hovered = -1;
    private Function<GraphNode, String> describer = n -> "";
    private Consumer<GraphNode> onPick = n -> { };
    private Consumer<GraphNode> onOpen = n -> { };
    private long lastPaintNanos;
    /** True while the view follows the canvas size (Fit); a zoom or pan by the user turns it off. */
    private boolean fitted = true;
    private double pressX;
    private double pressY;
    private boolean dragged;

    public GraphCanvas() {
        getStyleClass().add("graph-canvas");
        getChildren().add(canvas);
        setMinSize(120, 120);
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setStyle(tooltipStyle(1));
        textScale.addListener((o, a, b) -> {
            tooltip.setStyle(tooltipStyle(b.doubleValue()));
            paint();
        });
        frame.addListener((o, a, b) -> {
            if (a == null || b == null || a.graph() != b.graph()) {
                fitted = true; // a new layout: show it whole
            }
            paint();
        });
        dark.addListener((o, a, b) -> paint());
        selectedLayer.addListener((o, a, b) -> paint());
        changedLayers.addListener((o, a, b) -> paint());
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        canvas.setOnMouseExited(e -> {
            hovered = -1;
            tooltip.hide();
            paint();
        });
        canvas.setOnMouseClicked(e -> {
            if (dragged) {
                return; // the end of a pan, not a pick
            }
            GraphNode n = nodeAt(e.getX(), e.getY());
            onPick.accept(n);
            if (e.getClickCount() == 2 && n != null) {
                onOpen.accept(n);
            }
        });
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            dragged = false;
            requestFocus();
        });
        canvas.setOnMouseDragged(e -> {
            if (!dragged && Math.hypot(e.getX() - pressX, e.getY() - pressY) < DRAG_SLOP) {
                return;
            }
            dragged = true;
            panBy(e.getX() - pressX, e.getY() - pressY);
            pressX = e.getX();
            pressY = e.getY();
        });
        // Wheel and ctrl+wheel both zoom around the cursor; the graph never scrolls out of reach, Fit brings it back.
        canvas.setOnScroll(e -> {
            // One step per event: wheels report 40 per notch on some platforms and 1 on others.
            if (e.getDeltaY() != 0) {
                zoomBy(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.getX(), e.getY());
            }
            e.consume();
        });
        setFocusTraversable(true);
        setOnKeyPressed(e -> {
            double cx = canvas.getWidth() / 2;
            double cy = canvas.getHeight() / 2;
            switch (e.getCode()) {
                case DIGIT0, NUMPAD0, F -> fitToView();
                case PLUS, ADD, EQUALS -> zoomBy(ZOOM_STEP, cx, cy);
                case MINUS, SUBTRACT -> zoomBy(1 / ZOOM_STEP, cx, cy);
                case LEFT -> panBy(PAN_STEP, 0);
                case RIGHT -> panBy(-PAN_STEP, 0);
                case UP -> panBy(0, PAN_STEP);
                case DOWN -> panBy(0, -PAN_STEP);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** Zoom factor of one wheel notch or one +/- key press. */
    public static final double ZOOM_STEP = 1.2;
    /** Pixels an arrow key pans. */
    public static final double PAN_STEP = 60;
    /** The closest and farthest zoom, in pixels per layout unit. */
    public static final double MIN_SCALE = 0.1;
    public static final double MAX_SCALE = 6;
    private static final double DRAG_SLOP = 4;
    /** Fit never magnifies a small graph beyond this. */
    private static final double FIT_MAX_SCALE = 1.6;

    /** Shows the whole graph, centred, and keeps doing so when the canvas is resized. */
    public void fitToView() {
        fitted = true;
        paint();
    }

    /** Whether the view follows the canvas size (no zoom or pan since the last fit). */
    public boolean isFitted() {
        return fitted;
    }

    /** Zooms by {@code factor} keeping the canvas point (px, py) over the same spot of the graph. */
    public void zoomBy(double factor, double px, double py) {
        if (transform == null) {
            return;
        }
        double scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, transform.scale() * factor));
        double k = scale / transform.scale();
        transform = new GraphPainter.Transform(scale, px - (px - transform.dx()) * k, py - (py - transform.dy()) * k);
        fitted = false;
        paint();
    }

    /** Puts a node in the middle of the canvas, magnified to at least the normal size (a found node). */
    public void centreOn(GraphNode node) {
        if (transform == null || node == null) {
            return;
        }
        double scale = Math.max(1, transform.scale());
        transform = new GraphPainter.Transform(scale, getWidth() / 2 - node.x() * scale,
                getHeight() / 2 - node.y() * scale);
        fitted = false;
        paint();
    }

    /** Moves the graph by (dx, dy) canvas pixels. */
    public void panBy(double dx, double dy) {
        if (transform == null) {
            return;
        }
        transform = new GraphPainter.Transform(transform.scale(), transform.dx() + dx, transform.dy() + dy);
        fitted = false;
        paint();
    }

    /** The current mapping from layout units to canvas pixels; null before a graph is shown. */
    public GraphPainter.Transform transform() {
        return transform;
    }

    /** Where the whole graph lies on the canvas (canvas pixels); null before a graph is shown. */
    public javafx.geometry.Bounds graphBounds() {
        GraphFrame f = frame.get();
        if (f == null || transform == null) {
            return null;
        }
        return new javafx.geometry.BoundingBox(transform.dx(), transform.dy(), f.graph().width() * transform.scale(),
                f.graph().height() * transform.scale());
    }

    public ObjectProperty<GraphFrame> frameProperty() {
        return frame;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Highlighted with a thick outline. */
    public ObjectProperty<String> selectedLayerProperty() {
        return selectedLayer;
    }

    /** Layers marked as changed (the ticket diff); empty by default. */
    public ObjectProperty<Set<String>> changedLayersProperty() {
        return changedLayers;
    }

    public void setDescriber(Function<GraphNode, String> describer) {
        this.describer = describer;
    }

    /** What a double-click on a node does (the Inside tab opens its block at channel level). */
    public void setOnOpen(Consumer<GraphNode> onOpen) {
        this.onOpen = java.util.Objects.requireNonNull(onOpen);
    }

    public void setOnPick(Consumer<GraphNode> onPick) {
        this.onPick = onPick;
    }

    /** Nanoseconds the last repaint took (the benchmark reads it). */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** The canvas point at the centre of a layer's node (tests click there). */
    public Point2D centreOf(String layer) {
        GraphFrame f = frame.get();
        if (f == null || transform == null) {
            return null;
        }
        GraphNode n = f.graph().nodeOfLayer(layer);
        return n == null ? null : new Point2D(n.x() * transform.scale() + transform.dx(),
                n.y() * transform.scale() + transform.dy());
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    /** Repaints now (FX thread). */
    public void paint() {
        long t0 = System.nanoTime();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        var gc = canvas.getGraphicsContext2D();
        Palette palette = new Palette(dark.get());
        GraphFrame f = frame.get();
        if (f == null || w < 2 || h < 2) {
            gc.setFill(palette.background());
            gc.fillRect(0, 0, w, h);
            transform = null;
            return;
        }
        if (fitted || transform == null) {
            transform = GraphPainter.fit(f.graph(), w, h, FIT_MAX_SCALE);
        }
        int selected = -1;
        if (selectedLayer.get() != null) {
            GraphNode n = f.graph().nodeOfLayer(selectedLayer.get());
            selected = n == null ? -1 : n.id();
        }
        Set<Integer> changed = new HashSet<>();
        for (String layer : changedLayers.get() == null ? Set.<String>of() : changedLayers.get()) {
            GraphNode n = f.graph().nodeOfLayer(layer);
            if (n != null) {
                changed.add(n.id());
            }
        }
        GraphPainter.paint(gc, f, transform, w, h, palette, selected, hovered, changed, textScale.get());
        lastPaintNanos = System.nanoTime() - t0;
    }

    /** The labels' and tooltip's text factor; presenter mode sets it. */
    public javafx.beans.property.DoubleProperty textScaleProperty() {
        return textScale;
    }

    /** The node tooltip's style at a text factor (11 px at 1). */
    static String tooltipStyle(double scale) {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 11 * scale);
    }

    public Tooltip tooltip() {
        return tooltip;
    }

    private GraphNode nodeAt(double px, double py) {
        GraphFrame f = frame.get();
        if (f == null || transform == null) {
            return null;
        }
        return f.graph().nodeAt(transform.toLayoutX(px), transform.toLayoutY(py));
    }

    private void hover(double x, double y, double screenX, double screenY) {
        GraphNode n = nodeAt(x, y);
        int id = n == null ? -1 : n.id();
        if (id != hovered) {
            hovered = id;
            paint();
            if (n == null) {
                tooltip.hide();
            } else {
                tooltip.setText(describer.apply(n));
                tooltip.show(canvas, screenX + 14, screenY + 14);
            }
        }
    }
}
