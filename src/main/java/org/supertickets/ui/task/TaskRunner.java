package org.supertickets.ui.task;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executor;

/**
 * Where background work runs and where its results are delivered. The app delivers on the FX thread
 * ({@code Platform::runLater}); tests deliver on the calling thread, so ViewModels are tested without FX.
 *
 * @param background runs the work (disk, training setup, layout)
 * @param ui         receives results, failures and progress
 * @param scheduler  periodic background jobs (following a run folder)
 */
public record TaskRunner(ExecutorService background, Executor ui, ScheduledExecutorService scheduler) {

    public TaskRunner {
        Objects.requireNonNull(background);
        Objects.requireNonNull(ui);
        Objects.requireNonNull(scheduler);
    }

    /** Two background threads (work, polling), daemon so they never keep the JVM alive. */
    public static TaskRunner create(Executor ui) {
        return new TaskRunner(Executors.newFixedThreadPool(2, daemon("ui-background")), ui,
                Executors.newSingleThreadScheduledExecutor(daemon("ui-poll")));
    }

    public void shutdown() {
        background.shutdownNow();
        scheduler.shutdownNow();
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            // Below training and the FX thread: background UI work must never steal their cores.
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }
}
