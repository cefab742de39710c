package org.supertickets.ui;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.supertickets.ui.task.TaskRunner;

/** A TaskRunner that runs work and delivers results on the calling thread: ViewModel tests need no FX. */
public final class DirectRunner {

    private DirectRunner() {
    }

    public static TaskRunner create() {
        AbstractExecutorService direct = new AbstractExecutorService() {
            private boolean shut;

            @Override
            public void execute(Runnable command) {
                command.run();
            }

            @Override
            public void shutdown() {
                shut = true;
            }

            @Override
            public List<Runnable> shutdownNow() {
                shut = true;
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return shut;
            }

            @Override
            public boolean isTerminated() {
                return shut;
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) {
                return true;
            }
        };
        return new TaskRunner(direct, Runnable::run, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-poll");
            t.setDaemon(true);
            return t;
        }));
    }
}
