package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.supertickets.run.EventJson;
import org.supertickets.run.RunFolder;
import org.supertickets.space.ConfigIo;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunFinished;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.session.TimelineViewModel;

/**
 * Issue 30, item 5, as a user does it: a finished run with two pruning events is opened, the graph's time slider is
 * dragged back to the first event — "What just happened" explains that event, not the later one, and Live appears —
 * then End takes the cursor back to the run (Live goes), and so does the Live button after scrubbing again.
 */
@ExtendWith(ApplicationExtension.class)
class LiveCursorFlowTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32"); // the window (1500×940) fits Monocle's screen
    }

    @TempDir
    static Path runs;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.CONFIG, runs, "supertickets-ui-live-cursor-test");
    }

    @Test
    void scrubbedBackThePanelExplainsTheEventAtTheCursorAndLiveOrEndReturnToTheRun(FxRobot robot) throws Exception {
        Path folder = writeRun(runs.resolve("two-prunes"));
        WorkbenchViewModel vm = window.vm();
        TimelineViewModel timeline = vm.timeline();
        robot.interact(() -> {
            window.view().tabs().getSelectionModel().select(2); // the Monitor: graph, time bar and the panel
            vm.runs().openFolder(folder);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            robot.interact(vm::pump);
            return timeline.countProperty().get() == 3;
        });
        Button live = robot.lookup("#go-live").queryButton();
        assertEquals(2, timeline.getIndex(), "an opened run shows its newest snapshot");
        assertFalse(live.isVisible(), "following the run: nothing to go back to");

        robot.interact(() -> robot.lookup("#time-slider").queryAs(Slider.class).setValue(1)); // step 100
        assertTrue(timeline.isScrubbed());
        assertTrue(live.isVisible() && !live.isDisabled(), "scrubbed: Live shows");
        String title = robot.lookup("#explanation-title").queryAs(Label.class).getText();
        assertTrue(title.startsWith("At the time cursor · Pruning event 1 "), title);
        assertTrue(robot.lookup("#explanation-title").queryAs(Label.class).getTooltip().getText()
                .contains("|w| <"), "its text, in the collapsed panel's tooltip");

        robot.interact(() -> timeline.select(0)); // the start: before any event
        title = robot.lookup("#explanation-title").queryAs(Label.class).getText();
        assertEquals("Nothing had happened yet at the time cursor", title);

        robot.clickOn("#time-caption").type(KeyCode.END); // focus stays on a toolbar button: End works anywhere
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, timeline.getIndex(), "End: back at the newest snapshot");
        assertFalse(timeline.isScrubbed());
        assertFalse(live.isVisible());
        assertFalse(robot.lookup("#explanation-title").queryAs(Label.class).getText().startsWith("At the time"),
                "the panel left the cursor's event");

        robot.clickOn("#step-back");
        assertTrue(live.isVisible());
        robot.clickOn("#go-live");
        assertEquals(2, timeline.getIndex(), "the Live button does the same");
        assertTrue(timeline.followingProperty().get());
        assertFalse(live.isVisible());
    }

    /** A finished run's folder: start, a pruning event at step 100 and one at 200, a snapshot after each. */
    private static Path writeRun(Path dir) throws Exception {
        RunFolder folder = new RunFolder(dir);
        Files.createDirectories(dir.resolve(RunFolder.CHECKPOINTS));
        ConfigIo.write(folder.config(), TestEvents.CONFIG);
        List<TrainingEvent> metrics = List.of(TestEvents.started(),
                new PruneEvent(100, 1, 1, 0.3, 0.3, 0.01, 120, 0, false, List.of()),
                new PruneEvent(200, 2, 2, 0.5, 0.5, 0.02, 80, 7, false, List.of()),
                new RunFinished(200, 2, RunFinished.Outcome.COMPLETED, "done", 0.8, 0.5, 0.8, 0.5, 1, 1, 1, 10, 1));
        List<ConnectivitySnapshot> snapshots = List.of(TestEvents.start(), TestEvents.pruned(100, 1, 3, 0),
                TestEvents.pruned(200, 2, 2, 1));
        StringBuilder lines = new StringBuilder();
        metrics.forEach(e -> lines.append(EventJson.toJson(e)).append('\n'));
        Files.writeString(folder.metrics(), lines);
        StringBuilder snaps = new StringBuilder();
        snapshots.forEach(e -> snaps.append(EventJson.toJson(e)).append('\n'));
        Files.writeString(folder.snapshots(), snaps);
        return dir;
    }
}
