package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunSetupException;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.slurm.SlurmSweepSubmitter;
import org.supertickets.space.SweepGrid;
import org.supertickets.space.TrainingMethod;
import org.supertickets.train.RunFinished;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep CONFIG --grid key=v1,v2 ...}: one ordinary run folder per point of the grid. With one worker the
 * runs go one after another in this process; with {@code --workers N} they run N at a time as separate processes
 * (PyTorch allows one gradient recorder per process), sharing the cores between them. With {@code --engine slurm}
 * the points are one Slurm job array, a task per point, followed until they end ({@link SweepOnSlurm}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a grid of configs, e.g. --grid method=supertickets,nas-only --grid seed=1,2 --grid "
                + "pruning.targetSparsity=0.5,0.9; each point is an ordinary run folder.")
final class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CONFIG", arity = "0..1", description = "the base config")
    Path config;

    @Option(names = "--grid", paramLabel = "KEY=V1,V2",
            description = "a config field (dotted path, e.g. pruning.targetSparsity, seed) or 'method' "
                    + "(" + TrainingMethod.LABELS + ") and its values; repeat for more axes")
    List<String> grid;

    @Option(names = "--out", paramLabel = "DIR", converter = OutFolderOption.class,
            defaultValue = "runs", description = "where run folders go")
    Path out;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "override the device")
    String device;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1", description = "runs at once, each in its own "
            + "process with an equal share of the cores (default: ${DEFAULT-VALUE}, in this process)")
    int workers;

    @Option(names = "--engine", paramLabel = "local|slurm", defaultValue = "local", description = "local: runs on "
            + "this machine (--workers); slurm: one job array, a task per point (docs/cluster.md)")
    String engine;

    @Mixin
    SlurmSweepOptions slurm = new SlurmSweepOptions();

    @Override
    public Integer call() {
        if (slurm.managesASweep()) {
            return new SweepOnSlurm(slurm, SlurmSweepSubmitter.SWEEP_PREFIX).manage();
        }
        if (config == null || grid == null || grid.isEmpty()) {
            System.err.println("sweep needs a CONFIG and at least one --grid KEY=V1,V2 (or --status, --cancel or "
                    + "--resume OUT for a sweep submitted to Slurm). Fix: e.g. sweep sample-configs/quickstart.json "
                    + "--grid seed=1,2.");
            return Main.EXIT_BAD_INPUT;
        }
        String engineProblem = slurm.engineProblem(engine);
        if (engineProblem != null) {
            System.err.println(engineProblem);
            return Main.EXIT_BAD_INPUT;
        }
        if (engine.equals("slurm") && workers != 1) {
            System.err.println("--workers is for the local engine; on Slurm every point is its own task and the "
                    + "cluster decides how many run at once. Fix: drop --workers, or use --engine local.");
            return Main.EXIT_BAD_INPUT;
        }
        List<SearchSpaceConfig> points;
        try {
            points = expand(ConfigIo.loadResolved(config), parse(grid));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            System.err.println("--grid: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (engine.equals("slurm")) {
            return new SweepOnSlurm(slurm, SlurmSweepSubmitter.SWEEP_PREFIX).submit(points, out, device);
        }
        if (workers < 1) {
            System.err.println("--workers " + workers + ": at least one run must go at a time. Fix: --workers 1 "
                    + "or more.");
            return Main.EXIT_BAD_INPUT;
        }
        if (workers == 1) {
            return runHere(points);
        }
        try {
            return new SweepInWorkers(out, device, workers).run(points) == 0 ? 0 : Main.EXIT_FAILED;
        } catch (IOException e) {
            System.err.println("Cannot write the sweep's configs under " + out + ": " + e.getMessage()
                    + ". Fix: choose a writable --out.");
            return Main.EXIT_BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EXIT_CANCELLED;
        }
    }

    /** Runs the points one after another in this process and returns the sweep's exit code. */
    private int runHere(List<SearchSpaceConfig> points) {
        System.out.println("sweep: " + points.size() + " runs");
        int failed = 0;
        for (int i = 0; i < points.size(); i++) {
            SearchSpaceConfig point = points.get(i);
            try (TerminalProgress progress = new TerminalProgress(true)) {
                LocalRun run = LocalRun.start(point, out, device, progress);
                RunFinished f = run.completion().get();
                System.out.printf(java.util.Locale.ROOT, "[%d/%d] %s: %s, test acc %s, sparsity %.3f, %,d MACs%n",
                        i + 1, points.size(), run.folder().name(), f.outcome(),
                        RunFinished.accuracyText(f.testAccuracy()), f.sparsity(),
                        f.macs());
                failed += f.outcome() == RunFinished.Outcome.COMPLETED ? 0 : 1;
            } catch (RunSetupException e) {
                System.err.println(e.getMessage());
                return Main.EXIT_BAD_INPUT;
            } catch (Exception e) {
                System.err.println("run " + (i + 1) + " stopped: " + e);
                failed++;
            }
        }
        return failed == 0 ? 0 : Main.EXIT_FAILED;
    }

    static Map<String, List<String>> parse(List<String> grid) {
        return SweepGrid.parse(grid);
    }

    static List<SearchSpaceConfig> expand(SearchSpaceConfig base, Map<String, List<String>> axes)
            throws ConfigException {
        return SweepGrid.expand(base, axes);
    }
}
