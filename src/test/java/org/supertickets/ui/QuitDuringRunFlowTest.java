package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.supertickets.run.RunFolder;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ui.designer.ConfigPaths;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunStatus;

/**
 * Quitting while a run trains, with unsaved edits: cancelling keeps both the edits and the run; "Stop run and
 * quit" stops the run (its checkpoint written) and closes the window.
 */
@ExtendWith(ApplicationExtension.class)
class QuitDuringRunFlowTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    /** Long enough to be still training when the user quits; the test stops it after a few steps. */
    private static final SearchSpaceConfig LONG_RUN = ConfigPaths.with(TestEvents.QUICK_RUN, "training.epochs", 40);

    @TempDir
    static Path runs;
    private WorkbenchWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.open(stage, LONG_RUN, runs, "supertickets-ui-quit-test");
    }

    @Test
    void quittingStopsTheRunKeepsItsCheckpointAndDiscardsNothingBeforeTheChoice(FxRobot robot) throws Exception {
        WorkbenchViewModel vm = window.vm();
        robot.interact(() -> vm.designer().set("name", "edited"));
        robot.clickOn("#toolbar-run");
        RunEntry entry = vm.runs().getSelected();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> entry.getStatus() == RunStatus.RUNNING
                && entry.session().history().lastStep() > 0);

        // Ctrl+Q, "Don't save", then Cancel: nothing happened — the edits and the run are still there.
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        answer(robot, "Save the config before closing?", "Don't save");
        answer(robot, "Stop the run and quit?", "Cancel");
        assertTrue(stage.isShowing());
        assertEquals("edited", vm.designer().getConfig().name(), "the edits survive a cancelled close");
        assertTrue(vm.designer().isDirty());
        assertEquals(RunStatus.RUNNING, entry.getStatus());

        // The window's close button, "Don't save", "Stop run and quit": the run stops and the window goes.
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        answer(robot, "Save the config before closing?", "Don't save");
        answer(robot, "Stop the run and quit?", "Stop run and quit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertEquals(RunStatus.STOPPED, entry.getStatus(), entry.messageProperty().get());
        assertTrue(Files.isRegularFile(new RunFolder(entry.getFolder()).latestCheckpoint()),
                "the stopped run can be resumed");
        assertEquals("edited", vm.designer().getConfig().name(), "nothing was reloaded on the way out");
        assertEquals("", window.lastError());
    }

    /** Waits for the confirmation with this header and presses one of its buttons. */
    private static void answer(FxRobot robot, String header, String button) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> dialog(header) != null).get());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = WaitForAsyncUtils.asyncFx(() -> dialog(header)).get();
        robot.clickOn(pane.lookupButton(pane.getButtonTypes().stream()
                .filter(t -> t.getText().equals(button)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static DialogPane dialog(String header) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane
                    && header.equals(pane.getHeaderText())) {
                return pane;
            }
        }
        return null;
    }
}
