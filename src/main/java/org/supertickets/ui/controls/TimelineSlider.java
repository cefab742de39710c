package org.supertickets.ui.controls;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Skin;
import javafx.scene.control.Slider;
import javafx.scene.control.skin.SliderSkin;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.supertickets.ui.session.TimelineViewModel;

/**
 * A slider over the snapshots of the one time cursor: it moves when the cursor moves (a live run, the graph's own
 * slider, a replay), and moving it scrubs the cursor for every view; the end means "follow the run" again. The
 * timeline's marks (the masks dense after a shrink) are shaded along its track, style class {@code timeline-mark}.
 */
public final class TimelineSlider extends Slider {

    private final TimelineViewModel timeline;
    private boolean updating;

    public TimelineSlider(TimelineViewModel timeline) {
        super(0, 0, 0);
        this.timeline = timeline;
        setMajorTickUnit(1);
        setMinorTickCount(0);
        setSnapToTicks(true);
        setBlockIncrement(1);
        timeline.countProperty().addListener((o, a, b) -> sync(timeline));
        timeline.indexProperty().addListener((o, a, b) -> sync(timeline));
        valueProperty().addListener((o, a, b) -> {
            int i = (int) Math.round(b.doubleValue());
            if (!updating && i != timeline.getIndex()) {
                timeline.select(i);
            }
        });
        timeline.marksProperty().addListener((o, a, b) -> requestLayout());
        sync(timeline);
    }

    /** The marks as drawn: one rectangle per mark, in the slider's coordinates (tests read them). */
    public List<Rectangle> markShapes() {
        return getSkin() instanceof MarkedSkin skin ? skin.shapes() : List.of();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new MarkedSkin(this);
    }

    private void sync(TimelineViewModel timeline) {
        updating = true;
        setMax(Math.max(0, timeline.countProperty().get() - 1));
        setValue(Math.max(0, timeline.getIndex()));
        setDisable(timeline.countProperty().get() < 2);
        updating = false;
    }

    /** The standard skin with the marks drawn behind the track, a little taller than it, so both stay visible. */
    private static final class MarkedSkin extends SliderSkin {

        private static final double OVERHANG = 4;
        /** The charts' shading of the same spans (Okabe-Ito orange), stronger on the thin track. */
        private static final Color FILL = Color.rgb(0xE6, 0x9F, 0x00, 0.6);
        private final TimelineSlider slider;
        private final Pane layer = new Pane();

        MarkedSkin(TimelineSlider slider) {
            super(slider);
            this.slider = slider;
            layer.setManaged(false);
            layer.setMouseTransparent(true);
        }

        List<Rectangle> shapes() {
            return layer.getChildren().stream().map(n -> (Rectangle) n).toList();
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            super.layoutChildren(x, y, w, h);
            if (!getChildren().contains(layer)) {
                getChildren().add(0, layer); // the skin rebuilds its children when tick marks are turned on or off
            }
            Node thumb = child("thumb");
            Node track = child("track");
            layer.getChildren().clear();
            List<TimelineViewModel.Mark> marks = slider.timeline.marksProperty().get();
            if (thumb == null || track == null || marks.isEmpty()) {
                return;
            }
            // As SliderSkin places the thumb: its centre travels from x + thumb/2 over w - thumb.
            double thumbWidth = thumb.prefWidth(-1);
            double start = x + thumbWidth / 2;
            double length = w - thumbWidth;
            double range = slider.getMax() - slider.getMin();
            double top = track.getLayoutY() + track.getLayoutBounds().getMinY() - OVERHANG;
            double height = track.getLayoutBounds().getHeight() + 2 * OVERHANG;
            for (TimelineViewModel.Mark m : marks) {
                double from = start + (range <= 0 ? 0 : (m.from() - slider.getMin()) / range * length);
                double to = m.toEnd() ? x + w : start + (range <= 0 ? 0 : (m.to() - slider.getMin()) / range * length);
                Rectangle r = new Rectangle(from, top, Math.max(3, to - from), height);
                r.setFill(FILL);
                r.getStyleClass().add("timeline-mark");
                r.setArcWidth(4);
                r.setArcHeight(4);
                layer.getChildren().add(r);
            }
        }

        private Node child(String styleClass) {
            return getChildren().stream().filter(n -> n.getStyleClass().contains(styleClass)).findFirst()
                    .orElse(null);
        }
    }
}
