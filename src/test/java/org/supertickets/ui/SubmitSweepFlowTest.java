package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.ui.sweep.SubmitSweepViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Run ▸ Submit sweep…: the script of the designer's config is shown, and a wrong option blocks Submit. */
@ExtendWith(ApplicationExtension.class)
class SubmitSweepFlowTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path dir;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.QUICK_RUN, dir.resolve("runs"), "supertickets-ui-sweep-test");
    }

    @Test
    void theScriptIsShownBeforeSubmittingAndAWrongTimeLimitBlocksSubmit(FxRobot robot) throws Exception {
        robot.interact(() -> menuItem("menu-submit-sweep").fire());
        DialogPane dialog = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot()).findFirst().orElseThrow()).get();
        TextArea script = (TextArea) dialog.lookup("#sweep-script");
        Button submit = (Button) dialog.lookup("#sweep-submit");
        Label problems = (Label) dialog.lookup("#sweep-problems");

        // the default grid seed=1,2 of the designer's config, on Slurm (proposed only where sbatch is on the path)
        @SuppressWarnings("unchecked")
        ChoiceBox<SubmitSweepViewModel.Engine> engine = (ChoiceBox<SubmitSweepViewModel.Engine>) dialog.lookup(
                "#sweep-engine");
        robot.interact(() -> engine.setValue(SubmitSweepViewModel.Engine.SLURM));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> script.getText().contains("#SBATCH --array=0-1"));
        assertFalse(submit.isDisabled(), problems.getText());

        robot.interact(() -> ((TextField) dialog.lookup("#sweep-time")).setText("soon"));
        assertTrue(problems.isVisible() && problems.getText().contains("--time 'soon' is not a Slurm time limit. "
                + "Fix:"), problems.getText());
        assertTrue(submit.isDisabled());
        assertTrue(script.getText().isEmpty(), "no script while an option is wrong");

        robot.interact(() -> ((TextField) dialog.lookup("#sweep-time")).setText("00:05:00"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> script.getText().contains("#SBATCH --time=00:05:00"));
        assertFalse(submit.isDisabled());
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) window.view().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }
}
