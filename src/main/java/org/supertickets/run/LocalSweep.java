package org.supertickets.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;

/**
 * A sweep on this machine: each point an ordinary {@code run} of the command line in its own process, {@code
 * workers} at a time ({@link WorkerPool}). Each point's config and console log are kept in {@code
 * OUT/sweep-<time>/}; the run folders go to {@code OUT} as usual. Used by {@code sweep --workers N} and by the
 * workbench's Submit sweep dialog.
 *
 * @param sweepFolder      where the configs and logs go
 * @param jobs             one {@code run} per point, in grid order
 * @param workers          runs at once
 * @param threadsPerWorker the PyTorch threads of each run, so that together they fill the cores
 */
public record LocalSweep(Path sweepFolder, List<WorkerPool.Job> jobs, int workers, int threadsPerWorker) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    public LocalSweep {
        jobs = List.copyOf(jobs);
    }

    /** Writes every point's config into a new {@code OUT/sweep-<time>/} and plans its run. */
    public static LocalSweep write(List<SearchSpaceConfig> points, Path out, String device, int workers)
            throws IOException {
        Path sweepFolder = out.resolve("sweep-" + LocalDateTime.now().format(STAMP));
        List<WorkerPool.Job> jobs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            SearchSpaceConfig point = points.get(i);
            String stem = String.format(Locale.ROOT, "%02d-%s", i + 1, point.name());
            Path config = sweepFolder.resolve(stem + ".json");
            ConfigIo.write(config, point);
            List<String> args = new ArrayList<>(List.of("run", config.toString(), "--out", out.toString(), "--quiet"));
            if (device != null) {
                args.addAll(List.of("--device", device));
            }
            jobs.add(new WorkerPool.Job(point.name(), ChildJvm.commandLine(args), sweepFolder.resolve(stem + ".log")));
        }
        return new LocalSweep(sweepFolder, jobs, workers,
                WorkerPool.threadsPerWorker(workers, Runtime.getRuntime().availableProcessors()));
    }

    /** The pool that runs the jobs: each run with its share of the cores, DJL offline. */
    public WorkerPool pool() {
        return new WorkerPool(workers, Map.of("OMP_NUM_THREADS", Integer.toString(threadsPerWorker),
                "DJL_OFFLINE", "true", "OPT_OUT_TRACKING", "true"));
    }
}
