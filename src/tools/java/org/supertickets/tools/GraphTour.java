package org.supertickets.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.report.ComparisonCharts;
import org.supertickets.run.RunSummary;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.LayerShape;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.RunStarted;
import org.supertickets.train.SnapshotBuilder;
import org.supertickets.train.StepMetrics;
import org.supertickets.ui.WorkbenchWindow;

/**
 * Screenshots of the first seconds of a run (charts with one point) and of the connectivity graph after the
 * search removed channels, at a window size, without training: the quickstart supernet with a made-up shrink
 * and prune (run under Xvfb: {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.supertickets.tools.GraphTour -Dexec.args="OUT WIDTH HEIGHT"}).
 */
public final class GraphTour {

    private GraphTour() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1600;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        String size = width + "x" + height;
        Files.createDirectories(out);
        Path config = Path.of("sample-configs/quickstart.json");
        SearchSpaceConfig resolved = ConfigIo.read(config);
        Architecture supernet = Architecture.supernet(resolved);
        ConnectivitySnapshot start = snapshot(supernet, 0, 0, "start", 1.0, 0, false);
        ConnectivitySnapshot later = snapshot(supernet, 300, 3.5, "prune", 0.45, 3, true);

        FxThread.startPlatform();
        WorkbenchWindow w = ScreenshotTour.openWindow(config, Files.createTempDirectory("st-graph-tour"), 2);
        FxThread.run(() -> {
            w.stage().setWidth(width);
            w.stage().setHeight(height);
        });
        FxThread.run(() -> {
            w.vm().monitor().accept(List.of(started(supernet),
                    new StepMetrics(10, 0.02, 2.3, 0.1, 0.1328125, 0.0, 1.0, 900),
                    new EvalMetrics(10, 0.02, 2.3, 0.1, 0, 0, supernet.macs(), supernet.macs(), supernet.macs(),
                            supernet.params(), supernet.params(), 0, 0, 0)));
            w.vm().timeline().reset(List.of(start));
        });
        FxThread.sleep(1500);
        ScreenshotTour.shoot(w, out.resolve("first-point-" + size + ".png"));

        FxThread.run(() -> {
            w.vm().timeline().reset(List.of(start, later));
            w.vm().timeline().select(1);
            w.vm().graph().selectLayer("blocks.0.expand");
        });
        FxThread.sleep(1500);
        ScreenshotTour.shoot(w, out.resolve("graph-shrunk-" + size + ".png"));
        // A tall 1x1 layer (144 outputs x 24 inputs), and a depthwise layer folded to one column.
        FxThread.run(() -> w.vm().graph().selectLayer("blocks.2.expand"));
        FxThread.sleep(1000);
        ScreenshotTour.shoot(w.view().heatmapView(), out.resolve("heatmap-expand-" + size + ".png"));
        FxThread.run(() -> {
            w.vm().heatmap().foldedProperty().set(true);
            w.vm().graph().selectLayer("blocks.2.dw.k3");
        });
        FxThread.sleep(1000);
        ScreenshotTour.shoot(w.view().heatmapView(), out.resolve("heatmap-dw-folded-" + size + ".png"));
        FxThread.run(() -> w.vm().graph().selectLayer("blocks.0.expand"));
        navigate(w, out, size);

        RunSummary one = new RunSummary("quickstart", "supertickets", "fashion-mnist", 1, 0.8125, 0.5, 0.5,
                supernet.macs(), supernet.macs() / 2, supernet.params(), supernet.macs(), 1e12, 30, "s");
        ComparisonCharts.savePng(ComparisonCharts.accuracyVsMacs(List.of(one)),
                out.resolve("compare-one-run-macs.png").toFile());
        ScreenshotTour.closeAndExit(w);
    }

    /** The graph zoomed in on a block, then in the column-per-block layout. */
    private static void navigate(WorkbenchWindow w, Path out, String size) throws Exception {
        var canvas = w.view().graphView().canvas();
        FxThread.run(() -> {
            var at = canvas.centreOf("blocks.1.expand");
            canvas.zoomBy(2.2, at.getX(), at.getY());
        });
        FxThread.sleep(800);
        ScreenshotTour.shoot(w.view().graphView(), out.resolve("graph-zoomed-" + size + ".png"));
        FxThread.run(() -> w.vm().graph().columnsProperty().set(true));
        FxThread.sleep(800);
        ScreenshotTour.shoot(w.view().graphView(), out.resolve("graph-columns-" + size + ".png"));
    }

    private static RunStarted started(Architecture supernet) {
        return new RunStarted(0, 0, 504, 84, 84, 84, "cpu()", "PyTorch", supernet, supernet.macs(),
                supernet.params(), 6000, 600, 2000, false);
    }

    /**
     * The supernet with each depthwise branch kept at {@code keep} of its channels (block 1's 5×5 branch
     * removed when {@code shrink}), and every {@code prunePeriod}-th weight masked (0 = none).
     */
    private static ConnectivitySnapshot snapshot(Architecture supernet, long step, double epoch, String reason,
            double keep, int prunePeriod, boolean shrink) {
        Architecture arch = supernet;
        if (shrink) {
            List<BlockState> blocks = new ArrayList<>();
            for (BlockState b : supernet.blocks()) {
                List<BranchState> branches = new ArrayList<>();
                for (BranchState br : b.branches()) {
                    boolean removed = b.index() == 1 && br.kernelSize() == 5;
                    int kept = removed ? 0 : Math.max(1, (int) Math.round(br.maxChannels()
                            * (br.kernelSize() == 3 ? 0.95 : keep)));
                    branches.add(br.withHiddenChannels(kept));
                }
                blocks.add(b.withBranches(branches));
            }
            arch = supernet.withBlocks(blocks);
        }
        NetworkState state = NetworkInitializer.initialize(arch, 3);
        if (prunePeriod > 0) {
            Map<String, HostTensor> masks = new HashMap<>();
            for (LayerShape layer : arch.layers()) {
                if (!layer.prunable()) {
                    continue;
                }
                HostTensor weights = state.tensor(TensorNames.weight(layer.name()));
                float[] m = new float[weights.size()];
                for (int i = 0; i < m.length; i++) {
                    m[i] = i % prunePeriod == 0 ? 1f : 0f;
                }
                masks.put(TensorNames.mask(layer.name()), new HostTensor(m, weights.shape()));
            }
            state = state.withTensors(masks);
        }
        ConnectivitySnapshot s = SnapshotBuilder.build(state, step, epoch, reason, true);
        List<LayerSnapshot> layers = s.layers();
        return new ConnectivitySnapshot(step, epoch, reason, arch, layers);
    }
}
