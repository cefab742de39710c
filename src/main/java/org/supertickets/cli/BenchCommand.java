package org.supertickets.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.supertickets.data.DatasetException;
import org.supertickets.run.PreparedTrainingData;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.CheckpointStore;
import org.supertickets.train.DeviceChoice;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingEvent;
import org.supertickets.train.TrainingListener;
import org.supertickets.train.TwoInOneTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench CONFIG}: training throughput after a warm-up, and the share of run time spent on search and
 * pruning bookkeeping (architecture steps, pruning events, snapshots) versus training steps and evaluation.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training throughput (images/s) and the cost of search + pruning bookkeeping.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CONFIG", description = "search-space config (JSON)")
    Path config;

    @Option(names = "--steps", defaultValue = "200", description = "measured steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "30", description = "warm-up steps not measured "
            + "(default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "override training.device")
    String device;

    @Override
    public Integer call() {
        SearchSpaceConfig resolved;
        PreparedTrainingData data;
        Device chosen;
        try {
            resolved = ConfigIo.loadResolved(config);
            data = PreparedTrainingData.load(resolved);
            chosen = DeviceChoice.choose(device == null ? resolved.training().device() : device,
                    Engine.getInstance().getGpuCount());
        } catch (ConfigException | DatasetException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        int windowSteps = 10;
        long stopAt = (long) Math.ceil((warmup + steps) / (double) windowSteps) * windowSteps;
        TrainingControl control = new TrainingControl();
        List<StepMetrics> windows = new ArrayList<>();
        TrainingListener listener = (TrainingEvent e) -> {
            if (e instanceof StepMetrics m) {
                if (m.step() > warmup) {
                    windows.add(m);
                }
                if (m.step() >= stopAt) {
                    control.cancel();
                }
            }
        };
        TwoInOneTrainer trainer = new TwoInOneTrainer(resolved, ConfigIo.hash(resolved), data, chosen, listener,
                control, CheckpointStore.NONE);
        long t0 = System.nanoTime();
        trainer.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        TwoInOneTrainer.Timings t = trainer.timings();
        double imagesPerSecond = windows.stream().mapToDouble(StepMetrics::imagesPerSecond).sorted()
                .skip(windows.size() / 2).findFirst().orElse(Double.NaN);
        double trainS = t.trainNanos() / 1e9;
        double bookkeeping = (t.searchNanos() + t.pruneNanos()) / 1e9;
        double eval = t.evalNanos() / 1e9;
        System.out.printf(Locale.ROOT, "bench %s on %s (%s), batch %d, %d steps after %d warm-up%n", config,
                chosen, TwoInOneTrainer.engineDescription(), resolved.training().batchSize(), steps, warmup);
        System.out.printf(Locale.ROOT, "  throughput: %.0f images/s (median of %d windows of %d steps)%n",
                imagesPerSecond, windows.size(), windowSteps);
        System.out.printf(Locale.ROOT, "  time: train steps %.1f s, evaluation + BN re-estimation %.1f s, search + "
                + "pruning bookkeeping %.2f s, wall %.1f s%n", trainS, eval, bookkeeping, wall);
        System.out.printf(Locale.ROOT, "  bookkeeping share of step time: %.2f%% (search %.2f s, pruning %.2f s over "
                + "%d steps)%n", 100 * bookkeeping / Math.max(1e-9, trainS + bookkeeping), t.searchNanos() / 1e9,
                t.pruneNanos() / 1e9, stopAt);
        return 0;
    }
}
