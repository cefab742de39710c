package org.supertickets.ui.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderReader;
import org.supertickets.run.TimedEvent;

/**
 * Follows the folders of the runs overlaid on the Monitor, off the UI thread: every {@link #PERIOD_MS} ms each
 * folder's new lines are read and, when an evaluation came, its curves handed to {@code deliver} (which must move
 * them to the UI thread). A run still training thus grows on the charts while it trains; a finished one is read
 * once, whatever its size, without stalling the window.
 */
public final class OverlayFeed implements AutoCloseable {

    static final long PERIOD_MS = 1000;

    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "monitor-overlays");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<OverlayCurves> deliver;
    private final Consumer<String> failed;
    private final java.util.Map<Path, ScheduledFuture<?>> followed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param deliver takes a run's curves each time they grew (on the feed's thread)
     * @param failed  takes a message naming the folder when it cannot be read (on the feed's thread)
     */
    public OverlayFeed(Consumer<OverlayCurves> deliver, Consumer<String> failed) {
        this.deliver = deliver;
        this.failed = failed;
    }

    /** Starts following a run folder under a name (nothing when it is followed already). */
    public void follow(Path folder, String name) {
        followed.computeIfAbsent(folder, f -> {
            // metrics.jsonl alone: the curves need its evaluations, not the snapshots' megabytes beside it
            RunFolderReader events = RunFolderReader.metricsOnly(new RunFolder(f));
            OverlayCurves[] curves = {OverlayCurves.empty(name)};
            Runnable poll = () -> {
                try {
                    List<TimedEvent> read = events.readNewTimed();
                    OverlayCurves next = curves[0].with(read);
                    if (next.accuracy().size() != curves[0].accuracy().size()) {
                        curves[0] = next;
                        deliver.accept(next);
                    }
                } catch (IOException e) {
                    failed.accept("Cannot read " + f + " to overlay it: " + e.getMessage());
                    unfollow(f);
                }
            };
            return reader.scheduleWithFixedDelay(poll, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        });
    }

    /** Stops following a folder. */
    public void unfollow(Path folder) {
        ScheduledFuture<?> f = followed.remove(folder);
        if (f != null) {
            f.cancel(false);
        }
    }

    public boolean follows(Path folder) {
        return followed.containsKey(folder);
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
