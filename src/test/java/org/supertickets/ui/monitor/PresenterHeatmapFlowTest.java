package org.supertickets.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.TestWindows;
import org.supertickets.ui.WorkbenchWindow;

/**
 * Issue 30 item 1: presenting on a 720-line projector hid the mask heatmap for good, so lesson step 3 ("click a
 * layer: its mask heatmap shows pruned weights") showed nothing. It now appears for a picked layer and goes again
 * when the pick is cleared; the graph keeps the room otherwise.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterHeatmapFlowTest {

    @TempDir
    static Path dir;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.QUICK_RUN, dir.resolve("runs"), "supertickets-ui-heatmap-test");
    }

    @Test
    void onAShortScreenThePickedLayerBringsItsHeatmap(FxRobot robot) {
        MonitorTab monitor = window.view().monitorTab();
        robot.interact(() -> {
            monitor.setScreenHeight(() -> 720);
            window.view().tabs().getSelectionModel().select(2);
            window.view().presenter().onProperty().set(true);
        });
        try {
            assertFalse(monitor.heatmapShown(), "the graph takes the heatmap's room");
            // issue 30 item 1: the graph's labels and node tooltips grow with the rest of the text
            assertEquals(1.5, monitor.graphView().textScaleProperty().get(), 0);
            assertEquals(16.5, org.supertickets.ui.graph.GraphPainter.nodeLabelPixels(1, 1.5), 1e-9);
            assertTrue(monitor.graphView().canvas().tooltip().getStyle().contains("16.5px"),
                    monitor.graphView().canvas().tooltip().getStyle());
            robot.interact(() -> window.vm().graph().selectLayer("blocks.0.expand"));
            assertTrue(monitor.heatmapShown(), "a clicked layer shows its heatmap");
            assertFalse(monitor.graphView().lookup("#graph-node-panel").isVisible(),
                    "the heatmap names the layer; the side panel would leave the graph a sliver");
            robot.interact(() -> window.vm().graph().selectLayer(null));
            assertFalse(monitor.heatmapShown());
        } finally {
            robot.interact(() -> window.view().presenter().onProperty().set(false));
        }
        assertTrue(monitor.heatmapShown(), "the user's layout is back after presenting");
        assertEquals(1, monitor.graphView().textScaleProperty().get(), 0);
        robot.interact(() -> window.vm().graph().selectLayer("blocks.0.expand"));
        assertTrue(monitor.graphView().lookup("#graph-node-panel").isVisible(), "the side panel beside the graph");
        robot.interact(() -> window.vm().graph().selectLayer(null));
        assertTrue(monitor.heatmapShown(), "not presenting, the heatmap stays whatever is picked");

        // 1000 lines at 1.5× fit graph and heatmap at once; 1080 at 2× do not.
        robot.interact(() -> {
            monitor.setScreenHeight(() -> 1000);
            window.view().presenter().onProperty().set(true);
        });
        assertTrue(monitor.heatmapShown(), "1600×1000 at 1.5×: room for both");
        robot.interact(() -> {
            window.view().presenter().onProperty().set(false);
            monitor.setScreenHeight(() -> 1080);
            window.view().presenter().scaleProperty().set(2.0);
            window.view().presenter().onProperty().set(true);
        });
        assertFalse(monitor.heatmapShown(), "1920×1080 at 2×: short");
        robot.interact(() -> {
            window.view().presenter().onProperty().set(false);
            window.view().presenter().scaleProperty().set(1.5);
        });
    }
}
