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
    private GraphPainter.Transform transform;
    private int hovered = -1;
    private Function<GraphNode, String> describer = n -> "";
    private Consumer<GraphNode> onPick = n -> { };
    private long lastPaintNanos;
    private double minScale;

    public GraphCanvas() {
        getStyleClass().add("graph-canvas");
        getChildren().add(canvas);
        setMinSize(120, 120);
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setStyle("-fx-font-size: 11px;");
        frame.addListener((o, a, b) -> {
            if (a == null || b == null || a.graph() != b.graph()) {
                requestLayout(); // the graph's height (hence the scroll range) may change
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
            GraphNode n = nodeAt(e.getX(), e.getY());
            onPick.accept(n);
        });
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

    /**
     * The smallest scale used before the canvas asks for more height (inside a scroll pane), so labels stay
     * readable on big supernets; 0 = always fit.
     */
    public void setMinScale(double scale) {
        this.minScale = scale;
        requestLayout();
    }

    /**
     * The height this canvas needs in a viewport of the given size: the viewport's, or more when fitting the
     * graph would shrink it below the minimum scale (the scroll pane then scrolls).
     */
    public double neededHeight(double viewportWidth, double viewportHeight) {
        GraphFrame f = frame.get();
        if (f == null || minScale <= 0 || viewportWidth <= 0) {
            return viewportHeight;
        }
        double scale = Math.min(viewportWidth / f.graph().width(), minScale);
        return Math.max(viewportHeight, Math.ceil(f.graph().height() * scale));
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
        transform = GraphPainter.fit(f.graph(), w, h, 1.6);
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
        GraphPainter.paint(gc, f, transform, w, h, palette, selected, hovered, changed);
        lastPaintNanos = System.nanoTime() - t0;
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
