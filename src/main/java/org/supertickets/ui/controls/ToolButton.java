package org.supertickets.ui.controls;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** The toolbar button every view builds the same way: a label, an id for tests, a tooltip and an action. */
public final class ToolButton {

    private ToolButton() {
    }

    public static Button of(String text, String id, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
