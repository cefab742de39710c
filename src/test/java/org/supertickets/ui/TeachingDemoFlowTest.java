package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.supertickets.train.WhatIf;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunStatus;
import org.supertickets.ui.teaching.ExplanationPanel;
import org.supertickets.ui.teaching.TeachingViewModel;

/**
 * A lesson as a teacher clicks it: File ▸ New demo in step mode, the run pauses at an event, a double-click on a
 * block in the graph opens it at channel level, a branch is switched off (what-if) and undone, and Run on lets
 * the demo finish — untouched by the what-if.
 */
@ExtendWith(ApplicationExtension.class)
class TeachingDemoFlowTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path runs;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.QUICK_RUN, runs, "supertickets-ui-teaching-test");
    }

    @Test
    void demoPausesChannelViewOpensABranchGoesOffAndComesBackAndTheDemoFinishes(FxRobot robot) throws Exception {
        WorkbenchViewModel vm = window.vm();
        TeachingViewModel teaching = vm.teaching();
        robot.interact(() -> window.view().tabs().getSelectionModel().select(2)); // the panel sits under the Monitor
        ExplanationPanel panel = robot.lookup("#explanation-panel").queryAs(ExplanationPanel.class);
        assertTrue(panel.isCollapsed(), "step mode off: only the title line, the graph keeps its height");
        robot.clickOn("File").clickOn("New demo in step mode");
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> vm.stepMode().waitingProperty().get());
        assertFalse(panel.isCollapsed(), "a run waits at an event: the explanation shows");
        RunEntry entry = vm.runs().getSelected();
        assertEquals("demo", entry.config().name());
        assertEquals(RunStatus.PAUSED, entry.getStatus());
        assertTrue(robot.lookup("#explanation-text").queryAs(Label.class).getText().contains("channel")
                || robot.lookup("#explanation-text").queryAs(Label.class).getText().contains("threshold"));

        // Double-click block 1's 3×3 depthwise conv in the graph: the Inside tab opens on block 1. The double-click
        // is delivered as the one event JavaFX makes of it (click count 2 at the node's centre): Monocle's robot
        // sends two single clicks when the machine is busy.
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            var graphCanvas = window.view().graphView().canvas();
            Point2D local = graphCanvas.centreOf("blocks.1.dw.k3");
            Point2D scene = graphCanvas.canvas().localToScene(local); // a fired event's x, y are scene coordinates
            Point2D screen = graphCanvas.canvas().localToScreen(local);
            graphCanvas.canvas().fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, scene.getX(), scene.getY(),
                    screen.getX(), screen.getY(), MouseButton.PRIMARY, 2, false, false, false, false, false, false,
                    false, false, false, true, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WorkbenchView.INSIDE_TAB, window.view().tabs().getSelectionModel().getSelectedIndex());
        assertEquals(1, teaching.channels().blockProperty().get());

        // The paused run's copy is measured; switch the 7×7 branch off, then undo.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> teaching.whatIf().baselineProperty().get() != null
                && !teaching.whatIf().busyProperty().get());
        long macs = teaching.whatIf().baselineProperty().get().macs();
        robot.clickOn("#what-if-branch-7");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !teaching.whatIf().busyProperty().get()
                && teaching.whatIf().measuredProperty().get().macs() < macs);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#what-if-result").queryAs(Label.class).getText()
                .contains("Switched off: the 7×7 branch of block 1"));
        assertTrue(robot.lookup("#what-if-banner").queryAs(Label.class).getText()
                .contains("the run and its ticket are not changed"));
        assertEquals(RunStatus.PAUSED, entry.getStatus(), "the what-if does not resume or alter the run");

        robot.clickOn("#what-if-undo");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !teaching.whatIf().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WhatIf.NONE, teaching.whatIf().currentProperty().get());
        assertEquals(teaching.whatIf().baselineProperty().get(), teaching.whatIf().measuredProperty().get());

        // Back on the Monitor, Run on: the demo finishes, and its finished network can be tried again.
        robot.interact(() -> window.view().tabs().getSelectionModel().select(2));
        robot.clickOn("#step-run-on");
        WaitForAsyncUtils.waitFor(900, TimeUnit.SECONDS, () -> entry.getStatus().ended());
        assertEquals(RunStatus.COMPLETED, entry.getStatus(), entry.messageProperty().get());
        assertTrue(panel.isCollapsed(), "Run on turned step mode off");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> teaching.whatIf().inspectedProperty().get() != null
                && teaching.whatIf().inspectedProperty().get().finished());
        assertEquals("", window.lastError());
    }
}
