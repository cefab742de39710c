package org.supertickets.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.supertickets.prune.MaskCodec;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.LayerKind;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.TrainingThreadPriority;
import org.supertickets.ui.WorkbenchWindow;
import org.supertickets.ui.heatmap.HeatmapData;
import org.supertickets.ui.heatmap.HeatmapView;
import org.supertickets.ui.heatmap.HeatmapViewModel;
import org.supertickets.ui.monitor.ChartRedrawBenchmark;
import org.supertickets.ui.runqueue.LocalRunLauncher;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.task.TaskRunner;

/**
 * Measures, during a real training run, the longest stall of the FX thread (gaps between pulses, with an
 * AnimationTimer keeping pulses coming), the redraw time of the connectivity graph and of the monitor, and the
 * decode and redraw time of a 1M-weight heatmap, a live chart's update cost from 1 k to 1 M points of history,
 * and the time from starting a JVM to the workbench's first frame ({@link ColdStart}). Run under Xvfb:
 * {@code xvfb-run -a java -cp target/classes:target/test-classes:... org.supertickets.tools.UiBenchmark
 * [config.json] [epochs]}.
 */
public final class UiBenchmark {

    private UiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        Path configFile = Path.of(args.length > 0 ? args[0] : "sample-configs/quickstart.json");
        SearchSpaceConfig config = ConfigResolver.resolve(ConfigIo.read(configFile));
        if (args.length > 1) {
            config = config.withTraining(config.training().withEpochs(Integer.parseInt(args[1])));
        }
        SearchSpaceConfig runConfig = config;
        Path runs = Files.createTempDirectory("st-bench-runs");
        int starts = Integer.getInteger("coldStarts", 4);
        List<String> coldStarts = new ArrayList<>(ColdStart.measure(starts));
        // The packaged app starts from a class-data-sharing archive (app.ClassDataSharing): timed when built.
        Path packaged = Path.of(System.getProperty("coldStartJar", "target/supertickets-workbench.jar"));
        if (starts > 0 && Files.isRegularFile(packaged)) {
            coldStarts.addAll(ColdStart.measurePackaged(starts, packaged));
        }
        FxThread.startPlatform();
        List<String> chartUpdates = FxThread.call(() -> ChartRedrawBenchmark.measure(chart -> {
            Stage s = new Stage();
            s.setScene(new Scene(new ChartViewer(chart), 800, 300));
            s.show();
            return () -> { };
        }, 1_000, 10_000, 100_000, 1_000_000));
        Preferences prefs = Preferences.userRoot().node("supertickets-bench");
        prefs.clear();
        WorkbenchWindow w = FxThread.call(() -> WorkbenchWindow.open(new Stage(), runConfig, null, runs,
                new LocalRunLauncher(), prefs, false));
        FxThread.run(() -> w.vm().graph().selectLayer("blocks.1.expand"));
        // -DbackgroundTraining=false measures the window as it was before training yielded the CPU to it.
        boolean background = Boolean.parseBoolean(System.getProperty("backgroundTraining", "true"));
        TrainingThreadPriority.useBackgroundPriority(background);

        List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        long[] last = {0};
        boolean[] measuring = {false};
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (measuring[0] && last[0] != 0) {
                    gaps.add(t - last[0]);
                }
                last[0] = t;
            }
        };
        FxThread.run(pulses::start);
        StallSampler stalls = new StallSampler(FxThread.call(Thread::currentThread), () -> last[0], 40);
        // -DstepMode=true: the demo as a teacher runs it, in step mode, with Next pressed as soon as a step waits
        // (a teacher's talking time is not the workbench's).
        boolean stepMode = Boolean.getBoolean("stepMode");
        FxThread.run(() -> w.vm().stepMode().enabledProperty().set(stepMode));
        RunEntry entry = FxThread.call(() -> w.vm().runCurrentConfig());
        if (entry == null) {
            throw new IllegalArgumentException("the config cannot run: " + w.lastError());
        }
        FxThread.run(() -> w.view().tabs().getSelectionModel().select(2));
        // Measure from the first training step on (engine start and data loading are a background task too,
        // but the interesting load is the training thread competing for the 2 cores).
        ScreenshotTour.waitFor(() -> FxThread.call(() -> entry.progressProperty().get() > 0), 600_000);
        measuring[0] = true;
        stalls.start();
        List<Long> graphPaints = new ArrayList<>();
        List<Long> monitorRefresh = new ArrayList<>();
        long runStart = System.nanoTime();
        int[] pauses = new int[1];
        while (FxThread.call(() -> entry.getStatus().active())) {
            if (stepMode) {
                FxThread.sleep(20);
                if (FxThread.call(() -> w.vm().stepMode().waitingProperty().get())) {
                    FxThread.run(() -> w.vm().stepMode().next());
                    pauses[0]++;
                }
                continue;
            }
            FxThread.sleep(2000);
            graphPaints.add(FxThread.call(() -> {
                long t0 = System.nanoTime();
                w.view().graphView().canvas().paint();
                return System.nanoTime() - t0;
            }));
            monitorRefresh.add(FxThread.call(() -> w.view().monitorView().lastRefreshNanos()));
        }
        measuring[0] = false;
        stalls.stop();
        double runSeconds = (System.nanoTime() - runStart) / 1e9;
        if (stepMode) {
            System.out.printf(Locale.ROOT, "step mode: %d pauses, each ended by Next as soon as it came%n",
                    pauses[0]);
        }
        FxThread.run(pulses::stop);

        // A 1M-weight layer: 1024x1024 1x1 conv at 70% sparsity, with a previous snapshot for the diff.
        int rows = 1024;
        int cols = 1024;
        LayerSnapshot big = bigLayer(rows, cols, 1);
        LayerSnapshot before = bigLayer(rows, cols, 2);
        long d0 = System.nanoTime();
        HeatmapData data = HeatmapData.of(big, before, false);
        long decode = System.nanoTime() - d0;
        TaskRunner runner = TaskRunner.create(Platform::runLater);
        HeatmapViewModel hvm = new HeatmapViewModel(runner);
        HeatmapView view = FxThread.call(() -> {
            HeatmapView v = new HeatmapView(hvm);
            Stage s = new Stage();
            s.setScene(new Scene(v, 900, 700));
            s.show();
            return v;
        });
        ConnectivitySnapshot now = new ConnectivitySnapshot(1, 1, "prune", null, List.of(big));
        ConnectivitySnapshot prev = new ConnectivitySnapshot(0, 0, "prune", null, List.of(before));
        FxThread.run(() -> hvm.show(big.name(), now, prev));
        ScreenshotTour.waitFor(() -> FxThread.call(() -> hvm.getData() != null), 60_000);
        List<Long> fit = new ArrayList<>();
        List<Long> zoomed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fit.add(FxThread.call(() -> {
                view.zoomTo(Double.NaN);
                long t0 = System.nanoTime();
                view.paint();
                return System.nanoTime() - t0;
            }));
            zoomed.add(FxThread.call(() -> {
                view.zoomTo(8);
                return view.lastRenderNanos();
            }));
        }

        Collections.sort(gaps);
        long max = gaps.isEmpty() ? 0 : gaps.get(gaps.size() - 1);
        long p99 = gaps.isEmpty() ? 0 : gaps.get((int) (gaps.size() * 0.99));
        System.out.println("=== UI benchmark (" + configFile + ", " + runConfig.training().epochs() + " epochs) ===");
        System.out.printf(Locale.ROOT, "run: %s in %.1f s of training (%s priority), %d pulses measured%n",
                entry.getStatus(), runSeconds, background ? "background" : "normal", gaps.size());
        System.out.printf(Locale.ROOT, "FX pulse gap: max %.1f ms, p99 %.1f ms, median %.1f ms%n", max / 1e6,
                p99 / 1e6, gaps.isEmpty() ? 0 : gaps.get(gaps.size() / 2) / 1e6);
        System.out.printf(Locale.ROOT, "graph repaint: median %.2f ms, max %.2f ms (%d samples)%n",
                median(graphPaints) / 1e6, maxOf(graphPaints) / 1e6, graphPaints.size());
        System.out.printf(Locale.ROOT, "monitor dataset refresh: max %.2f ms%n", maxOf(monitorRefresh) / 1e6);
        System.out.printf(Locale.ROOT, "1M-weight heatmap: decode+diff %.1f ms (background); paint fit-to-view "
                + "median %.1f ms, max %.1f ms; paint zoomed 8 px/weight with markers median %.1f ms%n",
                decode / 1e6, median(fit) / 1e6, maxOf(fit) / 1e6, median(zoomed) / 1e6);
        stalls.report().forEach(System.out::println);
        chartUpdates.forEach(System.out::println);
        coldStarts.forEach(System.out::println);
        System.out.println("cells " + data.rows() + "x" + data.cols() + ", reactivated " + data.reactivated()
                + ", newly pruned " + data.newlyPruned());
        FxThread.run(() -> {
            w.dispose();
            runner.shutdown();
        });
        Platform.exit();
        System.exit(0);
    }

    private static LayerSnapshot bigLayer(int rows, int cols, long seed) {
        int n = rows * cols;
        SplittableRandom r = new SplittableRandom(seed);
        float[] mask = new float[n];
        float[] weights = new float[n];
        SplittableRandom wr = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            weights[i] = (float) wr.nextGaussian();
            mask[i] = r.nextDouble() < 0.3 ? 1f : 0f;
        }
        float scale = MaskCodec.scaleOf(weights);
        return new LayerSnapshot("bench.big", LayerKind.PROJECT, new long[] {rows, cols, 1, 1}, n, n / 3, n, n / 3,
                null, null, MaskCodec.encodeMask(mask), MaskCodec.encodeWeights(weights, scale), scale);
    }

    private static double median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double maxOf(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
