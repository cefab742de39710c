package org.supertickets.ui;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.TrainingThreadPriority;
import org.supertickets.ui.runqueue.RunLauncher;
import org.supertickets.ui.task.TaskRunner;

/**
 * A workbench window on a stage: the app opens one, and so do the UI tests, the screenshot tour and the
 * benchmark (with their own runs folder, preferences node and launcher).
 */
public final class WorkbenchWindow {

    private final Stage stage;
    private final WorkbenchViewModel vm;
    private final WorkbenchView view;
    private final TaskRunner runner;
    private final FxNotifier notifier;

    private WorkbenchWindow(Stage stage, WorkbenchViewModel vm, WorkbenchView view, TaskRunner runner,
            FxNotifier notifier) {
        this.stage = stage;
        this.vm = vm;
        this.view = view;
        this.runner = runner;
        this.notifier = notifier;
    }

    /**
     * Builds the window on the FX thread and shows it.
     *
     * @param dialogs false in tests: errors only go to {@link #lastError()}
     */
    public static WorkbenchWindow open(Stage stage, SearchSpaceConfig initial, Path initialFile, Path runsDir,
            RunLauncher launcher, Preferences prefs, boolean dialogs) {
        // Training in this process must leave the window a core when it needs one (issue 16: stalls <= 50 ms).
        TrainingThreadPriority.useBackgroundPriority(true);
        FxNotifier notifier = new FxNotifier();
        notifier.setDialogs(dialogs);
        TaskRunner runner = TaskRunner.create(Platform::runLater);
        WindowState state = new WindowState(prefs);
        WorkbenchViewModel vm = new WorkbenchViewModel(runner, notifier, launcher, runsDir, initial, initialFile,
                System::nanoTime);
        WorkbenchView view = new WorkbenchView(vm, runner, notifier, state);
        Scene scene = new Scene(view, 1500, 950);
        view.install(scene);
        notifier.setOwner(stage);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.designer().titleProperty().concat(" — SuperTickets Workbench"));
        state.restore(stage);
        WorkbenchWindow window = new WorkbenchWindow(stage, vm, view, runner, notifier);
        stage.setOnCloseRequest(e -> {
            e.consume();
            view.requestClose(stage, () -> {
                stage.close();
                window.dispose();
            });
        });
        stage.show();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    public WorkbenchViewModel vm() {
        return vm;
    }

    public WorkbenchView view() {
        return view;
    }

    public TaskRunner runner() {
        return runner;
    }

    /** The last error shown to the user ("title: message"), empty when none. */
    public String lastError() {
        return notifier.lastErrorProperty().get();
    }

    public void error(String title, String message) {
        notifier.error(title, message);
    }

    /** Stops the background threads (the window is gone). */
    public void dispose() {
        vm.runs().close();
        runner.shutdown();
    }
}
