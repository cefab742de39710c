package org.supertickets.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.ui.WorkbenchWindow;

/**
 * Shoots the Monitor of one run with other runs overlaid (README), under Xvfb: {@code xvfb-run -a -s "-screen 0
 * 1600x1000x24" mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.supertickets.tools.OverlayShot -Dexec.args="OUT.png SHOWN_RUN OTHER_RUN..."}. With
 * {@code -Dshot.xAxis=RELATIVE} (or STEP, WALL) the header's x-axis box is set to it and the mouse rests on the
 * MACs chart, so its read-out shows the moment in that unit (docs/screenshots/monitor-time-axis.png).
 */
public final class OverlayShot {

    private OverlayShot() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args[0]);
        FxThread.startPlatform();
        WorkbenchWindow w = ScreenshotTour.openWindow(Path.of("sample-configs/quickstart.json"),
                Files.createTempDirectory("st-overlay-shot"), 2);
        FxThread.run(() -> {
            w.stage().setWidth(1600);
            w.stage().setHeight(1000);
        });
        for (int i = args.length - 1; i >= 1; i--) { // the shown run last, so it is the one selected
            Path run = Path.of(args[i]);
            FxThread.run(() -> w.vm().runs().openFolder(run));
            FxThread.sleep(3000);
        }
        FxThread.run(() -> {
            w.view().tabs().getSelectionModel().select(2);
            for (var item : w.view().monitorTab().overlayMenuItems()) {
                item.setSelected(true);
                item.fire();
            }
        });
        FxThread.sleep(5000);
        String axis = System.getProperty("shot.xAxis");
        if (axis != null) {
            FxThread.run(() -> {
                @SuppressWarnings("unchecked")
                var box = (javafx.scene.control.ComboBox<org.supertickets.ui.monitor.XAxis>) w.stage().getScene()
                        .lookup("#monitor-x-axis");
                box.setValue(org.supertickets.ui.monitor.XAxis.valueOf(axis));
            });
            FxThread.sleep(1000);
            FxThread.run(() -> { // a mouse move at 60 % of the MACs chart's width, halfway down
                var canvas = ((org.jfree.chart.fx.ChartViewer) w.stage().getScene().lookup("#chart-cost"))
                        .getCanvas();
                // the event's x and y are in the scene: firing it at the canvas makes them the canvas's own
                var at = canvas.localToScene(canvas.getWidth() * 0.6, canvas.getHeight() * 0.5);
                javafx.event.Event.fireEvent(canvas, new javafx.scene.input.MouseEvent(
                        javafx.scene.input.MouseEvent.MOUSE_MOVED, at.getX(), at.getY(), at.getX(), at.getY(),
                        javafx.scene.input.MouseButton.NONE,
                        0, false, false, false, false, false, false, false, false, false, false, null));
            });
            FxThread.sleep(1000);
        }
        ScreenshotTour.shoot(w, out);
        ScreenshotTour.closeAndExit(w);
    }
}
