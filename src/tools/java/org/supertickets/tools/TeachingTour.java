package org.supertickets.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.ui.WorkbenchView;
import org.supertickets.ui.WorkbenchWindow;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.teaching.DemoStarter;

/**
 * Shoots docs/teaching.md's presenter-mode screenshots from a real demo run in step mode (run under Xvfb with a
 * screen of the size asked for: {@code xvfb-run -a -s "-screen 0 1280x720x24" mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.supertickets.tools.TeachingTour
 * -Dexec.args="OUT 1280 720 1.5"}). Presenter mode goes full
 * screen, so the shots are the screen's size. It shoots the Monitor waiting at an architecture step and at a
 * pruning event, the Inside tab there (distributions, channel view) before and after a what-if switches a branch
 * off, and the Inside tab of the finished run with its 1×1 connections; it also writes the graph's evolution as a
 * PNG sequence into OUT/graph-sequence-WxH (for checking, not for the docs).
 */
public final class TeachingTour {

    private TeachingTour() {
    }

    /**
     * Lesson steps 3, 5 and 6: a layer's mask heatmap, the finished Monitor, the run's Ticket, and the Runs list the
     * lesson starts runs from.
     */
    private static void shootFinished(WorkbenchWindow w, Path out, String size, Path run) throws Exception {
        // Lesson step 3: a layer clicked in the graph shows its mask heatmap (on a short screen only then).
        FxThread.run(() -> {
            w.view().tabs().getSelectionModel().select(2);
            w.vm().graph().selectLayer("blocks.1.expand");
        });
        FxThread.sleep(3000);
        ScreenshotTour.shoot(w, out.resolve("presenter-" + size + "-lesson-3-heatmap.png"));
        FxThread.run(() -> w.vm().graph().selectLayer(null));
        FxThread.run(() -> w.vm().ticket().open(run));
        for (int[] tab : new int[][] {{2, 5}, {3, 6}, {1, 6}, {WorkbenchView.INSIDE_TAB, 6}}) {
            FxThread.run(() -> w.view().tabs().getSelectionModel().select(tab[0]));
            FxThread.sleep(2500);
            String name = tab[0] == 2 ? "monitor-finished" : tab[0] == 3 ? "ticket" : tab[0] == 1 ? "runs" : "inside";
            ScreenshotTour.shoot(w, out.resolve("presenter-" + size + "-lesson-" + tab[1] + "-" + name + ".png"));
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots/issue-12");
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1280;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 720;
        double scale = args.length > 3 ? Double.parseDouble(args[3]) : 1.5;
        String size = width + "x" + height;
        Files.createDirectories(out);
        FxThread.startPlatform();
        WorkbenchWindow w = ScreenshotTour.openWindow(Path.of("sample-configs/quickstart.json"),
                Files.createTempDirectory("st-teaching-runs"), 2);
        FxThread.run(() -> {
            w.stage().setWidth(width);
            w.stage().setHeight(height);
            w.view().presenter().scaleProperty().set(scale);
            w.view().presenter().onProperty().set(true);
        });
        var step = w.vm().stepMode();
        var teaching = w.vm().teaching();
        // Lesson step 1: the Designer's supernet and its preview numbers.
        FxThread.run(() -> w.view().tabs().getSelectionModel().select(0));
        FxThread.sleep(2500);
        ScreenshotTour.shoot(w, out.resolve("presenter-" + size + "-lesson-1-designer.png"));
        if (args.length > 4) {
            // A finished demo's folder: only the views after the run (no training), for checking a layout change.
            Path finished = Path.of(args[4]);
            FxThread.run(() -> w.vm().runs().openFolder(finished));
            FxThread.sleep(6000);
            shootFinished(w, out, size, finished);
            ScreenshotTour.closeAndExit(w);
        }
        long start = System.nanoTime();
        FxThread.run(() -> w.vm().demo().start(Path.of(DemoStarter.DEMO), true));
        // Lesson step 2: the planned staircase before a step has run.
        FxThread.sleep(1500);
        ScreenshotTour.shoot(w, out.resolve("presenter-" + size + "-lesson-2-planned.png"));
        boolean shrinkShot = false;
        boolean pruneShot = false;
        while (!(shrinkShot && pruneShot)) {
            ScreenshotTour.waitFor(() -> FxThread.call(() -> step.waitingProperty().get()), 1_200_000);
            FxThread.sleep(1200);
            var event = FxThread.call(() -> step.shownProperty().get().event());
            if (event instanceof ShrinkEvent && !shrinkShot) {
                ScreenshotTour.shoot(w, out.resolve("presenter-" + size + "-step-shrink.png"));
                shrinkShot = true;
            } else if (event instanceof PruneEvent p && p.index() >= 3 && !pruneShot) {
                ScreenshotTour.shoot(w, out.resolve("presenter-" + size + "-step-prune.png"));
                FxThread.run(() -> {
                    teaching.channels().blockProperty().set(1);
                    w.view().tabs().getSelectionModel().select(WorkbenchView.INSIDE_TAB);
                });
                ScreenshotTour.waitFor(() -> FxThread.call(() -> teaching.whatIf().baselineProperty().get() != null),
                        300_000);
                FxThread.sleep(800);
                ScreenshotTour.shoot(w, out.resolve("presenter-" + size + "-inside-paused.png"));
                int kernel = FxThread.call(() -> teaching.channels().frameProperty().get().branches().stream()
                        .filter(b -> !b.removed()).reduce((a, b) -> b).orElseThrow().kernel());
                FxThread.run(() -> teaching.whatIf().switchOffBranch(1, kernel));
                ScreenshotTour.waitFor(() -> FxThread.call(() -> !teaching.whatIf().busyProperty().get()), 300_000);
                FxThread.sleep(800);
                ScreenshotTour.shoot(w, out.resolve("presenter-" + size + "-what-if.png"));
                System.out.println("what-if: " + FxThread.call(() -> teaching.whatIf().resultProperty().get()));
                FxThread.run(() -> {
                    teaching.whatIf().undo();
                    w.view().tabs().getSelectionModel().select(2);
                });
                pruneShot = true;
            }
            FxThread.run(step::next);
        }
        FxThread.run(step::runOn);
        RunEntry entry = FxThread.call(() -> w.vm().runs().getSelected());
        ScreenshotTour.waitFor(() -> FxThread.call(() -> !entry.getStatus().active()), 1_200_000);
        System.out.printf(Locale.ROOT, "demo ran %.1f s wall (with pauses and shots)%n",
                (System.nanoTime() - start) / 1e9);
        FxThread.run(() -> {
            teaching.channels().showConnectionsProperty().set(true);
            w.view().tabs().getSelectionModel().select(WorkbenchView.INSIDE_TAB);
        });
        FxThread.sleep(2500);
        ScreenshotTour.shoot(w, out.resolve("presenter-" + size + "-inside-finished.png"));
        shootFinished(w, out, size, entry.getFolder());
        Path sequence = out.resolve("graph-sequence-" + size);
        var pngs = FxThread.call(() -> org.supertickets.ui.teaching.GraphSequenceExport.draw(
                w.vm().graph().graphProperty().get().supernet(), w.vm().timeline().snapshots(), false));
        System.out.println("graph sequence: " + org.supertickets.ui.teaching.GraphSequenceExport.write(sequence, pngs)
                .size() + " frames in " + sequence);
        System.out.println("demo run in " + entry.getFolder() + "; last error: " + w.lastError());
        ScreenshotTour.closeAndExit(w);
    }
}
