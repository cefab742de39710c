package org.supertickets.ui.sweep;

import java.util.List;
import org.supertickets.run.LocalSweep;
import org.supertickets.run.WorkerPool;
import org.supertickets.ui.task.TaskRunner;

/**
 * Runs a local sweep's worker pool on a thread of its own — a sweep takes hours, and the task runner's threads
 * serve the UI — and tells the listener, on the UI thread, as each run and then the sweep end.
 */
final class LocalSweepThread {

    private LocalSweepThread() {
    }

    static void start(LocalSweep sweep, TaskRunner runner, SubmitSweepViewModel.LocalSweepListener listener) {
        Thread thread = new Thread(() -> {
            try {
                List<WorkerPool.Result> results = sweep.pool().runAll(sweep.jobs(), new WorkerPool.Listener() {
                    @Override
                    public void started(WorkerPool.Job job) {
                        // the run announces itself through its folder
                    }

                    @Override
                    public void finished(WorkerPool.Result result, int done, int total) {
                        runner.ui().execute(() -> listener.runEnded(result.job().name(), result.succeeded(), done,
                                total));
                    }
                });
                int notOk = (int) results.stream().filter(r -> !r.succeeded()).count();
                runner.ui().execute(() -> listener.sweepEnded(sweep.sweepFolder(), notOk, results.size()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "local-sweep");
        thread.setDaemon(true);
        thread.start();
    }
}
