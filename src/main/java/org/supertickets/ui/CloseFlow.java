package org.supertickets.ui;

import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.supertickets.ui.designer.ConfigFiles;
import org.supertickets.ui.designer.DesignerViewModel;
import org.supertickets.ui.runqueue.RunsViewModel;

/**
 * The close flow: unsaved config → Save/Don't save/Cancel; a run training → stop it (it keeps a checkpoint) and
 * quit when it has stopped, or cancel. Nothing is thrown away on the way: a "Don't save" followed by Cancel leaves
 * the edits in the designer.
 */
final class CloseFlow {

    private final DesignerViewModel designer;
    private final ConfigFiles configFiles;
    private final RunsViewModel runs;
    private final Consumer<String> status;
    /** Set once the user chose to stop the run and quit: the window closes when the run has stopped. */
    private boolean closing;

    /** @param status shows a line in the window's status bar */
    CloseFlow(DesignerViewModel designer, ConfigFiles configFiles, RunsViewModel runs, Consumer<String> status) {
        this.designer = designer;
        this.configFiles = configFiles;
        this.runs = runs;
        this.status = status;
    }

    /** Asks what the state calls for; {@code close} runs when the window may close. */
    void request(Stage stage, Runnable close) {
        if (closing) {
            return; // already stopping the run on the way out
        }
        if (designer.isDirty()) {
            ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
            ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The config " + designer.titleProperty().get()
                    .replace(" *", "") + " has unsaved changes.", save, discard, ButtonType.CANCEL);
            alert.initOwner(stage);
            alert.setHeaderText("Save the config before closing?");
            var answer = alert.showAndWait().orElse(ButtonType.CANCEL);
            if (answer == ButtonType.CANCEL) {
                return;
            }
            if (answer == save) {
                if (!designer.save(() -> request(stage, close))) {
                    // a cancelled chooser ends the close
                    configFiles.saveAs(stage, () -> request(stage, close));
                }
                return;
            }
        }
        if (runs.hasActiveRuns()) {
            ButtonType stop = new ButtonType("Stop run and quit", ButtonBar.ButtonData.YES);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "A run is training. Stopping writes a checkpoint "
                    + "first, so it can be resumed later (Runs → Resume from checkpoint).", stop, ButtonType.CANCEL);
            alert.initOwner(stage);
            alert.setHeaderText("Stop the run and quit?");
            if (alert.showAndWait().orElse(ButtonType.CANCEL) != stop) {
                return;
            }
            closing = true;
            status.accept("Stopping the run and writing its checkpoint…");
            runs.stopAll(close);
            return;
        }
        close.run();
    }
}
