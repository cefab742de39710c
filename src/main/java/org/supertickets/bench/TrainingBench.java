package org.supertickets.bench;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.supertickets.engine.PyTorchInternals;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.CheckpointStore;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingData;
import org.supertickets.train.TrainingEvent;
import org.supertickets.train.TrainingListener;
import org.supertickets.train.TwoInOneTrainer;

/**
 * Times the workbench's own training steps: a fresh {@link TwoInOneTrainer} on the config, {@code warmup} steps
 * not measured, then {@code steps} measured (each rounded up to whole logging windows of 10 steps). Optionally
 * records libtorch's operator profile over 10 steps after the warm-up.
 */
public final class TrainingBench {

    /** Steps between two {@link StepMetrics} of the trainer, the unit the bench measures in. */
    public static final int WINDOW_STEPS = 10;
    public static final int PROFILED_STEPS = 10;

    private final SearchSpaceConfig config;
    private final String configHash;
    private final TrainingData data;
    private final Device device;

    public TrainingBench(SearchSpaceConfig config, String configHash, TrainingData data, Device device) {
        this.config = config;
        this.configHash = configHash;
        this.data = data;
        this.device = device;
    }

    /**
     * Why {@code warmup} and {@code steps} cannot be measured, or null when they can. The trainer reports its time
     * only every {@value #WINDOW_STEPS} steps, so the clock starts at the report that ends the warm-up and stops at a
     * later one: fewer than {@value #WINDOW_STEPS} of either leaves no report to start or stop at (the bench then
     * printed 0 images/s and NaN).
     */
    public static String refusal(int warmup, int steps) {
        if (steps < WINDOW_STEPS) {
            return "--steps " + steps + " is too few: the trainer reports its time every " + WINDOW_STEPS + " steps, "
                    + "so at least " + WINDOW_STEPS + " steps must be measured. Fix: --steps " + WINDOW_STEPS
                    + " or more";
        }
        if (warmup < WINDOW_STEPS) {
            return "--warmup " + warmup + " is too few: the clock starts at the trainer's first time report, after "
                    + WINDOW_STEPS + " steps, so the warm-up is at least " + WINDOW_STEPS + " steps. Fix: --warmup "
                    + WINDOW_STEPS + " or more";
        }
        return null;
    }

    /**
     * @param trace          where to write the profiler's trace, or {@code null} for no profile
     * @param onWorkerThread train on a new thread, as {@code run} and the GUI do, instead of the calling one
     */
    public TrainingBenchResult measure(int warmup, int steps, Path trace, boolean onWorkerThread) {
        String refused = refusal(warmup, steps);
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        long firstMeasured = roundUp(warmup);
        long measuredEnd = firstMeasured + roundUp(steps);
        long stopAt = trace == null ? measuredEnd : Math.max(measuredEnd, firstMeasured + PROFILED_STEPS);
        TrainingControl control = new TrainingControl();
        List<Double> windowRates = new ArrayList<>();
        long[] cpu = new long[2];
        long[] wall = new long[2];
        TrainingListener listener = (TrainingEvent e) -> {
            if (!(e instanceof StepMetrics m)) {
                return;
            }
            if (m.step() > firstMeasured && m.step() <= measuredEnd) {
                windowRates.add(m.imagesPerSecond());
            }
            if (m.step() == firstMeasured) {
                cpu[0] = ProcessCpu.nanos();
                wall[0] = System.nanoTime();
                if (trace != null) {
                    PyTorchInternals.startProfiler();
                }
            }
            if (trace != null && m.step() == firstMeasured + PROFILED_STEPS) {
                PyTorchInternals.stopProfiler(trace);
            }
            if (m.step() == measuredEnd) {
                cpu[1] = ProcessCpu.nanos();
                wall[1] = System.nanoTime();
            }
            if (m.step() >= stopAt) {
                control.cancel();
            }
        };
        TwoInOneTrainer trainer = new TwoInOneTrainer(config, configHash, data, device, listener, control,
                CheckpointStore.NONE);
        if (onWorkerThread) {
            Thread worker = new Thread(trainer::run, "training-bench");
            worker.start();
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.cancel();
            }
        } else {
            trainer.run();
        }
        if (wall[1] == 0) {
            throw new IllegalArgumentException("The run ended before step " + measuredEnd + " (warm-up and measured "
                    + "steps): it is too short to measure. Fix: fewer --warmup or --steps, or a config with more "
                    + "training steps");
        }
        long measured = measuredEnd - firstMeasured;
        double seconds = (wall[1] - wall[0]) / 1e9;
        return new TrainingBenchResult(measured,
                measured * config.training().batchSize() / seconds, median(windowRates),
                (cpu[1] - cpu[0]) / 1e9 / measured, trainer.timings());
    }

    private static long roundUp(long step) {
        return (long) Math.ceil(step / (double) WINDOW_STEPS) * WINDOW_STEPS;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
