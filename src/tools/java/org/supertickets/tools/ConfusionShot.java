package org.supertickets.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.ui.WorkbenchView;
import org.supertickets.ui.WorkbenchWindow;
import org.supertickets.ui.predictions.ConfusionViewModel;

/**
 * Shoots the Predictions tab of a classification run (the confusion matrix and the most-confused test images) under
 * Xvfb: {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.supertickets.tools.ConfusionShot -Dexec.args="RUN_FOLDER OUT [OLD_RUN_FOLDER]"}. The run is
 * opened as File ▸ Open run folder does; shots: the ticket's matrix at 1600x1000, scrubbed back to an early
 * evaluation, the dark theme, presenter mode at 1280x720, and, given a folder written before the matrices were
 * recorded, what that one says. With {@code --live OUT} it trains sample-configs/demo.json in the window instead and
 * shoots the tab while the run goes on (the newest evaluation) and when it has ended (the ticket).
 */
public final class ConfusionShot {

    private ConfusionShot() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        if (args[0].equals("--live")) {
            live(Path.of(args[1]));
            return;
        }
        if (args[0].equals("--inside-live")) {
            insideLive(Path.of(args[1]));
            return;
        }
        if (args[0].equals("--inside")) {
            inside(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        Path run = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        FxThread.startPlatform();
        WorkbenchWindow w = openOnPredictions(Files.createTempDirectory("st-confusion-shot"));
        ConfusionViewModel confusion = w.vm().predictions().confusion();
        open(w, run);
        ScreenshotTour.waitFor(() -> FxThread.call(() -> confusion.getExamples() != null), 120_000);
        FxThread.sleep(1500);
        ScreenshotTour.shoot(w, out.resolve("predictions-confusion.png"));

        // Scrubbed back to an early evaluation: the matrix of that moment.
        FxThread.run(() -> w.vm().timeline().select(2));
        FxThread.sleep(1000);
        ScreenshotTour.shoot(w, out.resolve("predictions-confusion-scrubbed.png"));
        FxThread.run(() -> w.vm().timeline().goLive());

        FxThread.run(() -> w.view().darkProperty().set(true));
        FxThread.sleep(1000);
        ScreenshotTour.shoot(w, out.resolve("predictions-confusion-dark.png"));
        FxThread.run(() -> w.view().darkProperty().set(false));

        FxThread.run(() -> {
            w.stage().setWidth(1280);
            w.stage().setHeight(720);
            w.view().presenter().scaleProperty().set(1.5);
            w.view().presenter().onProperty().set(true);
        });
        FxThread.sleep(2000);
        ScreenshotTour.shoot(w, out.resolve("predictions-confusion-presenter-1280x720.png"));
        FxThread.run(() -> {
            w.view().presenter().onProperty().set(false);
            w.stage().setWidth(1600);
            w.stage().setHeight(1000);
        });

        if (args.length > 2) {
            open(w, Path.of(args[2]));
            ScreenshotTour.waitFor(() -> FxThread.call(() -> !confusion.messageProperty().get().isEmpty()), 60_000);
            FxThread.sleep(1500);
            ScreenshotTour.shoot(w, out.resolve("predictions-confusion-old-folder.png"));
        }
        System.out.println("last error: " + w.lastError());
        ScreenshotTour.closeAndExit(w);
    }

    /** Trains the demo in the window, shooting the tab during the run and at its end. */
    private static void live(Path out) throws Exception {
        Files.createDirectories(out);
        FxThread.startPlatform();
        Path runs = Files.createTempDirectory("st-confusion-live");
        WorkbenchWindow w = openOnPredictions(runs);
        var entry = FxThread.call(() -> w.vm().runCurrentConfig());
        FxThread.run(() -> w.view().tabs().getSelectionModel().select(WorkbenchView.PREDICTIONS_TAB));
        ScreenshotTour.waitFor(() -> FxThread.call(() -> entry.session().history().evals().size() >= 5), 600_000);
        FxThread.sleep(600);
        ScreenshotTour.shoot(w, out.resolve("predictions-confusion-live.png"));
        ScreenshotTour.waitFor(() -> FxThread.call(() -> !entry.getStatus().active()), 1_200_000);
        ScreenshotTour.waitFor(() -> FxThread.call(() -> w.vm().predictions().confusion().getExamples() != null),
                120_000);
        FxThread.sleep(1500);
        ScreenshotTour.shoot(w, out.resolve("predictions-confusion-live-end.png"));
        System.out.println("run in " + entry.getFolder() + "; last error: " + w.lastError());
        ScreenshotTour.closeAndExit(w);
    }

    /**
     * "One image" of a finished run: the most-confused image {@code index} inside the supernet and the ticket, at
     * 1600x1000, with the ticket's maps, in the dark theme and at 1280x720.
     */
    private static void inside(Path run, Path out, int index) throws Exception {
        Files.createDirectories(out);
        FxThread.startPlatform();
        WorkbenchWindow w = openOnPredictions(Files.createTempDirectory("st-inside-shot"));
        open(w, run);
        var inside = w.vm().predictions().inside();
        FxThread.run(() -> w.vm().predictions().lookInside(index));
        ScreenshotTour.waitFor(() -> FxThread.call(() -> inside.getFrame() != null
                && inside.getFrame().ticket() != null && !inside.busyProperty().get()), 120_000);
        FxThread.sleep(1500);
        ScreenshotTour.shoot(w, out.resolve("predictions-one-image.png"));
        FxThread.run(() -> inside.mapsOfTicketProperty().set(true));
        FxThread.sleep(1000);
        ScreenshotTour.shoot(w, out.resolve("predictions-one-image-ticket.png"));
        FxThread.run(() -> w.view().darkProperty().set(true));
        FxThread.sleep(1000);
        ScreenshotTour.shoot(w, out.resolve("predictions-one-image-dark.png"));
        FxThread.run(() -> {
            w.view().darkProperty().set(false);
            w.stage().setWidth(1280);
            w.stage().setHeight(720);
        });
        FxThread.sleep(1500);
        ScreenshotTour.shoot(w, out.resolve("predictions-one-image-1280x720.png"));
        System.out.println("last error: " + w.lastError());
        ScreenshotTour.closeAndExit(w);
    }

    /** Trains the demo in the window with "One image" on screen, shooting it while the run goes on. */
    private static void insideLive(Path out) throws Exception {
        Files.createDirectories(out);
        FxThread.startPlatform();
        WorkbenchWindow w = openOnPredictions(Files.createTempDirectory("st-inside-live"));
        var entry = FxThread.call(() -> w.vm().runCurrentConfig());
        FxThread.run(() -> {
            w.view().tabs().getSelectionModel().select(WorkbenchView.PREDICTIONS_TAB);
            w.vm().predictions().lookInside(10);
        });
        var inside = w.vm().predictions().inside();
        ScreenshotTour.waitFor(() -> FxThread.call(() -> entry.session().history().evals().size() >= 5
                && inside.getFrame() != null), 600_000);
        FxThread.sleep(1500);
        ScreenshotTour.shoot(w, out.resolve("predictions-one-image-live.png"));
        System.out.println("shown: " + FxThread.call(() -> inside.getFrame().supernet().caption()) + " while "
                + FxThread.call(() -> entry.session().history().evals().size()) + " evaluations were in");
        ScreenshotTour.waitFor(() -> FxThread.call(() -> !entry.getStatus().active()), 1_200_000);
        ScreenshotTour.waitFor(() -> FxThread.call(() -> inside.getFrame() != null
                && inside.getFrame().ticket() != null), 120_000);
        FxThread.sleep(1500);
        ScreenshotTour.shoot(w, out.resolve("predictions-one-image-live-end.png"));
        System.out.println("last error: " + w.lastError());
        ScreenshotTour.closeAndExit(w);
    }

    /** The window at 1600x1000 on the Predictions tab, the demo config open, its runs going to {@code runs}. */
    private static WorkbenchWindow openOnPredictions(Path runs) throws Exception {
        WorkbenchWindow w = ScreenshotTour.openWindow(Path.of("sample-configs/demo.json"), runs,
                WorkbenchView.PREDICTIONS_TAB);
        FxThread.run(() -> {
            w.stage().setWidth(1600);
            w.stage().setHeight(1000);
        });
        return w;
    }

    /** Opens a run folder and shows it on the Predictions tab once its end has been read. */
    private static void open(WorkbenchWindow w, Path run) {
        int before = FxThread.call(() -> w.vm().runs().entries().size());
        FxThread.run(() -> w.vm().runs().openFolder(run));
        ScreenshotTour.waitFor(() -> FxThread.call(() -> w.vm().runs().entries().size() > before), 60_000);
        ScreenshotTour.waitFor(() -> FxThread.call(() -> w.vm().runs().getSelected() != null
                && w.vm().runs().getSelected().session().history().finished() != null), 120_000);
        FxThread.run(() -> w.view().tabs().getSelectionModel().select(WorkbenchView.PREDICTIONS_TAB));
    }
}
