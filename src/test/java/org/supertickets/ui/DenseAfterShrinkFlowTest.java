package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.shape.Rectangle;
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
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.controls.TimelineSlider;
import org.supertickets.ui.monitor.MonitorCharts;
import org.supertickets.ui.session.TimelineViewModel;

/**
 * Issue 35, point 1, as a user sees it: a finished run with a staggered cadence is opened; every chart shades the
 * span from the shrink that reset masks to the next prune, the time slider marks it, and with the cursor inside it
 * the line under "What just happened" says which blocks are dense, since which shrink and until which prune. A run
 * folder written before the resets were counted opens with nothing shaded.
 */
@ExtendWith(ApplicationExtension.class)
class DenseAfterShrinkFlowTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32"); // the window (1500×940) fits Monocle's screen
    }

    @TempDir
    static Path runs;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.CONFIG, runs, "supertickets-ui-dense-after-shrink-test");
    }

    @Test
    void theSpanFromAResettingShrinkToTheNextPruneIsShadedMarkedAndNamedAtTheCursor(FxRobot robot) throws Exception {
        WorkbenchViewModel vm = window.vm();
        TimelineViewModel timeline = vm.timeline();
        open(robot, writeRun(runs.resolve("staggered"), true), 4);
        for (String chart : List.of("accuracy", "sparsity", "cost", "loss")) {
            List<double[]> shaded = MonitorCharts.denseSpansShown(window.view().monitorView().chart(chart));
            assertEquals(1, shaded.size(), chart);
            assertEquals(1.5, shaded.get(0)[0], 1e-12, chart);
            assertEquals(2.0, shaded.get(0)[1], 1e-12, chart);
        }
        TimelineSlider slider = robot.lookup("#time-slider").queryAs(TimelineSlider.class);
        assertEquals(List.of(new TimelineViewModel.Mark(2, 3, false)), timeline.marksProperty().get());
        List<Rectangle> marks = slider.markShapes();
        assertEquals(1, marks.size());
        double perSnapshot = marks.get(0).getWidth(); // snapshot 2 to 3 of 0..3: a third of the thumb's travel
        assertTrue(perSnapshot > 20 && marks.get(0).getX() > slider.getWidth() / 2, marks.get(0).toString());

        Label dense = robot.lookup("#dense-at-cursor").queryAs(Label.class);
        assertFalse(dense.isVisible(), "at the last prune nothing is dense");
        robot.interact(() -> slider.setValue(2)); // the shrink at step 150
        assertTrue(dense.isVisible());
        assertEquals("The masks of blocks 0 and 1 are dense since the shrink at epoch 1.50 (30 pruned weights reset), "
                + "until the prune at epoch 2.00.", dense.getText());
        robot.interact(() -> slider.setValue(1)); // the prune before it
        assertFalse(dense.isVisible());
        robot.interact(() -> timeline.goLive());
        assertFalse(dense.isVisible());

        // An old run folder: the shrink's resets were not counted, so nothing is shown as dense.
        open(robot, writeRun(runs.resolve("old"), false), 4);
        assertTrue(MonitorCharts.denseSpansShown(window.view().monitorView().chart("sparsity")).isEmpty());
        assertTrue(timeline.marksProperty().get().isEmpty());
        assertTrue(slider.markShapes().isEmpty());
        robot.interact(() -> slider.setValue(2));
        assertFalse(dense.isVisible());
    }

    private void open(FxRobot robot, Path folder, int snapshots) throws Exception {
        WorkbenchViewModel vm = window.vm();
        robot.interact(() -> {
            window.view().tabs().getSelectionModel().select(2); // the Monitor: charts, time bar and the panel
            vm.runs().openFolder(folder);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            robot.interact(vm::pump);
            return vm.runs().getSelected() != null && vm.runs().getSelected().getName().equals(
                    folder.getFileName().toString()) && vm.timeline().countProperty().get() == snapshots
                    && vm.runs().getSelected().session().history().finished() != null;
        });
        robot.interact(() -> { }); // a layout pass for the slider's marks
    }

    /**
     * A finished run: a prune at step 100, a shrink at 150 that reset 30 pruned weights in blocks 0 and 1 (staggered:
     * no prune on its step), the next prune at 200. {@code counted} false writes the shrink as a folder from before
     * the resets were counted.
     */
    private static Path writeRun(Path dir, boolean counted) throws Exception {
        RunFolder folder = new RunFolder(dir);
        Files.createDirectories(dir.resolve(RunFolder.CHECKPOINTS));
        ConfigIo.write(folder.config(), TestEvents.CONFIG);
        long macs = TestEvents.SUPERNET.macs();
        ShrinkEvent shrink = counted
                ? new ShrinkEvent(150, 1.5, 3, 0, macs, macs, true, TestEvents.SUPERNET, 30L,
                        java.util.Map.of(0, 20L, 1, 10L), 0.02)
                : new ShrinkEvent(150, 1.5, 3, 0, macs, macs, true, TestEvents.SUPERNET);
        List<TrainingEvent> metrics = List.of(TestEvents.started(),
                new PruneEvent(100, 1, 1, 0.3, 0.3, 0.01, 0, 120, false, List.of(), 0L, 0L),
                shrink,
                new PruneEvent(200, 2, 2, 0.5, 0.5, 0.02, 2, 80, false, List.of(), 2L, 28L),
                new RunFinished(200, 2, RunFinished.Outcome.COMPLETED, "done", 0.8, 0.5, 0.8, 0.5, 1, 1, 1, 10, 1));
        List<ConnectivitySnapshot> snapshots = List.of(TestEvents.start(), TestEvents.pruned(100, 1, 3, 0),
                new ConnectivitySnapshot(150, 1.5, "shrink", TestEvents.SUPERNET, TestEvents.start().layers()),
                TestEvents.pruned(200, 2, 2, 1));
        StringBuilder lines = new StringBuilder();
        metrics.forEach(e -> lines.append(strip(EventJson.toJson(e), counted)).append('\n'));
        Files.writeString(folder.metrics(), lines);
        StringBuilder snaps = new StringBuilder();
        snapshots.forEach(e -> snaps.append(EventJson.toJson(e)).append('\n'));
        Files.writeString(folder.snapshots(), snaps);
        return dir;
    }

    /** An old folder's shrink line lacks the fields outright, as the old writer had none. */
    private static String strip(String line, boolean counted) {
        return counted ? line : line.replace(",\"resetByShrink\":null", "").replace(",\"resetByBlock\":null", "")
                .replace(",\"sparsityAfter\":null", "");
    }
}
