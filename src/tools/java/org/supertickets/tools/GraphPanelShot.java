package org.supertickets.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.ui.WorkbenchWindow;

/**
 * Shoots the Monitor with a layer found by name and its side panel (README), under Xvfb: {@code xvfb-run -a -s
 * "-screen 0 1600x1000x24" mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.supertickets.tools.GraphPanelShot -Dexec.args="RUN_FOLDER OUT.png [LAYER]"}.
 */
public final class GraphPanelShot {

    private GraphPanelShot() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        Path run = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String layer = args.length > 2 ? args[2] : "b1 expand";
        FxThread.startPlatform();
        WorkbenchWindow w = ScreenshotTour.openWindow(Path.of("sample-configs/quickstart.json"),
                Files.createTempDirectory("st-graph-shot"), 2);
        FxThread.run(() -> {
            w.stage().setWidth(1600);
            w.stage().setHeight(1000);
            w.vm().runs().openFolder(run);
        });
        FxThread.sleep(6000);
        FxThread.run(() -> {
            w.view().tabs().getSelectionModel().select(2);
            var find = (javafx.scene.control.TextField) w.view().monitorTab().graphView().lookup("#graph-find");
            find.setText(layer);
            find.fireEvent(new javafx.event.ActionEvent());
        });
        FxThread.sleep(3000);
        ScreenshotTour.shoot(w, out);
        ScreenshotTour.closeAndExit(w);
    }
}
