package org.supertickets.ui;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.supertickets.ui.task.Notifier;

/**
 * Shows problems as dialogs with a readable message and its fix (never a stack trace), non-blocking, and
 * keeps the last one for the status bar.
 */
final class FxNotifier implements Notifier {

    private final ReadOnlyStringWrapper last = new ReadOnlyStringWrapper(this, "last", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Window owner;
    private boolean dialogs = true;

    void setOwner(Window owner) {
        this.owner = owner;
    }

    /** Tests turn dialogs off and read {@link #lastErrorProperty()}. */
    void setDialogs(boolean show) {
        this.dialogs = show;
    }

    ReadOnlyStringProperty lastErrorProperty() {
        return last.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void error(String title, String message) {
        Runnable show = () -> {
            last.set(title + ": " + message);
            status.set(title);
            if (!dialogs) {
                return;
            }
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.initOwner(owner);
            alert.setTitle(title);
            alert.setHeaderText(title);
            Label text = new Label(message);
            text.setWrapText(true);
            text.setMaxWidth(560);
            alert.getDialogPane().setContent(text);
            alert.show();
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    @Override
    public void info(String message) {
        Platform.runLater(() -> status.set(message));
    }
}
