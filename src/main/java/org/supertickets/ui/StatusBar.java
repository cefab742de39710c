package org.supertickets.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The status line at the bottom of the window. The latest word wins: an error, the designer's open/save, or the
 * window's own (an export, quitting).
 */
final class StatusBar extends HBox {

    private final Label line = new Label();

    /** @param sources whatever writes to the status line; each change is shown */
    @SafeVarargs
    StatusBar(String initial, ObservableValue<String>... sources) {
        line.setId("status-line");
        getChildren().add(line);
        setPadding(new Insets(3, 8, 3, 8));
        getStyleClass().add("status-bar");
        show(initial);
        for (ObservableValue<String> source : sources) {
            source.addListener((o, a, b) -> show(b));
        }
    }

    void show(String text) {
        line.setText(text == null ? "" : text);
    }
}
