package org.supertickets.ui.task;

import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A piece of work off the UI thread: wrap it, say what happens on success and failure, run it with a
 * {@link TaskRunner}. Callbacks arrive on the runner's UI executor; a cancelled task delivers nothing.
 *
 * <pre>
 *   BackgroundTask.of("Opening config", ctx -&gt; ConfigIo.read(path))
 *       .onSuccess(this::show).onFailure(this::report).run(runner);
 * </pre>
 *
 * @param <T> the result
 */
public final class BackgroundTask<T> {

    /** The work; may report progress and should stop early when cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Context context) throws Exception;
    }

    /** What running work can see and report. */
    public interface Context {
        boolean isCancelled();

        /** Progress in [0, 1]; delivered to {@link #onProgress} on the UI executor. */
        void progress(double fraction);
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<? super Exception> onFailure = e -> { };
    private Consumer<Double> onProgress = p -> { };
    private Runnable onDone = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public String title() {
        return title;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Exception> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onProgress(Consumer<Double> handler) {
        this.onProgress = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs after success or failure (not after cancellation), e.g. to clear a busy flag. */
    public BackgroundTask<T> onDone(Runnable handler) {
        this.onDone = Objects.requireNonNull(handler);
        return this;
    }

    /** Starts the work; the handle cancels it. */
    public Handle run(TaskRunner runner) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean progressPending = new AtomicBoolean();
        double[] latest = new double[1];
        Context context = new Context() {
            @Override
            public boolean isCancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }

            @Override
            public void progress(double fraction) {
                synchronized (latest) {
                    latest[0] = fraction;
                }
                // Coalesce: at most one progress update waits on the UI queue; newer values supersede it.
                if (progressPending.compareAndSet(false, true)) {
                    runner.ui().execute(() -> {
                        progressPending.set(false);
                        double value;
                        synchronized (latest) {
                            value = latest[0];
                        }
                        if (!cancelled.get()) {
                            onProgress.accept(value);
                        }
                    });
                }
            }
        };
        Future<?> future = runner.background().submit(() -> {
            T result;
            try {
                result = work.call(context);
            } catch (Exception e) {
                if (!cancelled.get()) {
                    runner.ui().execute(() -> {
                        onFailure.accept(e);
                        onDone.run();
                    });
                }
                return;
            } catch (Error e) {
                // An OutOfMemoryError or a broken native library: report it like an exception, keep the UI alive.
                if (!cancelled.get()) {
                    runner.ui().execute(() -> {
                        onFailure.accept(new RuntimeException(e.toString(), e));
                        onDone.run();
                    });
                }
                return;
            }
            if (!cancelled.get()) {
                runner.ui().execute(() -> {
                    onSuccess.accept(result);
                    onDone.run();
                });
            }
        });
        return new Handle(title, cancelled, future);
    }

    /** A started task. */
    public static final class Handle {
        private final String title;
        private final AtomicBoolean cancelled;
        private final Future<?> future;

        Handle(String title, AtomicBoolean cancelled, Future<?> future) {
            this.title = title;
            this.cancelled = cancelled;
            this.future = future;
        }

        public String title() {
            return title;
        }

        /** Stops delivering results and interrupts the work. */
        public void cancel() {
            cancelled.set(true);
            future.cancel(true);
        }

        public boolean isDone() {
            return future.isDone();
        }
    }
}
