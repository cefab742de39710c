package org.supertickets.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderWriter;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;
import org.supertickets.train.TrainingListener;
import org.supertickets.ui.session.RunFeed;
import org.supertickets.ui.session.RunSession;

/**
 * How long an event takes from its run folder to the UI's session model, the old way (a listener behind the folder
 * writer on the training thread) and the one way now (the {@link RunFeed} reading the folder), with and without the
 * file system's change notices. A writer thread writes step events through the real {@link RunFolderWriter} at
 * irregular intervals; two consumers drain the sessions, one every millisecond (the path's own delay) and one
 * every 100 ms like the window's pump (what the user sees). Prints the numbers; it asserts nothing.
 *
 * <p>{@code FeedLatencyBenchmark [runs] [events] [intervalMs] [dir]}: defaults 3 runs of 160 events 25 ms apart,
 * in a temporary folder (give a folder on a network file system to measure that).
 */
public final class FeedLatencyBenchmark {

    private enum Path_ { LISTENER, FEED_WATCH, FEED_POLLING }

    private FeedLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 160;
        int intervalMs = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Path base = args.length > 3 ? Files.createDirectories(Path.of(args[3])) : Files.createTempDirectory("feed");
        SearchSpaceConfig config = null; // the writer reads its config only for a ticket, which no event writes
        System.out.printf(Locale.ROOT, "%d events %d ms apart (±50%%) per run, in %s%n", events, intervalMs, base);
        System.out.printf(Locale.ROOT, "%-13s %3s | %-32s | %-32s%n", "path", "run", "to the inbox (ms)",
                "to the history, 10 Hz pump (ms)");
        System.out.printf(Locale.ROOT, "%-13s %3s | %7s %7s %7s %7s | %7s %7s %7s %7s%n", "", "", "mean", "p50",
                "p95", "max", "mean", "p50", "p95", "max");
        for (Path_ path : Path_.values()) {
            for (int run = 1; run <= runs; run++) {
                Path folder = Files.createDirectories(base.resolve(path.name().toLowerCase(Locale.ROOT) + "-" + run));
                double[][] ms = measure(path, new RunFolder(folder), config, events, intervalMs, run);
                System.out.printf(Locale.ROOT, "%-13s %3d | %s | %s%n", path.name().toLowerCase(Locale.ROOT), run,
                        stats(ms[0]), stats(ms[1]));
            }
        }
    }

    /** Milliseconds from each event's write to its arrival: [0] drained every 1 ms, [1] drained every 100 ms. */
    private static double[][] measure(Path_ path, RunFolder folder, SearchSpaceConfig config, int events,
            int intervalMs, long seed) throws Exception {
        long[] written = new long[events];
        long[] fast = new long[events];
        long[] paced = new long[events];
        RunSession quick = new RunSession();
        RunSession pumped = new RunSession();
        RunFolderWriter writer = new RunFolderWriter(folder, config, "bench");
        TrainingListener training = writer;
        RunFeed feed = null;
        if (path == Path_.LISTENER) {
            training = TrainingListener.all(writer, quick::offer, pumped::offer);
        } else {
            feed = new RunFeed(path == Path_.FEED_WATCH ? RunFeed.Timing.DEFAULT
                    : RunFeed.Timing.DEFAULT.pollingOnly());
            feed.followRun(folder.path(), quick, e -> e.printStackTrace());
            feed.followRun(folder.path(), pumped, e -> e.printStackTrace());
        }
        Thread fastDrain = drainer(quick, fast, 1, events);
        Thread pacedDrain = drainer(pumped, paced, 100, events);
        Random random = new Random(seed);
        for (int i = 0; i < events; i++) {
            TimeUnit.MICROSECONDS.sleep(Math.round(intervalMs * 1000 * (0.5 + random.nextDouble())));
            training.onEvent(new StepMetrics(i, i / 100.0, 1, 0.5, 0.1, 0, 1, 100));
            written[i] = System.nanoTime();
        }
        fastDrain.join(TimeUnit.SECONDS.toMillis(30));
        pacedDrain.join(TimeUnit.SECONDS.toMillis(30));
        if (feed != null) {
            feed.close();
        }
        double[][] out = new double[2][events];
        for (int i = 0; i < events; i++) {
            // An event can be drained a hair before the writer's clock read after the write: count that as 0.
            out[0][i] = Math.max(0, fast[i] - written[i]) / 1e6;
            out[1][i] = Math.max(0, paced[i] - written[i]) / 1e6;
        }
        return out;
    }

    /** Drains {@code session} every {@code periodMs}, noting when each step arrived, until all {@code n} did. */
    private static Thread drainer(RunSession session, long[] arrived, long periodMs, int n) {
        Thread t = new Thread(() -> {
            int seen = 0;
            long next = System.nanoTime();
            while (seen < n) {
                List<TrainingEvent> batch = session.drain().events();
                long now = System.nanoTime();
                for (TrainingEvent e : batch) {
                    if (e instanceof StepMetrics s && arrived[(int) s.step()] == 0) {
                        arrived[(int) s.step()] = now;
                        seen++;
                    }
                }
                next += TimeUnit.MILLISECONDS.toNanos(periodMs);
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(sleep);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "drain-" + periodMs + "ms");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String stats(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%7.1f %7.1f %7.1f %7.1f", Arrays.stream(ms).average().orElse(0),
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
                sorted[sorted.length - 1]);
    }
}
