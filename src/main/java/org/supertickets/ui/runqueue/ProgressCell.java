package org.supertickets.ui.runqueue;

import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;

/** A table cell that shows a 0..1 number as a progress bar as wide as its column. */
final class ProgressCell<S> extends TableCell<S, Number> {

    private final ProgressBar bar = new ProgressBar();

    @Override
    protected void updateItem(Number item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
        } else {
            bar.setProgress(item.doubleValue());
            bar.setMaxWidth(Double.MAX_VALUE);
            setGraphic(bar);
        }
    }
}
