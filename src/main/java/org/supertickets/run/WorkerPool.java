package org.supertickets.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as separate processes, at most {@code workers} at a time, each with its output in its own log
 * file. Training runs go to separate processes rather than threads because PyTorch allows one gradient recorder
 * per process; each process gets an equal share of the cores through {@code OMP_NUM_THREADS}, so two runs on two
 * cores do not oversubscribe them.
 */
public final class WorkerPool {

    /** One command to run; its standard output and error go to {@code log}. */
    public record Job(String name, List<String> command, Path log) {
        public Job {
            Objects.requireNonNull(name);
            command = List.copyOf(command);
            Objects.requireNonNull(log);
        }
    }

    /** How a job ended: its exit code, or cancelled before or while it ran; and how long it took. */
    public record Result(Job job, int exitCode, boolean cancelled, Duration wall) {
        public boolean succeeded() {
            return !cancelled && exitCode == 0;
        }
    }

    /** Hears about jobs starting and ending, on the pool's worker threads. */
    public interface Listener {
        void started(Job job);

        void finished(Result result, int done, int total);
    }

    /** The exit code reported for a command that could not be started (as a shell reports it). */
    public static final int CANNOT_START = 127;

    private final int workers;
    private final Map<String, String> environment;
    private final List<Process> running = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean cancelled;

    /**
     * @param workers     how many jobs run at once (at least 1)
     * @param environment variables added to each job's environment (which otherwise is this process's)
     */
    public WorkerPool(int workers, Map<String, String> environment) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
        this.environment = Map.copyOf(environment);
    }

    /** The PyTorch threads each of {@code workers} processes should use so that together they fill the cores. */
    public static int threadsPerWorker(int workers, int cores) {
        return Math.max(1, cores / Math.max(1, workers));
    }

    /**
     * Runs every job and returns their results in the order given. A job that fails does not stop the others;
     * after {@link #cancel()} no further job starts.
     */
    public List<Result> runAll(List<Job> jobs, Listener listener) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(workers, Math.max(1, jobs.size())), r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        int[] done = {0};
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(threads.submit(() -> {
                    Result result = runOne(job, listener);
                    synchronized (done) { // reports arrive in the order the jobs end
                        listener.finished(result, ++done[0], jobs.size());
                    }
                    return result;
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a sweep worker failed", e.getCause());
                }
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Stops every running job the way Ctrl-C stops a run (its checkpoint is kept, so {@code resume} continues it)
     * and waits up to {@code grace} for them to exit; jobs not yet started never start.
     */
    public void cancel(Duration grace) throws InterruptedException {
        cancelled = true;
        List<Process> now;
        synchronized (running) {
            now = List.copyOf(running);
        }
        now.forEach(Process::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Process p : now) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private Result runOne(Job job, Listener listener) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process;
        synchronized (running) {
            if (cancelled) {
                return new Result(job, -1, true, Duration.ZERO);
            }
            Files.createDirectories(job.log().toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(job.command()).redirectErrorStream(true)
                    .redirectOutput(job.log().toFile());
            builder.environment().putAll(environment);
            try {
                process = builder.start();
            } catch (IOException e) {
                // the job's log says why it never ran; the other jobs go on
                Files.writeString(job.log(), "Cannot start " + job.command().get(0) + ": " + e.getMessage() + "\n");
                return new Result(job, CANNOT_START, false, Duration.ZERO);
            }
            running.add(process);
        }
        listener.started(job);
        try {
            int exit = process.waitFor();
            // a job that finished on its own just before the cancel still counts as finished
            return new Result(job, exit, cancelled && exit != 0, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            running.remove(process);
        }
    }
}
