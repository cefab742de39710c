package org.supertickets.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.ui.WorkbenchView;
import org.supertickets.ui.WorkbenchWindow;

/**
 * Shoots the Compare tab showing a sparsity sweep's curves (README, docs/results.md), under Xvfb: {@code
 * xvfb-run -a -s "-screen 0 1280x720x24" mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.supertickets.tools.SweepCompareShot -Dexec.args="RUNS_FOLDER OUT.png"}, RUNS_FOLDER holding
 * the sweep's run folders (links will do).
 */
public final class SweepCompareShot {

    private SweepCompareShot() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        Path runs = Path.of(args[0]);
        Path out = Path.of(args[1]);
        FxThread.startPlatform();
        WorkbenchWindow w = ScreenshotTour.openWindow(Path.of("sample-configs/quickstart.json"),
                Files.createTempDirectory("st-sweep-shot"), WorkbenchView.COMPARE_TAB);
        FxThread.run(() -> {
            w.stage().setWidth(1280);
            w.stage().setHeight(720);
            w.view().tabs().getSelectionModel().select(WorkbenchView.COMPARE_TAB);
            w.vm().compare().addAllUnder(runs);
        });
        ScreenshotTour.waitFor(() -> FxThread.call(() -> w.vm().compare().sweepAvailableProperty().get()), 300_000);
        FxThread.run(() -> w.vm().compare().showSweepCurvesProperty().set(true));
        FxThread.sleep(4000);
        ScreenshotTour.shoot(w, out);
        ScreenshotTour.closeAndExit(w);
    }
}
