package org.supertickets.ui.controls;

import javafx.scene.control.Slider;
import org.supertickets.ui.session.TimelineViewModel;

/**
 * A slider over the snapshots of the one time cursor: it moves when the cursor moves (a live run, the graph's own
 * slider, a replay), and moving it scrubs the cursor for every view; the end means "follow the run" again.
 */
public final class TimelineSlider extends Slider {

    private boolean updating;

    public TimelineSlider(TimelineViewModel timeline) {
        super(0, 0, 0);
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
        sync(timeline);
    }

    private void sync(TimelineViewModel timeline) {
        updating = true;
        setMax(Math.max(0, timeline.countProperty().get() - 1));
        setValue(Math.max(0, timeline.getIndex()));
        setDisable(timeline.countProperty().get() < 2);
        updating = false;
    }
}
