package org.supertickets.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.supertickets.run.LocalSweep;
import org.supertickets.run.WorkerPool;
import org.supertickets.space.SearchSpaceConfig;

/**
 * Runs a sweep's points as {@code run} commands in separate processes, {@code workers} at a time. Each point's
 * config and console log are kept in {@code OUT/sweep-<time>/}; the run folders go to {@code OUT} as usual.
 */
final class SweepInWorkers {

    /** How long Ctrl-C waits for the runs to write their checkpoints before stopping them hard. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(60);
    /** How many last lines of a failed run's log are shown. */
    private static final int FAILURE_LINES = 3;

    private final Path out;
    private final String device;
    private final int workers;

    SweepInWorkers(Path out, String device, int workers) {
        this.out = out;
        this.device = device;
        this.workers = workers;
    }

    /** Runs every point and returns how many did not complete. */
    int run(List<SearchSpaceConfig> points) throws IOException, InterruptedException {
        LocalSweep sweep = LocalSweep.write(points, out, device, workers);
        System.out.printf(Locale.ROOT, "sweep: %d runs, %d at a time with %d PyTorch thread(s) each; configs and "
                + "logs in %s%n", points.size(), workers, sweep.threadsPerWorker(), sweep.sweepFolder());
        WorkerPool pool = sweep.pool();
        try (CtrlC ignored = CtrlC.runs(() -> {
            try {
                pool.cancel(CANCEL_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-sweep-on-ctrl-c")) {
            List<WorkerPool.Result> results = pool.runAll(sweep.jobs(), new Printer());
            return (int) results.stream().filter(r -> !r.succeeded()).count();
        }
    }

    /** One line when a run starts; when it ends, its outcome and the summary lines the run printed. */
    private static final class Printer implements WorkerPool.Listener {

        @Override
        public void started(WorkerPool.Job job) {
            System.out.println("started " + job.name());
        }

        @Override
        public void finished(WorkerPool.Result result, int done, int total) {
            String outcome = result.cancelled() ? "cancelled (its checkpoint is kept: 'resume RUN_FOLDER' continues it)"
                    : result.exitCode() == 0 ? "completed" : "stopped with exit code " + result.exitCode();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%d/%d] %s: %s after %d s%n", done,
                    total, result.job().name(), outcome, result.wall().toSeconds()));
            for (String summary : reportLines(result)) {
                line.append("    ").append(summary).append('\n');
            }
            if (!result.succeeded()) {
                line.append("    log: ").append(result.job().log()).append('\n');
            }
            System.out.print(line);
        }

        /** DJL's and PyTorch's own warnings (no GPU, deprecated modes) say nothing about the run. */
        private static boolean isEngineNoise(String line) {
            return line.contains(" WARN ") || line.startsWith("[W");
        }

        /** A finished run's summary lines; the last lines of the log of one that failed (they say why). */
        private static List<String> reportLines(WorkerPool.Result result) {
            try (var lines = Files.lines(result.job().log())) {
                List<String> all = lines.filter(l -> !l.isBlank() && !isEngineNoise(l)).toList();
                if (result.succeeded()) {
                    return all.stream().filter(l -> l.startsWith("ticket: ") || l.startsWith("run folder: "))
                            .toList();
                }
                return all.subList(Math.max(0, all.size() - FAILURE_LINES), all.size());
            } catch (IOException | UncheckedIOException e) {
                return List.of();
            }
        }
    }
}
