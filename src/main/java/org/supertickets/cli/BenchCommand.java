package org.supertickets.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.supertickets.bench.AbComparison;
import org.supertickets.bench.MatmulPeak;
import org.supertickets.bench.OperatorProfile;
import org.supertickets.bench.PyTorchYardstick;
import org.supertickets.bench.TrainingBench;
import org.supertickets.bench.TrainingBenchResult;
import org.supertickets.data.DatasetException;
import org.supertickets.run.RunData;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.Task;
import org.supertickets.train.DeviceChoice;
import org.supertickets.train.TwoInOneTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench CONFIG}: training throughput and CPU time per step after a warm-up, the effective FLOP/s against
 * the machine's measured matmul peak, the share of run time spent on search and pruning bookkeeping; optionally
 * libtorch's per-operator profile, and ours against plain PyTorch on the same supernet, measured alternately.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training throughput (images/s), CPU time per step and FLOP/s; optionally profile "
                + "the step or compare it with plain PyTorch (--vs-pytorch).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CONFIG", description = "search-space config (JSON)")
    Path config;

    @Option(names = "--steps", defaultValue = "100", description = "measured steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "20", description = "warm-up steps not measured "
            + "(default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--threads", paramLabel = "N", description = "libtorch intra-op threads (default: the "
            + "engine's, = cores)")
    Integer threads;

    @Option(names = "--profile", paramLabel = "TRACE", description = "profile 10 steps after the warm-up with "
            + "libtorch's profiler: write its Chrome trace to TRACE and print the operators by self time")
    Path profile;

    @Option(names = "--vs-pytorch", description = "alternate rounds of ours and of plain PyTorch on the same "
            + "supernet (src/scripts/pytorch_supernet.py) and print both and the ratios")
    boolean versusPyTorch;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds of each side with --vs-pytorch "
            + "(default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch "
            + "(default ${DEFAULT-VALUE}, Debian's python3-torch)")
    Path python;

    @Option(names = "--pytorch-script", defaultValue = "src/scripts/pytorch_supernet.py",
            description = "the PyTorch yardstick (default ${DEFAULT-VALUE})")
    Path pytorchScript;

    @Option(names = "--worker-thread", description = "train on a worker thread, as run and the GUI do "
            + "(measured slower than the main thread: docs/performance.md)")
    boolean workerThread;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "override training.device")
    String device;

    @Override
    public Integer call() {
        if (threads != null) {
            System.setProperty("ai.djl.pytorch.num_threads", threads.toString()); // read once, at engine start
        }
        String refused = TrainingBench.refusal(warmup, steps);
        if (refused != null) {
            System.err.println(refused); // before minutes of data loading
            return Main.EXIT_BAD_INPUT;
        }
        SearchSpaceConfig resolved;
        RunData data;
        Device chosen;
        PyTorchYardstick yardstick = new PyTorchYardstick(python, pytorchScript);
        try {
            resolved = ConfigIo.loadResolved(config);
            if (versusPyTorch && resolved.taskKind() != Task.CLASSIFICATION) {
                throw new IllegalArgumentException(config + " is a " + resolved.task() + " config; the PyTorch "
                        + "reference builds the classification supernet only. Fix: leave out --vs-pytorch, or bench "
                        + "a classification config");
            }
            data = RunData.load(resolved);
            chosen = DeviceChoice.choose(device == null ? resolved.training().device() : device,
                    Engine.getInstance().getGpuCount());
            if (versusPyTorch) {
                yardstick.checkAvailable();
            }
        } catch (ConfigException | DatasetException | IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        TrainingBench bench = new TrainingBench(resolved, ConfigIo.hash(resolved), data.training(), chosen);
        int engineThreads = Integer.getInteger("ai.djl.pytorch.num_threads",
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "bench %s on %s (%s, %d threads), batch %d, %d steps after %d warm-up%n",
                config, chosen, TwoInOneTrainer.engineDescription(), engineThreads, resolved.training().batchSize(),
                steps, warmup);
        TrainingBenchResult ours;
        try {
            ours = bench.measure(warmup, steps, profile, workerThread);
        } catch (IllegalArgumentException e) {
            System.err.println(config + ": " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        printOurs(ours, resolved);
        try (NDManager manager = NDManager.newBaseManager(chosen)) {
            double peak = MatmulPeak.flopsPerSecond(manager, 2048, 5);
            double stepFlops = 3.0 * 2.0 * Architecture.supernet(resolved).macs() * ours.imagesPerSecond();
            System.out.printf(Locale.ROOT, "  effective: %.1f GFLOP/s (3 × forward MACs × 2 × images/s) = %.1f %% "
                    + "of the measured fp32 matmul peak %.1f GFLOP/s (2048², through the engine)%n",
                    stepFlops / 1e9, 100 * stepFlops / peak, peak / 1e9);
        }
        if (profile != null) {
            try {
                System.out.printf(Locale.ROOT, "  libtorch operators over %d steps (trace: %s):%n%s",
                        TrainingBench.PROFILED_STEPS, profile,
                        OperatorProfile.read(profile).table(25, TrainingBench.PROFILED_STEPS));
            } catch (IOException e) {
                System.err.println("Could not read the profile " + profile + ": " + e.getMessage());
                return Main.EXIT_BAD_INPUT;
            }
        }
        return versusPyTorch ? compareWithPyTorch(bench, yardstick, engineThreads) : 0;
    }

    private void printOurs(TrainingBenchResult ours, SearchSpaceConfig resolved) {
        TwoInOneTrainer.Timings t = ours.timings();
        double trainS = t.trainNanos() / 1e9;
        double bookkeeping = (t.searchNanos() + t.pruneNanos()) / 1e9;
        System.out.printf(Locale.ROOT, "  throughput: %.0f images/s over %d steps (median 10-step window %.0f)%n",
                ours.imagesPerSecond(), ours.steps(), ours.medianWindowRate());
        System.out.printf(Locale.ROOT, "  CPU time: %.3f s per step (process, all threads)%n",
                ours.cpuSecondsPerStep());
        System.out.printf(Locale.ROOT, "  time: train steps %.1f s, evaluation + BN re-estimation %.1f s, search + "
                + "pruning bookkeeping %.2f s (%.2f %% of step time)%n", trainS, t.evalNanos() / 1e9, bookkeeping,
                100 * bookkeeping / Math.max(1e-9, trainS + bookkeeping));
    }

    /**
     * Rounds of ours and PyTorch alternately. The measurement printed above is not a round: it ran while the JIT
     * was still compiling the trainer, which on small steps outlasts any short warm-up.
     */
    private int compareWithPyTorch(TrainingBench bench, PyTorchYardstick yardstick, int engineThreads) {
        AbComparison comparison = new AbComparison();
        String torchVersion = "?";
        try {
            for (int round = 0; round < rounds; round++) {
                TrainingBenchResult ours = bench.measure(warmup, steps, null, workerThread);
                PyTorchYardstick.YardstickResult theirs = yardstick.measure(config, warmup, steps, engineThreads);
                torchVersion = theirs.torchVersion();
                comparison.add(new AbComparison.Round(ours.imagesPerSecond(), theirs.imagesPerSecond(),
                        ours.cpuSecondsPerStep(), theirs.cpuSecondsPerStep()));
                System.out.printf(Locale.ROOT, "  round %d: ours %.0f images/s, PyTorch %.0f images/s%n", round + 1,
                        ours.imagesPerSecond(), theirs.imagesPerSecond());
            }
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EXIT_CANCELLED;
        }
        System.out.printf(Locale.ROOT, "%nOurs vs plain PyTorch %s (eager, one module per branch), %d threads each, "
                + "alternating:%n%s", torchVersion, engineThreads, comparison.table());
        return 0;
    }
}
