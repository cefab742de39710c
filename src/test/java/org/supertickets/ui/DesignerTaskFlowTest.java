package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.space.ConfigDefaults;
import org.supertickets.space.Task;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The designer's task choice, as a user picks it: the dataset list follows the task, a dataset that does not fit
 * is replaced with a sentence saying why, and one undo puts both back.
 */
@ExtendWith(ApplicationExtension.class)
class DesignerTaskFlowTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path runs;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.QUICK_RUN, runs, "supertickets-ui-task-test");
    }

    @Test
    void pickingSegmentationOffersCanvasDatasetsAndSaysWhyTheDatasetChanged(FxRobot robot) {
        robot.interact(() -> window.view().tabs().getSelectionModel().select(0));
        ChoiceBox<?> task = choice(robot, "task");
        ChoiceBox<?> dataset = choice(robot, "data.dataset");
        assertEquals(ConfigDefaults.CLASSIFICATION_DATASETS, dataset.getItems());

        @SuppressWarnings("unchecked")
        ChoiceBox<Task> tasks = (ChoiceBox<Task>) task;
        robot.interact(() -> tasks.setValue(Task.SEGMENTATION));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(ConfigDefaults.SEGMENTATION_DATASETS, dataset.getItems());
        assertEquals("fashion-mnist-canvas", dataset.getValue());
        Label note = robot.lookup("#task-note").queryAs(Label.class);
        assertTrue(note.isVisible() && note.getText().contains("has one label per image"), note.getText());
        assertTrue(robot.lookup("#preview-numbers").queryAs(Label.class).getText().contains("output N×11×64×64"));

        robot.interact(() -> window.vm().designer().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Task.CLASSIFICATION, task.getValue());
        assertEquals(ConfigDefaults.CLASSIFICATION_DATASETS, dataset.getItems());
        assertEquals("fashion-mnist", dataset.getValue());
        assertFalse(note.isVisible(), "the sentence ends with the edit it explained");
        assertFalse(window.vm().designer().isDirty());
    }

    private static ChoiceBox<?> choice(FxRobot robot, String path) {
        return robot.lookup(n -> ("field-" + path).equals(n.getId())).queryAs(ChoiceBox.class);
    }
}
