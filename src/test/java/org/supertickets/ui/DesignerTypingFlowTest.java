package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Numbers typed into the designer's fields, with the keyboard: a value out of range stays on screen with its
 * error (no silent clamp), and one typed edit is one undo step.
 */
@ExtendWith(ApplicationExtension.class)
class DesignerTypingFlowTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path runs;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.QUICK_RUN, runs, "supertickets-ui-typing-test");
    }

    @Test
    void anOutOfRangeNumberStaysVisibleWithItsErrorAndUndoesInOneStep(FxRobot robot) {
        WorkbenchViewModel vm = window.vm();
        robot.interact(() -> window.view().tabs().getSelectionModel().select(0));
        double before = vm.designer().getConfig().data().validationFraction();
        Spinner<?> share = spinner(robot, "data.validationFraction");

        type(robot, share, "1.5");

        assertEquals("1.5", share.getEditor().getText(), "the typed value stays on screen");
        assertEquals(1.5, vm.designer().getConfig().data().validationFraction(), 1e-12);
        assertTrue(share.getStyleClass().contains("invalid"));
        assertTrue(robot.lookup(n -> n instanceof Label l && l.isVisible()
                && l.getText().startsWith("is 1.5, outside 0..0.5")).tryQuery().isPresent(), "the error names 1.5");

        robot.interact(() -> vm.designer().undo());
        assertEquals(before, vm.designer().getConfig().data().validationFraction(), 1e-12, "one edit, one undo");
        assertEquals(String.valueOf(before), share.getEditor().getText());
        assertFalse(share.getStyleClass().contains("invalid"));
        assertFalse(vm.designer().isDirty(), "nothing left to undo from that edit");

        // An integer field too: 0 epochs is shown as typed and flagged, not turned into 1.
        Spinner<?> epochs = spinner(robot, "training.epochs");
        type(robot, epochs, "0");
        assertEquals("0", epochs.getEditor().getText());
        assertEquals(0, vm.designer().getConfig().training().epochs());
        assertTrue(epochs.getStyleClass().contains("invalid"));
        // The arrows still step within the field's range.
        robot.interact(() -> epochs.increment(1));
        assertEquals(1, vm.designer().getConfig().training().epochs());
    }

    /** A narrow window once squeezed the stage rows' spinners until "16" read "1(" and the others were blank. */
    @Test
    void aNarrowWindowKeepsTheStageRowsNumbersWhole(FxRobot robot) {
        robot.interact(() -> window.view().tabs().getSelectionModel().select(0));
        robot.interact(() -> window.stage().setWidth(900));
        WaitForAsyncUtils.waitForFxEvents();
        for (String field : List.of("channels", "repeats", "expansionRatio")) {
            Spinner<?> spinner = spinner(robot, "stages[0]." + field);
            assertTrue(spinner.getWidth() >= spinner.prefWidth(-1) - 0.5,
                    field + " is " + spinner.getWidth() + " px wide, its numbers need " + spinner.prefWidth(-1));
        }
    }

    private static Spinner<?> spinner(FxRobot robot, String path) {
        return robot.lookup(n -> ("field-" + path).equals(n.getId())).queryAs(Spinner.class);
    }

    /** Selects the field's text, types the value and presses Enter, as a user does. */
    private static void type(FxRobot robot, Spinner<?> spinner, String text) {
        robot.interact(() -> spinner.getEditor().requestFocus());
        robot.interact(() -> spinner.getEditor().selectAll());
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
