package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.supertickets.space.ConfigIo;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunStatus;

/**
 * What a user clicks, headless (Monocle): edit a field and see its validation, undo, save and reopen, run a
 * tiny config for real and watch charts and graph fill, scrub the time slider, open a heatmap from the graph.
 * One window and one run for the whole flow keeps the suite fast.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFlowTest {

    static {
        // Monocle's headless screen defaults to 1280x800; the workbench window is larger.
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static Path runs;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        runs = Files.createTempDirectory("ui-flow-runs");
        window = TestWindows.open(stage, TestEvents.QUICK_RUN, runs, "supertickets-ui-test");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (runs != null) {
            try (var files = Files.walk(runs)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void designRunWatchScrubAndInspect(FxRobot robot) throws Exception {
        WorkbenchViewModel vm = window.vm();
        robot.interact(() -> window.view().tabs().getSelectionModel().select(0));

        // 1. Typing an epoch count that the (cubic) schedule exceeds flags the schedule field, inline; the end
        //    epoch of the MACs target, which is off, does not block.
        robot.interact(() -> vm.designer().set("pruning.schedule", "cubic"));
        Spinner<?> epochs = robot.lookup(n -> "field-training.epochs".equals(n.getId())).queryAs(Spinner.class);
        robot.interact(() -> {
            epochs.getEditor().setText("1");
            epochs.commitValue();
        });
        Spinner<?> endEpoch = robot.lookup(n -> "field-pruning.cubicEndEpoch".equals(n.getId()))
                .queryAs(Spinner.class);
        assertTrue(endEpoch.getStyleClass().contains("invalid"));
        assertFalse(robot.lookup(n -> "field-search.macsTargetEndEpoch".equals(n.getId())).queryAs(Spinner.class)
                .getStyleClass().contains("invalid"));
        assertTrue(robot.lookup(n -> n instanceof Label l && l.isVisible()
                && l.getText().startsWith("is 2.0, outside 0..1")).tryQuery().isPresent(), "inline message");
        assertTrue(vm.designer().runnableConfig() == null);
        assertTrue(vm.designer().isDirty());

        // 2. Ctrl+Z undoes the edit even though the spinner still has the focus.
        robot.interact(() -> epochs.getEditor().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, vm.designer().getConfig().training().epochs());
        assertFalse(endEpoch.getStyleClass().contains("invalid"));
        robot.interact(() -> vm.designer().undo());
        assertEquals("staircase", vm.designer().getConfig().pruning().schedule());

        // 3. Save as, then reopen: same config, clean document.
        Path file = runs.resolve("flow.json");
        robot.interact(() -> vm.designer().set("name", "flow"));
        robot.interact(() -> vm.designer().saveAs(file, null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file) && !vm.designer().isDirty());
        assertEquals("flow", ConfigIo.read(file).name());
        robot.interact(() -> vm.designer().set("name", "changed"));
        robot.interact(() -> vm.designer().open(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "flow".equals(vm.designer().getConfig().name()));
        assertEquals("flow.json", vm.designer().titleProperty().get());

        // 4. Run it for real: the monitor opens, its charts and the graph receive data.
        robot.clickOn("#toolbar-run");
        assertEquals(2, window.view().tabs().getSelectionModel().getSelectedIndex(), "the monitor opens");
        RunEntry entry = vm.runs().getSelected();
        assertNotNull(entry);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !entry.getStatus().active()
                && entry.getStatus() != RunStatus.QUEUED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunStatus.COMPLETED, entry.getStatus(), entry.messageProperty().get() + " " + window.lastError());
        Thread.sleep(300); // one more pump
        WaitForAsyncUtils.waitForFxEvents();
        var monitor = window.view().monitorView();
        assertTrue(monitor.shownPoints("accuracy", 0) > 3, "train accuracy curve");
        assertTrue(monitor.shownPoints("accuracy", 1) >= 1, "validation points");
        assertTrue(monitor.shownPoints("sparsity", 1) >= 1, "actual sparsity");
        assertTrue(monitor.shownPoints("pruning-events", 1) >= 1, "pruning bars");
        int snapshots = vm.timeline().countProperty().get();
        assertTrue(snapshots >= 3, "snapshots " + snapshots);
        assertEquals(snapshots - 1, vm.timeline().getIndex(), "the cursor followed the run");
        assertNotNull(vm.graph().getFrame());

        // Smoothing as in TensorBoard: the slider draws the train curves' moving average over the faint raw ones.
        robot.interact(() -> robot.lookup("#monitor-smoothing").queryAs(javafx.scene.control.Slider.class)
                .setValue(0.6));
        assertEquals(monitor.chart("accuracy").getXYPlot().getDataset(0).getItemCount(0),
                monitor.chart("accuracy").getXYPlot().getDataset(1).getItemCount(0), "a smoothed point per point");
        assertEquals(0.6, vm.monitor().smoothingProperty().get(), 1e-9);
        robot.interact(() -> robot.lookup("#monitor-smoothing").queryAs(javafx.scene.control.Slider.class)
                .setValue(0));
        assertEquals(0, monitor.chart("accuracy").getXYPlot().getDataset(1).getItemCount(0));

        // Presenter mode: the three narrated charts with projector-sized text; all six again when it ends.
        robot.interact(() -> window.view().presenter().onProperty().set(true));
        assertEquals(3, monitor.getChildren().size());
        assertTrue(monitor.chart("accuracy").getTitle().getFont().getSize() >= 18);
        // issue 30: at projector sizes the y axes tick at fixed steps and legends sit beside the plot
        NumberAxis sparsityAxis = (NumberAxis) monitor.chart("sparsity").getXYPlot().getRangeAxis();
        assertFalse(sparsityAxis.isAutoTickUnitSelection());
        assertEquals(0.5, sparsityAxis.getTickUnit().getSize(), 0);
        assertEquals(RectangleEdge.RIGHT, monitor.chart("sparsity").getLegend().getPosition());
        robot.interact(() -> window.view().presenter().onProperty().set(false));
        assertEquals(6, monitor.getChildren().size());
        assertEquals(12, monitor.chart("accuracy").getTitle().getFont().getSize());
        assertTrue(sparsityAxis.isAutoTickUnitSelection());
        assertEquals(RectangleEdge.BOTTOM, monitor.chart("sparsity").getLegend().getPosition());

        // 5. Scrub the slider back to the first snapshot: graph and the charts' cursor line follow.
        robot.interact(() -> window.view().graphView().slider().setValue(0));
        assertEquals(0, vm.timeline().getIndex());
        assertEquals(vm.timeline().current().epoch(), monitor.cursorValue(), 1e-9);
        assertEquals("start", vm.timeline().current().reason());
        robot.interact(() -> window.view().graphView().slider().setValue(snapshots - 1));

        // 6. Click a depthwise branch in the graph: its mask heatmap opens.
        Point2D centre = window.view().graphView().canvas().centreOf("blocks.1.expand");
        assertNotNull(centre);
        robot.clickOn(window.view().graphView().canvas().canvas().localToScreen(centre));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.heatmap().getData() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("blocks.1.expand", vm.heatmap().getData().layer());
        assertTrue(vm.heatmap().getData().kept() < vm.heatmap().getData().total(), "pruned weights at the end");
        assertTrue(vm.heatmap().summaryProperty().get().contains("alive"));

        // 7. The ticket of the finished run opens in the inspector.
        robot.interact(() -> vm.ticket().open(entry.getFolder()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.ticket().loadedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.view().ticketView().table().getItems().isEmpty());
        assertTrue(vm.ticket().provenanceProperty().get().contains(entry.getFolder().getFileName().toString()));
        assertEquals("", window.lastError());
    }
}
