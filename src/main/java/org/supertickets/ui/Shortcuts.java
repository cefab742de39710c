package org.supertickets.ui;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.supertickets.ui.designer.DesignerViewModel;
import org.supertickets.ui.teaching.PresenterMode;
import org.supertickets.ui.teaching.StepModeViewModel;

/**
 * The keys that must win over text fields, filtered on the scene: undo and redo of config edits, and step mode's
 * next event from a presenter's clicker (Page Down) or, while presenting, → and N.
 */
final class Shortcuts {

    private Shortcuts() {
    }

    static void install(Scene scene, DesignerViewModel designer, StepModeViewModel stepMode, PresenterMode presenter) {
        // Ctrl+Z / Ctrl+Shift+Z undo config edits even while a spinner's text field has the focus.
        KeyCombination undo = KeyCombination.keyCombination("Shortcut+Z");
        KeyCombination redo = KeyCombination.keyCombination("Shortcut+Shift+Z");
        KeyCombination redoY = KeyCombination.keyCombination("Shortcut+Y");
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (redo.match(e) || redoY.match(e)) {
                designer.redo();
                e.consume();
            } else if (undo.match(e)) {
                designer.undo();
                e.consume();
            } else if (e.getCode() == KeyCode.PAGE_DOWN && stepMode.waitingProperty().get()) {
                stepMode.next(); // a presenter's clicker sends Page Down
                e.consume();
            } else if (presenter.onProperty().get() && stepMode.waitingProperty().get()
                    && (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.N)
                    && !(e.getTarget() instanceof TextInputControl)) {
                stepMode.next(); // presenting: → or N advance too
                e.consume();
            }
        });
    }
}
