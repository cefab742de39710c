package org.supertickets.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ui.WorkbenchWindow;
import org.supertickets.ui.runqueue.LocalRunLauncher;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunStatus;
import org.supertickets.ui.runqueue.SlurmSweepsViewModel;

/**
 * Takes the README/docs screenshots of every view during a real quickstart run (run under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.supertickets.tools.ScreenshotTour}).
 * Arguments: output folder (default docs/screenshots), runs folder (default a temp folder).
 * With {@code --compare [--dark] OUT RUN_OR_FOLDER...} it only shoots the Compare tab and the ticket diff of
 * finished runs (a folder that is not itself a run adds every run under it), without training. With
 * {@code --designer OUT} it only shoots the designer's live preview after edits (stem widened, then undone; a
 * bad value, then fixed), which must always describe the config on screen.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        if (args.length > 1 && args[0].equals("--designer")) {
            designerOnly(Path.of(args[1]));
            return;
        }
        if (args.length > 3 && args[0].equals("--slurm")) {
            slurmOnly(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            return;
        }
        if (args.length > 1 && args[0].equals("--demo")) {
            demoOnly(Path.of(args[1]));
            return;
        }
        if (args.length > 0 && args[0].equals("--compare")) {
            boolean dark = args.length > 1 && args[1].equals("--dark");
            int first = dark ? 2 : 1;
            compareOnly(Path.of(args[first]), java.util.Arrays.stream(args, first + 1, args.length).map(Path::of)
                    .toList(), dark);
            return;
        }
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path runs = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("st-tour-runs");
        Files.createDirectories(out);
        FxThread.startPlatform();
        // Optional third argument: another config (e.g. a shorter one on a busy machine).
        Path config = Path.of(args.length > 2 ? args[2] : "sample-configs/quickstart.json");
        WorkbenchWindow w = openWindow(config, runs, 0);
        FxThread.sleep(1500);
        shoot(w, out.resolve("designer.png"));

        // A validation problem shown on its field, then undone.
        FxThread.run(() -> w.vm().designer().toggleKernel(0, 3));
        FxThread.run(() -> w.vm().designer().toggleKernel(0, 5));
        FxThread.run(() -> w.vm().designer().toggleKernel(0, 7));
        FxThread.run(() -> w.vm().designer().set("training.epochs", 2));
        FxThread.sleep(600);
        shoot(w, out.resolve("designer-validation.png"));
        FxThread.run(() -> {
            for (int i = 0; i < 4; i++) {
                w.vm().designer().undo();
            }
        });

        // Planned curves before the run starts.
        FxThread.run(() -> w.view().tabs().getSelectionModel().select(2));
        FxThread.sleep(800);
        shoot(w, out.resolve("monitor-planned.png"));

        RunEntry entry = FxThread.call(() -> w.vm().runCurrentConfig());
        FxThread.run(() -> w.vm().graph().selectLayer("blocks.1.dw.k5"));
        waitFor(() -> FxThread.call(() -> w.vm().timeline().countProperty().get() >= 3), 600_000);
        FxThread.sleep(1500);
        shoot(w, out.resolve("monitor-live.png"));
        FxThread.run(() -> w.view().tabs().getSelectionModel().select(1));
        FxThread.sleep(500);
        shoot(w, out.resolve("runs.png"));
        FxThread.run(() -> w.view().tabs().getSelectionModel().select(2));

        waitFor(() -> FxThread.call(() -> !entry.getStatus().active()), 1_200_000);
        FxThread.sleep(1500);
        FxThread.run(() -> w.view().heatmapView().zoomTo(9));
        FxThread.sleep(300);
        shoot(w, out.resolve("monitor-finished.png"));
        shoot(w.view().graphView(), out.resolve("graph.png"));
        shoot(w.view().heatmapView(), out.resolve("heatmap.png"));

        // Scrub back to the middle of the run.
        FxThread.run(() -> w.vm().timeline().select(w.vm().timeline().countProperty().get() / 2));
        FxThread.sleep(800);
        shoot(w, out.resolve("monitor-scrubbed.png"));

        FxThread.run(() -> w.view().darkProperty().set(true));
        FxThread.sleep(800);
        shoot(w, out.resolve("monitor-dark.png"));
        FxThread.run(() -> w.view().darkProperty().set(false));

        if (entry.getStatus() == RunStatus.COMPLETED) {
            FxThread.run(() -> {
                w.vm().ticket().open(entry.getFolder());
                w.view().tabs().getSelectionModel().select(3);
            });
            waitFor(() -> FxThread.call(() -> w.vm().ticket().loadedProperty().get() != null), 30_000);
            FxThread.run(() -> w.vm().ticket().graph().selectLayer("blocks.2.expand"));
            FxThread.sleep(1200);
            shoot(w, out.resolve("ticket.png"));
        } else {
            System.out.println("run ended " + entry.getStatus() + ": " + entry.messageProperty().get());
        }
        System.out.println("screenshots in " + out.toAbsolutePath() + ", run in " + entry.getFolder());
        closeAndExit(w);
    }

    /**
     * Shoots File ▸ New demo in step mode at a projector's 1280×720: the run waiting at its first architecture step
     * and at a pruning event, each with its explanation, then the finished run.
     */
    static void demoOnly(Path out) throws Exception {
        Files.createDirectories(out);
        FxThread.startPlatform();
        WorkbenchWindow w = openWindow(Path.of("sample-configs/quickstart.json"),
                Files.createTempDirectory("st-tour-runs"), 2);
        FxThread.run(() -> {
            w.stage().setWidth(1280);
            w.stage().setHeight(720);
        });
        var step = w.vm().stepMode();
        FxThread.run(() -> w.vm().demo().start(Path.of(org.supertickets.ui.teaching.DemoStarter.DEMO), true));
        boolean shrinkShot = false;
        boolean pruneShot = false;
        while (!(shrinkShot && pruneShot)) {
            waitFor(() -> FxThread.call(() -> step.waitingProperty().get()), 1_200_000);
            FxThread.sleep(1200);
            var event = FxThread.call(() -> step.shownProperty().get().event());
            if (event instanceof org.supertickets.train.ShrinkEvent && !shrinkShot) {
                shoot(w, out.resolve("demo-step-shrink.png"));
                shrinkShot = true;
            } else if (event instanceof org.supertickets.train.PruneEvent p && p.index() >= 3 && !pruneShot) {
                shoot(w, out.resolve("demo-step-prune.png"));
                pruneShot = true;
            }
            FxThread.run(step::next);
        }
        FxThread.run(step::runOn);
        RunEntry entry = FxThread.call(() -> w.vm().runs().getSelected());
        waitFor(() -> FxThread.call(() -> !entry.getStatus().active()), 1_200_000);
        FxThread.sleep(1500);
        shoot(w, out.resolve("demo-finished.png"));
        System.out.println("demo run in " + entry.getFolder());
        closeAndExit(w);
    }

    /** Shoots the designer after edits, to check that its preview follows each edit at once. */
    static void designerOnly(Path out) throws Exception {
        Files.createDirectories(out);
        FxThread.startPlatform();
        WorkbenchWindow w = openWindow(Path.of("sample-configs/quickstart.json"),
                Files.createTempDirectory("st-tour-runs"), 0);
        var designer = w.vm().designer();
        FxThread.sleep(1200);
        FxThread.run(() -> designer.set("stem.channels", 12));
        FxThread.sleep(600);
        shoot(w, out.resolve("designer-stem-12.png"));
        FxThread.run(designer::undo);
        FxThread.sleep(600);
        shoot(w, out.resolve("designer-stem-8-undone.png"));
        FxThread.run(() -> designer.set("training.batchSize", 0));
        FxThread.sleep(600);
        shoot(w, out.resolve("designer-invalid.png"));
        FxThread.run(() -> designer.set("training.batchSize", 64));
        FxThread.sleep(600);
        shoot(w, out.resolve("designer-fixed.png"));
        System.out.println("last error: " + w.lastError());
        closeAndExit(w);
    }

    /** Shoots the Compare tab (table, plots, curves) and the ticket diff of finished runs. */
    static void compareOnly(Path out, java.util.List<Path> runs, boolean dark) throws Exception {
        Files.createDirectories(out);
        FxThread.startPlatform();
        WorkbenchWindow w = openWindow(Path.of("sample-configs/quickstart.json"),
                Files.createTempDirectory("st-tour-runs"), 4);
        FxThread.run(() -> w.view().darkProperty().set(dark));
        var compare = w.vm().compare();
        for (Path p : runs) {
            boolean run = Files.isRegularFile(p.resolve("config.json"))
                    || org.supertickets.pipeline.PipelineIo.isPipeline(p);
            int before = FxThread.call(() -> compare.runs().size());
            FxThread.run(() -> {
                if (run) {
                    compare.add(java.util.List.of(p));
                } else {
                    compare.addAllUnder(p);
                }
            });
            waitFor(() -> FxThread.call(() -> !compare.busyProperty().get()), 120_000);
            System.out.println(p + ": " + (FxThread.call(() -> compare.runs().size()) - before) + " runs added");
        }
        var view = w.view().compareView();
        FxThread.sleep(1200);
        shoot(w, out.resolve("compare.png"));
        FxThread.run(() -> view.sections().getSelectionModel().select(1));
        FxThread.sleep(1000);
        shoot(w, out.resolve("compare-curves.png"));
        // The diff of two different methods shows more than two seeds of one: the first run, and the first run
        // of another method.
        FxThread.run(() -> {
            var rows = view.table().getItems();
            int other = 1;
            for (int i = rows.size() - 1; i > 0; i--) {
                if (!rows.get(i).summary().method().equals(rows.get(0).summary().method())) {
                    other = i;
                }
            }
            view.table().getSelectionModel().selectIndices(0, other);
            view.sections().getSelectionModel().select(2);
        });
        waitFor(() -> FxThread.call(() -> compare.diff().getDiff() != null), 60_000);
        FxThread.run(() -> {
            var changed = compare.diff().changedLayersProperty().get();
            compare.diff().selectLayer(changed.isEmpty() ? null : changed.iterator().next());
        });
        FxThread.sleep(1200);
        shoot(w, out.resolve("compare-diff.png"));
        FxThread.run(() -> view.sections().getSelectionModel().select(3));
        FxThread.sleep(800);
        shoot(w, out.resolve("compare-methods.png"));
        System.out.println("last error: " + w.lastError());
        closeAndExit(w);
    }

    /**
     * The Runs tab following a Slurm array already submitted into {@code runs} ({@code --slurm OUT CONFIG RUNS}):
     * the first point is opened with the panel's Open (so the run queue follows its folder) and selected.
     */
    private static void slurmOnly(Path outDir, Path config, Path runs) throws Exception {
        Files.createDirectories(outDir);
        FxThread.startPlatform();
        WorkbenchWindow w = openWindow(config, runs, 1);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<SlurmSweepsViewModel.Row> table = FxThread.call(() ->
                (javafx.scene.control.TableView<SlurmSweepsViewModel.Row>) w.stage().getScene()
                        .lookup("#slurm-sweeps-table"));
        // a point whose task has started its run (the panel reads Slurm every 10 s)
        waitFor(() -> FxThread.call(() -> table.getItems().stream().anyMatch(r -> r.runFolder() != null)), 600_000);
        int row = FxThread.call(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).runFolder() != null) {
                    return i;
                }
            }
            return 0;
        });
        FxThread.run(() -> {
            table.getSelectionModel().select(row);
            ((javafx.scene.control.Button) w.stage().getScene().lookup("#slurm-open")).fire();
        });
        waitFor(() -> FxThread.call(() -> !w.vm().runs().entries().isEmpty()), 60_000);
        FxThread.sleep(4000); // a few lines of the followed run
        FxThread.run(() -> {
            w.view().tabs().getSelectionModel().select(1);
            table.getSelectionModel().select(row);
        });
        FxThread.sleep(1500);
        shoot(w, outDir.resolve("runs-slurm.png"));
        FxThread.run(() -> w.view().tabs().getSelectionModel().select(2));
        FxThread.sleep(1500);
        shoot(w, outDir.resolve("monitor-slurm.png"));

        // Run > Submit sweep... with Slurm options: the script shown before anything is submitted
        SearchSpaceConfig resolved = org.supertickets.space.ConfigIo.loadResolved(config);
        FxThread.run(() -> {
            org.supertickets.ui.sweep.SubmitSweepViewModel sweep = new org.supertickets.ui.sweep.SubmitSweepViewModel(
                    w.runner(), null, runs);
            org.supertickets.ui.sweep.SubmitSweepDialog.show(w.stage(), sweep, resolved, null, said -> { });
            sweep.gridProperty().set("seed=1,2\npruning.targetSparsity=0.5,0.75");
            sweep.timeProperty().set("00:30:00");
            sweep.cpusPerTaskProperty().set("4");
            sweep.gpusPerTaskProperty().set("1");
            sweep.memProperty().set("8G");
        });
        FxThread.sleep(3000);
        javafx.stage.Window dialog = FxThread.call(() -> javafx.stage.Window.getWindows().stream()
                .filter(x -> x != w.stage() && x.isShowing()).findFirst().orElseThrow());
        shoot(dialog.getScene().getRoot(), outDir.resolve("submit-sweep.png"));
        closeAndExit(w);
    }

    /** A workbench window of the screenshots' size with fresh preferences, on a tab. */
    static WorkbenchWindow openWindow(Path config, Path runs, int tab) throws Exception {
        SearchSpaceConfig raw = ConfigIo.read(config);
        Preferences prefs = Preferences.userRoot().node("supertickets-tour");
        prefs.clear();
        WorkbenchWindow w = FxThread.call(() -> {
            Stage stage = new Stage();
            return WorkbenchWindow.open(stage, raw, config, runs, new LocalRunLauncher(), prefs, false);
        });
        FxThread.run(() -> {
            w.stage().setX(0);
            w.stage().setY(0);
            w.stage().setWidth(1560);
            w.stage().setHeight(960);
            w.view().tabs().getSelectionModel().select(tab);
        });
        return w;
    }

    static void waitFor(BooleanSupplier condition, long timeoutMs) {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("timed out");
            }
            FxThread.sleep(250);
        }
    }

    static void shoot(WorkbenchWindow w, Path file) throws IOException {
        shoot(w.stage().getScene().getRoot(), file);
    }

    static void shoot(Node node, Path file) throws IOException {
        WritableImage image = FxThread.call(() -> node.snapshot(null, null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        // Opaque RGB keeps the PNG small (no alpha channel).
        BufferedImage rgb = new BufferedImage(buffered.getWidth(), buffered.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(buffered, 0, 0, null);
        ImageIO.write(rgb, "png", file.toFile());
        System.out.println("wrote " + file + " (" + Files.size(file) / 1024 + " KB)");
    }

    /** Closes a tour's window, stops JavaFX and ends the program (every tour's last step). */
    static void closeAndExit(WorkbenchWindow w) {
        FxThread.run(() -> {
            w.dispose();
            w.stage().close();
        });
        Platform.exit();
        System.exit(0);
    }
}
