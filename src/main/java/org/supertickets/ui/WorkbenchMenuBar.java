package org.supertickets.ui;

import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.designer.DesignerViewModel;
import org.supertickets.ui.runqueue.RunsViewModel;
import org.supertickets.ui.session.TimelineViewModel;
import org.supertickets.ui.teaching.PresenterMode;
import org.supertickets.ui.teaching.StepModeViewModel;

/**
 * The window's menus — File, Edit, Run, View and Help — with their accelerators; what an item does is a
 * {@link WorkbenchCommands} command or a call on the view-model it concerns.
 */
final class WorkbenchMenuBar {

    private WorkbenchMenuBar() {
    }

    /**
     * @param quit          closes the window through the close flow
     * @param openDocument  hands a document's address to the desktop (Help)
     * @param owner         the window the About box belongs to
     * @param runner        reads the guide Help shows in the workbench
     */
    static MenuBar create(WorkbenchCommands commands, WorkbenchViewModel vm, RecentFiles recent, FxNotifier notifier,
            Runnable quit, BooleanProperty dark, PresenterMode presenter, Consumer<URI> openDocument,
            Supplier<Window> owner, TaskRunner runner) {
        return new MenuBar(file(commands, recent, notifier, quit), edit(vm.designer()),
                run(commands, vm.runs(), vm.stepMode()), view(commands, vm.timeline(), dark, presenter),
                HelpMenu.create(openDocument, notifier, owner, runner));
    }

    private static Menu file(WorkbenchCommands commands, RecentFiles recent, FxNotifier notifier, Runnable quit) {
        MenuItem open = item("Open config…", "Shortcut+O", commands::openConfig);
        MenuItem save = item("Save config", "Shortcut+S", commands::save);
        MenuItem saveAs = item("Save config as…", "Shortcut+Shift+S", commands::saveAs);
        MenuItem openRun = item("Open run folder…", null, commands::openRunFolder);
        MenuItem openTicket = item("Open ticket…", null, commands::openTicket);
        MenuItem exit = item("Quit", "Shortcut+Q", quit);
        MenuItem demo = item("New demo", null, () -> commands.newDemo(false));
        demo.setId("menu-new-demo");
        MenuItem demoStepping = item("New demo in step mode", null, () -> commands.newDemo(true));
        Menu file = new Menu("File");
        file.getItems().addAll(demo, demoStepping, new SeparatorMenuItem(), open, save, saveAs,
                new SeparatorMenuItem(), openRun, openTicket,
                RecentFilesMenu.create(file, recent, commands::openRecent, gone -> notifier.error("Cannot open "
                        + gone.path().getFileName(), gone.path() + " no longer exists; it was taken off the list.")),
                new SeparatorMenuItem(), exit);
        return file;
    }

    private static Menu edit(DesignerViewModel designer) {
        MenuItem undo = item("Undo", null, designer::undo);
        undo.textProperty().bind(designer.undoTextProperty());
        undo.disableProperty().bind(designer.canUndoProperty().not());
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        MenuItem redo = item("Redo", null, designer::redo);
        redo.textProperty().bind(designer.redoTextProperty());
        redo.disableProperty().bind(designer.canRedoProperty().not());
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+Z"));
        return new Menu("Edit", null, undo, redo);
    }

    private static Menu run(WorkbenchCommands commands, RunsViewModel runs, StepModeViewModel stepMode) {
        MenuItem run = item("Run current config", "Shortcut+R", commands::runCurrentConfig);
        MenuItem stop = item("Stop selected run", "Shortcut+Period", commands::stopSelected);
        MenuItem pause = item("Pause selected run", null, () -> runs.pause(runs.getSelected()));
        MenuItem resume = item("Resume selected run", null, () -> runs.resume(runs.getSelected()));
        MenuItem fromCheckpoint = item("Resume selected run from checkpoint", null,
                () -> runs.resumeFromCheckpoint(runs.getSelected()));
        MenuItem imp = item("Run IMP baseline (search → train → prune → retrain)…", null, commands::runImpBaseline);
        MenuItem sweep = item("Submit sweep…", null, commands::submitSweep);
        sweep.setId("menu-submit-sweep");
        MenuItem nextEvent = item("Next event (step mode)", "F8", stepMode::next);
        nextEvent.disableProperty().bind(stepMode.waitingProperty().not());
        return new Menu("Run", null, run, imp, sweep, new SeparatorMenuItem(), stop, pause, resume,
                fromCheckpoint, new SeparatorMenuItem(), nextEvent);
    }

    private static Menu view(WorkbenchCommands commands, TimelineViewModel timeline, BooleanProperty dark,
            PresenterMode presenter) {
        CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");
        darkTheme.selectedProperty().bindBidirectional(dark);
        MenuItem replay = item("Replay snapshots (play/pause)", "Shortcut+P", timeline::togglePlay);
        // End, as in a media player: the one way back to the run from anywhere once the cursor was scrubbed.
        MenuItem live = item("Live (follow the run)", "End", timeline::goLive);
        live.setId("menu-live");
        live.disableProperty().bind(timeline.scrubbedProperty().not());
        CheckMenuItem presenting = new CheckMenuItem("Presenter mode");
        presenting.setId("menu-presenter");
        presenting.setAccelerator(KeyCombination.keyCombination("F11"));
        presenting.selectedProperty().bindBidirectional(presenter.onProperty());
        Menu scale = new Menu("Presenter scale");
        ToggleGroup scales = new ToggleGroup();
        for (double factor : PresenterMode.SCALES) {
            RadioMenuItem choice = new RadioMenuItem(PresenterMode.label(factor));
            choice.setToggleGroup(scales);
            choice.setSelected(factor == presenter.scaleProperty().get());
            choice.setOnAction(e -> presenter.scaleProperty().set(factor));
            scale.getItems().add(choice);
        }
        MenuItem sequence = item("Export graph evolution as PNG sequence…", null, commands::exportGraphSequence);
        return new Menu("View", null, darkTheme, replay, live, new SeparatorMenuItem(), presenting, scale,
                new SeparatorMenuItem(), sequence);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
