package org.supertickets.ui;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
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

    /**
     * A passing notice in the corner of the window (ControlsFX): a run has ended. It also goes to the status line;
     * with dialogs off (tests) only there.
     */
    void notice(RunEndNotices.Notice notice) {
        status.set(notice.title());
        if (!dialogs || owner == null || !owner.isShowing()) {
            return;
        }
        Notifications popup = Notifications.create().owner(owner).title(notice.title()).text(notice.text())
                .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(notice.problem() ? 20 : 8));
        if (notice.problem()) {
            popup.showError();
        } else {
            popup.showInformation();
        }
    }

    @Override
    public void info(String message) {
        Platform.runLater(() -> status.set(message));
    }
}
