package org.supertickets.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.supertickets.ui.TestEvents;

/**
 * Zoom, pan and fit of the connectivity graph by mouse and keyboard, headless (issue 11, item 6): the
 * quickstart-sized graph does not fit a small window at a readable scale, so the user must be able to see it
 * whole and to go close.
 */
@ExtendWith(ApplicationExtension.class)
class GraphNavigationTest {

    private final GraphViewModel vm = new GraphViewModel();
    private GraphView view;

    @Start
    void start(Stage stage) {
        vm.show(TestEvents.SUPERNET, TestEvents.shrunk(100, 1.5), "shrink");
        view = new GraphView(vm, null);
        stage.setScene(new Scene(view, 640, 420));
        stage.show();
    }

    @Test
    void wheelZoomsAroundTheCursorDragPansAndTheFitKeyShowsTheWholeGraph(FxRobot robot) {
        GraphCanvas canvas = view.canvas();
        WaitForAsyncUtils.waitForFxEvents();
        assertInside(canvas);
        double fitScale = canvas.transform().scale();

        Point2D at = new Point2D(canvas.getWidth() * 0.3, canvas.getHeight() * 0.4);
        double layoutX = canvas.transform().toLayoutX(at.getX());
        double layoutY = canvas.transform().toLayoutY(at.getY());
        // Which way a wheel notch goes differs between platforms (and Monocle): one way and back again.
        robot.moveTo(canvas.localToScreen(at)).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        double oneWay = canvas.transform().scale();
        assertEquals(3, Math.abs(Math.log(oneWay / fitScale) / Math.log(GraphCanvas.ZOOM_STEP)), 1e-6,
                "three notches, three zoom steps: " + oneWay + " vs " + fitScale);
        assertEquals(layoutX, canvas.transform().toLayoutX(at.getX()), 0.5, "the point under the cursor stays");
        assertEquals(layoutY, canvas.transform().toLayoutY(at.getY()), 0.5);
        robot.scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitScale, canvas.transform().scale(), 1e-9, "and back");
        robot.scroll(2, oneWay > fitScale ? VerticalDirection.DOWN : VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        GraphPainter.Transform zoomed = canvas.transform();
        assertTrue(zoomed.scale() > fitScale * 1.3, "zoomed in: " + zoomed.scale());
        assertEquals(layoutX, zoomed.toLayoutX(at.getX()), 0.5);
        assertFalse(canvas.isFitted());

        robot.drag(canvas.localToScreen(at)).dropBy(-80, -50);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(zoomed.dx() - 80, canvas.transform().dx(), 6, "dragged left");
        assertEquals(zoomed.dy() - 50, canvas.transform().dy(), 6, "dragged up");

        robot.clickOn(canvas.localToScreen(new Point2D(5, 5))).type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(canvas.isFitted());
        assertEquals(fitScale, canvas.transform().scale(), 1e-9);
        assertInside(canvas);

        robot.type(KeyCode.PLUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitScale * GraphCanvas.ZOOM_STEP, canvas.transform().scale(), 1e-9, "+ zooms in");
        robot.type(KeyCode.MINUS).type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitScale / GraphCanvas.ZOOM_STEP, canvas.transform().scale(), 1e-9, "- zooms out");
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertInside(canvas);

        // The Fit button and a window resize: the fitted graph follows the new size.
        robot.type(KeyCode.PLUS);
        robot.clickOn("#graph-fit");
        robot.interact(() -> view.getScene().getWindow().setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();
        assertInside(canvas);

        // The compact layout: a column per block, shown whole at once.
        robot.clickOn("#graph-columns");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.frameProperty().get().graph().columns());
        assertInside(canvas);
    }

    @Test
    void thePngExportIsTheWholeGraphAtTwiceItsLayoutSize(FxRobot robot) throws Exception {
        robot.interact(() -> view.canvas().zoomBy(3, 10, 10)); // what is on screen does not matter
        byte[][] png = new byte[1][];
        robot.interact(() -> png[0] = GraphExport.png(vm.getFrame(), true));
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png[0]));
        SupernetGraph graph = vm.getFrame().graph();
        assertEquals(Math.ceil(graph.width() * GraphExport.PNG_SCALE), image.getWidth());
        assertEquals(Math.ceil(graph.height() * GraphExport.PNG_SCALE), image.getHeight());
        assertEquals(0x1f2227, image.getRGB(1, 1) & 0xFFFFFF, "the dark theme's background");
    }

    private static void assertInside(GraphCanvas canvas) {
        Bounds b = canvas.graphBounds();
        assertNotNull(b);
        double w = canvas.canvas().getWidth();
        double h = canvas.canvas().getHeight();
        assertTrue(b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= w + 0.5 && b.getMaxY() <= h + 0.5,
                "graph " + b + " inside the " + w + "x" + h + " canvas");
        assertTrue(b.getWidth() >= w - 1 || b.getHeight() >= h - 1, "and fills it in one direction: " + b);
    }

    @Test
    void findSelectsAndCentresALayerByNameOrLabelAndEnterGoesToTheNextMatch(FxRobot robot) {
        // issue 32: Netron's find
        assertEquals(java.util.List.of("blocks.1.expand"), vm.find("b1 expand").stream().map(GraphNode::layer)
                .toList());
        assertEquals(vm.find("blocks.1.expand"), vm.find("B1 Expand"));
        assertTrue(vm.find("dw 3×3").size() >= 2, "every block's 3x3 branch");
        assertTrue(vm.find("b1 dw 3x3").stream().allMatch(n -> n.layer().startsWith("blocks.1.dw.k3")));
        assertTrue(vm.find("no such layer").isEmpty());

        javafx.scene.control.TextField find = robot.lookup("#graph-find").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            find.setText("b1 expand");
            find.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals("blocks.1.expand", vm.selectedLayerProperty().get());
        // Netron's side panel: the picked layer's attributes and tensors
        assertTrue(robot.lookup("#graph-node-panel").query().isVisible());
        assertEquals("blocks.1.expand", robot.lookup("#graph-node-name").queryAs(javafx.scene.control.Label.class)
                .getText());
        String input = robot.lookup("#graph-node-input").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(input.matches("N×\\d+×\\d+×\\d+"), input);
        GraphNode node = vm.find("b1 expand").get(0);
        GraphPainter.Transform t = view.canvas().transform();
        assertEquals(view.canvas().getWidth() / 2, t.dx() + node.x() * t.scale(), 1, "centred");
        robot.interact(() -> {
            find.setText("nothing here");
            find.fireEvent(new javafx.event.ActionEvent());
        });
        assertTrue(find.getStyleClass().contains("invalid"));
        robot.interact(() -> robot.lookup("#graph-node-panel-close").queryAs(javafx.scene.control.Button.class)
                .fire());
        assertEquals(null, vm.selectedLayerProperty().get());
        assertFalse(robot.lookup("#graph-node-panel").query().isVisible(), "× clears the pick and hides the panel");
    }
}
