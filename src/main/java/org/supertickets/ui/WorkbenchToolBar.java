package org.supertickets.ui;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.supertickets.ui.designer.DesignerViewModel;

/**
 * The toolbar: open and save the config, undo and redo its edits, run it and stop the selected run, the config's
 * title, and the light/dark switch. Presenter mode hides it (menus and keys remain).
 */
final class WorkbenchToolBar {

    private WorkbenchToolBar() {
    }

    static ToolBar create(WorkbenchCommands commands, WorkbenchViewModel vm, BooleanProperty dark) {
        DesignerViewModel designer = vm.designer();
        Button open = button("Open…", "Open a config (Ctrl+O)", commands::openConfig);
        Button save = button("Save", "Save the config (Ctrl+S)", commands::save);
        Button undo = button("↶ Undo", "Ctrl+Z", designer::undo);
        undo.disableProperty().bind(designer.canUndoProperty().not());
        Button redo = button("↷ Redo", "Ctrl+Shift+Z", designer::redo);
        redo.disableProperty().bind(designer.canRedoProperty().not());
        Button run = button("▶ Run", "Queue the config and watch it (Ctrl+R)", commands::runCurrentConfig);
        run.setId("toolbar-run");
        run.getStyleClass().add("accent");
        Button stop = button("■ Stop", "Stop the selected run; it keeps a checkpoint (Ctrl+.)", commands::stopSelected);
        stop.setId("toolbar-stop");
        stop.disableProperty().bind(vm.runs().anyActiveProperty().not());
        Label doc = new Label();
        doc.setId("document-title");
        doc.textProperty().bind(designer.titleProperty());
        doc.getStyleClass().add("document-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button theme = button("◐", "Light / dark theme", () -> dark.set(!dark.get()));
        return new ToolBar(open, save, undo, redo, new Separator(), run, stop, new Separator(), doc, gap, theme);
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
