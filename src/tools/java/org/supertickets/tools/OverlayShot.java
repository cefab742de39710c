package org.supertickets.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.ui.WorkbenchWindow;

/**
 * Shoots the Monitor of one run with other runs overlaid (README), under Xvfb: {@code xvfb-run -a -s "-screen 0
 * 1600x1000x24" mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.supertickets.tools.OverlayShot -Dexec.args="OUT.png SHOWN_RUN OTHER_RUN..."}.
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
        ScreenshotTour.shoot(w, out);
        ScreenshotTour.closeAndExit(w);
    }
}
