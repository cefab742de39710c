package org.supertickets.ui.session;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.supertickets.pipeline.StageAnnouncement;
import org.supertickets.pipeline.StageAnnouncements;
import org.supertickets.run.JsonLinesTail;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderReader;
import org.supertickets.run.TimedEvent;

/**
 * The one way events reach the UI: every run the GUI shows — trained here, resumed here, opened from disk, a
 * pipeline's stage, a Slurm task on another machine — is a run folder, and this feed follows it into a
 * {@link RunSession}. A pipeline folder is followed through the stage changes it announces in
 * {@value StageAnnouncements#FILE}: each announced stage restarts the session and is read from its first line.
 *
 * <p>One reader thread reads every followed folder, off the UI thread. It takes complete lines only (a line with a
 * hole of zeros, as an NFS append arriving in pieces leaves for a moment, waits to be filled in), opens each file
 * read-only per read and locks nothing, so the writer (this process, or another machine on a shared file system) is
 * never held up. When to read:
 * <ul>
 * <li>at once when the file system says a followed folder changed ({@link WatchService}, where the platform has a
 * native one: inotify on Linux, ReadDirectoryChangesW on Windows; no more often than every
 * {@link Timing#minGapNanos}), which is how a run written by this machine arrives within milliseconds;</li>
 * <li>else by polling, because a watch sees nothing that another machine writes to a shared file system (NFS,
 * Lustre, GPFS): {@link Timing#activeNanos} after a read that found new lines, doubling after each read that
 * found none up to {@link Timing#idleNanos}. A folder being written is read four times a second (a small open
 * of each log that exists: {@code metrics.jsonl}, {@code snapshots.jsonl}, a segmentation run's
 * {@code predictions.jsonl}); a quiet one — a queued Slurm task, a run between
 * evaluations, one that stopped — once every four seconds, so a sweep's folders cost a file server little.</li>
 * </ul>
 */
public final class RunFeed implements AutoCloseable {

    /**
     * How often folders are read.
     *
     * @param minGapNanos  the shortest time between two reads of one folder (a writer appending hundreds of lines a
     *                     second is read in batches, never per line)
     * @param activeNanos  the poll period after a read that found new lines
     * @param idleNanos    the longest poll period, reached by doubling while reads find nothing
     * @param useWatch     whether to listen for the file system's change notices at all
     */
    public record Timing(long minGapNanos, long activeNanos, long idleNanos, boolean useWatch) {

        /**
         * 20 ms between reads of a folder (five reads per repaint of the 10 Hz monitor, so a batch rarely waits a
         * whole repaint); 250 ms after new lines (a run on another machine stays within two or three repaints of its
         * writer); 4 s when quiet (a hundred idle folders cost 50 small reads a second).
         */
        public static final Timing DEFAULT = new Timing(TimeUnit.MILLISECONDS.toNanos(20),
                TimeUnit.MILLISECONDS.toNanos(250), TimeUnit.SECONDS.toNanos(4), true);

        /** The same periods without change notices: what a folder on a network file system gets. */
        public Timing pollingOnly() {
            return new Timing(minGapNanos, activeNanos, idleNanos, false);
        }
    }

    /** A followed folder; cancel it when the entry goes, or finish it when its run has ended. */
    public interface Subscription {

        /** Stops following; events already offered stay in the session. */
        void cancel();

        /**
         * Reads what the folder still holds (the run has ended: everything is written), stops, then calls
         * {@code then} on the reader thread.
         */
        void finish(Runnable then);
    }

    private final Timing timing;
    private final Object lock = new Object();
    private final List<Followed> followed = new ArrayList<>();
    private Thread reader;
    private WatchService watch;
    private boolean wake;
    private boolean closed;

    public RunFeed() {
        this(Timing.DEFAULT);
    }

    public RunFeed(Timing timing) {
        this.timing = Objects.requireNonNull(timing);
    }

    /**
     * Follows a single run's folder from its first line. The session is restarted first (a resumed run's repaired
     * log is read again from its start).
     *
     * @param onError told once, on the reader thread, when the folder cannot be read (reading goes on)
     */
    public Subscription followRun(Path runFolder, RunSession session, Consumer<Exception> onError) {
        return add(new Followed(runFolder, null, session, onError));
    }

    /**
     * Follows a pipeline folder through the stages it announces: each new stage restarts the session, named by its
     * label, and is read from its first line. {@code announcements} decides where the following starts: a fresh
     * reader starts at the first announcement; one read up to now beforehand ({@link #skipAnnounced}) waits for the
     * next stage a resumed pipeline announces.
     */
    public Subscription followPipeline(Path pipelineFolder, StageAnnouncements announcements, RunSession session,
            Consumer<Exception> onError) {
        return add(new Followed(pipelineFolder, Objects.requireNonNull(announcements), session, onError));
    }

    /**
     * A reader of {@code pipelineFolder}'s announcements past those already written: for a pipeline about to be
     * resumed, whose next announcement is the stage it trains. Reads the file (call it off the UI thread), before
     * the pipeline starts.
     */
    public static StageAnnouncements skipAnnounced(Path pipelineFolder) throws IOException {
        StageAnnouncements a = new StageAnnouncements(pipelineFolder);
        while (!a.readNew().isEmpty()) {
            // a long file is read window by window
        }
        return a;
    }

    /** Stops every subscription and the reader thread. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            followed.clear();
            lock.notifyAll();
        }
    }

    private Subscription add(Followed f) {
        synchronized (lock) {
            if (closed) {
                return f;
            }
            followed.add(f);
            if (reader == null) {
                reader = new Thread(this::readLoop, "run-feed");
                reader.setDaemon(true);
                reader.setPriority(Thread.NORM_PRIORITY - 1); // below training and the FX thread
                reader.start();
            }
            wake = true;
            lock.notifyAll();
        }
        return f;
    }

    private void readLoop() {
        WatchService w = openWatch();
        Thread watcher = null;
        if (w != null) {
            watcher = new Thread(() -> watchLoop(w), "run-feed-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        synchronized (lock) {
            watch = w;
        }
        try {
            while (true) {
                List<Followed> now;
                synchronized (lock) {
                    if (followed.isEmpty() || closed) {
                        reader = null; // the next follow starts a new thread
                        watch = null;
                        return;
                    }
                    now = new ArrayList<>(followed);
                }
                long t = System.nanoTime();
                long next = Long.MAX_VALUE;
                for (Followed f : now) {
                    if (f.dueAt(t)) {
                        f.read(t);
                    }
                    next = Math.min(next, f.nextAt());
                }
                waitUntil(next);
            }
        } finally {
            if (w != null) {
                try {
                    w.close(); // ends the watcher thread
                } catch (IOException ignored) {
                    // nothing to release beyond the watch itself
                }
            }
        }
    }

    private void waitUntil(long at) {
        synchronized (lock) {
            long wait = at - System.nanoTime();
            while (!wake && !closed && wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait = at - System.nanoTime();
            }
            wake = false;
        }
    }

    /** A native change notifier, or null: none asked for, or only the JDK's own polling one (macOS). */
    private WatchService openWatch() {
        if (!timing.useWatch()) {
            return null;
        }
        try {
            WatchService w = FileSystems.getDefault().newWatchService();
            if (w.getClass().getSimpleName().startsWith("Polling")) {
                w.close(); // it would poll every few seconds: our own polling does better
                return null;
            }
            return w;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Marks the followed folders a change notice names as due, and wakes the reader. */
    private void watchLoop(WatchService w) {
        try {
            while (true) {
                WatchKey key = w.take();
                key.pollEvents(); // their count says nothing: the reader reads what is there
                Object dir = key.watchable();
                key.reset();
                synchronized (lock) {
                    for (Followed f : followed) {
                        f.signalIfIn(dir);
                    }
                    wake = true;
                    lock.notifyAll();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // the reader stopped
        }
    }

    /** Reader thread: asks for change notices of {@code dir} (the keys are read by the watcher, under the lock). */
    private void register(Path dir, Map<Path, WatchKey> keys) {
        synchronized (lock) {
            if (watch == null || keys.containsKey(dir)) {
                return;
            }
            WatchKey key;
            try {
                key = dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            } catch (IOException | UnsupportedOperationException | ClosedWatchServiceException e) {
                key = null; // out of watches, or a file system without notices: polling alone
            }
            keys.put(dir, key);
        }
    }

    private void remove(Followed f) {
        synchronized (lock) {
            followed.remove(f);
            f.keys.values().forEach(k -> {
                if (k != null) {
                    k.cancel();
                }
            });
            f.keys.clear();
        }
    }

    /** One followed folder; read only by the reader thread, signalled under {@link #lock}. */
    private final class Followed implements Subscription {
        private final Path folder;
        private final StageAnnouncements stages;
        private final RunSession session;
        private final Consumer<Exception> onError;
        private final Map<Path, WatchKey> keys = new HashMap<>();
        private RunFolderReader events;
        private boolean started;
        private boolean reported;
        private long lastRead = Long.MIN_VALUE / 2;
        private long period = timing.activeNanos();
        private volatile boolean signalled = true;
        private volatile boolean cancelled;
        private volatile Runnable whenFinished;

        Followed(Path folder, StageAnnouncements stages, RunSession session, Consumer<Exception> onError) {
            this.folder = Objects.requireNonNull(folder);
            this.stages = stages;
            this.session = Objects.requireNonNull(session);
            this.onError = onError == null ? e -> { } : onError;
            if (stages == null) {
                events = new RunFolderReader(new RunFolder(folder), JsonLinesTail.HOLE_GRACE_NANOS);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            remove(this);
        }

        @Override
        public void finish(Runnable then) {
            Objects.requireNonNull(then);
            synchronized (lock) {
                if (!closed && followed.contains(this)) {
                    whenFinished = then;
                    signalled = true;
                    wake = true;
                    lock.notifyAll();
                    return;
                }
            }
            then.run(); // cancelled, or the feed is closed: nothing more will be read
        }

        void signalIfIn(Object dir) {
            if (keys.containsKey(dir)) {
                signalled = true;
            }
        }

        boolean dueAt(long t) {
            return t - lastRead >= timing.minGapNanos() && (signalled || t - lastRead >= period);
        }

        long nextAt() {
            return signalled ? lastRead + timing.minGapNanos() : lastRead + period;
        }

        void read(long t) {
            signalled = false;
            lastRead = t;
            Runnable then = whenFinished;
            boolean found;
            try {
                found = readOnce();
                while (then != null && readOnce()) {
                    // the run has ended: read to the end of what it wrote
                }
            } catch (IOException | RuntimeException e) {
                found = false;
                if (!reported) {
                    reported = true;
                    onError.accept(e);
                }
            }
            period = found ? timing.activeNanos() : Math.min(timing.idleNanos(), period * 2);
            if (then != null) {
                remove(this);
                then.run();
            }
        }

        /** True when new events or a new stage were found. */
        private boolean readOnce() throws IOException {
            if (cancelled) {
                return false;
            }
            boolean found = false;
            if (!started) {
                register(folder, keys);
                if (stages == null) {
                    session.restart(null);
                }
                started = true;
                found = true;
            }
            if (stages != null) {
                List<StageAnnouncement> announced = stages.readNew();
                if (!announced.isEmpty()) {
                    // only the newest stage is shown: earlier ones in the same read have ended already
                    StageAnnouncement stage = announced.get(announced.size() - 1);
                    Path stageFolder = stage.folderIn(folder);
                    events = new RunFolderReader(new RunFolder(stageFolder), JsonLinesTail.HOLE_GRACE_NANOS);
                    register(stageFolder, keys);
                    session.restart(stage.label());
                    found = true;
                }
            }
            if (events != null) {
                List<TimedEvent> read = events.readNewTimed();
                read.forEach(e -> session.offer(e.event(), e.time()));
                found |= !read.isEmpty();
            }
            return found;
        }
    }
}
