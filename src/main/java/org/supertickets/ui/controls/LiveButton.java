package org.supertickets.ui.controls;

import javafx.scene.control.Button;
import org.supertickets.ui.session.TimelineViewModel;

/**
 * <em>Live</em>: takes the time cursor back to following the run. It shows only while the cursor is scrubbed back or
 * replaying (its place stays reserved, so the time bar does not jump when it appears); the End key does the same
 * from anywhere in the window.
 */
public final class LiveButton {

    public static final String TEXT = "Live ▶▶|";

    private LiveButton() {
    }

    /** @param id the button's id (each time bar has its own) */
    public static Button of(TimelineViewModel timeline, String id) {
        Button live = ToolButton.of(TEXT, id, "Back to the run: follow its newest snapshot (End)", timeline::goLive);
        live.getStyleClass().add("accent");
        live.visibleProperty().bind(timeline.scrubbedProperty());
        live.disableProperty().bind(timeline.scrubbedProperty().not());
        return live;
    }
}
