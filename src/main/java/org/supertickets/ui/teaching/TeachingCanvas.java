package org.supertickets.ui.teaching;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.supertickets.ui.graph.Palette;

/**
 * A resizable canvas for the teaching views: repaints on size, theme and scale; text and strokes grow with
 * {@link #scaleProperty()} (presenter mode), and {@link #highContrastProperty()} swaps to black and white with
 * the Okabe-Ito colours at full strength.
 */
abstract class TeachingCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast");
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);

    TeachingCanvas() {
        getChildren().add(canvas);
        setMinSize(100, 80);
        dark.addListener((o, a, b) -> repaint());
        highContrast.addListener((o, a, b) -> repaint());
        scale.addListener((o, a, b) -> repaint());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
    }

    /** Paints everything again (call when the data changed). */
    final void repaint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 2 || h < 2) {
            return;
        }
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(background());
        gc.fillRect(0, 0, w, h);
        paint(gc, w, h, scale.get());
    }

    abstract void paint(GraphicsContext gc, double width, double height, double scale);

    Canvas canvas() {
        return canvas;
    }

    Color background() {
        if (highContrast.get()) {
            return dark.get() ? Color.BLACK : Color.WHITE;
        }
        return new Palette(dark.get()).background();
    }

    Color text() {
        if (highContrast.get()) {
            return dark.get() ? Color.WHITE : Color.BLACK;
        }
        return new Palette(dark.get()).text();
    }

    Color muted() {
        return highContrast.get() ? text() : new Palette(dark.get()).muted();
    }

    Font font(double px) {
        return Font.font("System", px * scale.get());
    }

    Font bold(double px) {
        return Font.font("System", FontWeight.BOLD, px * scale.get());
    }
}
