package org.supertickets.ui.runqueue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.supertickets.run.RunCompletedException;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderInUseException;
import org.supertickets.space.ConfigIo;
import org.supertickets.report.ComparedRuns;
import org.supertickets.pipeline.FoundRun;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.pipeline.RunFolderScan;
import org.supertickets.pipeline.PipelineIo;
import org.supertickets.pipeline.StageAnnouncements;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingListener;
import org.supertickets.ui.session.RunFeed;
import org.supertickets.ui.session.RunSession;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * The Runs view: a queue that trains one run at a time in this process (the machine's cores are shared with
 * the UI), pause/resume/cancel, resume from a checkpoint, and run folders opened from disk, followed live while
 * another process writes them. Every row's events come from its run folder, through one {@link RunFeed}, whoever
 * writes it (this process, the CLI, a Slurm task); {@link #pump()} drains them on the UI's own rhythm.
 */
public final class RunsViewModel {

    /** A followed run without new lines for this long is probably stopped. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final TaskRunner runner;
    private final RunLauncher launcher;
    private final Notifier notifier;
    private final LongSupplier clock;
    private final RunFeed feed;
    private final ObservableList<RunEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<RunEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ObjectProperty<RunEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty device = new SimpleStringProperty(this, "device", "auto");
    private final ObjectProperty<Path> runsDir = new SimpleObjectProperty<>(this, "runsDir");
    private final ReadOnlyBooleanWrapper anyActive = new ReadOnlyBooleanWrapper(this, "anyActive");
    private final ReadOnlyObjectWrapper<Path> openedFolder = new ReadOnlyObjectWrapper<>(this, "openedFolder");
    private final ReadOnlyObjectWrapper<RunEntry> launched = new ReadOnlyObjectWrapper<>(this, "launched");
    private RunObserver observer;

    public RunsViewModel(TaskRunner runner, RunLauncher launcher, Notifier notifier, Path runsDir,
            LongSupplier clock) {
        this(runner, launcher, notifier, runsDir, clock, new RunFeed());
    }

    /** With the feed that follows the rows' folders (closed by {@link #close()}). */
    public RunsViewModel(TaskRunner runner, RunLauncher launcher, Notifier notifier, Path runsDir,
            LongSupplier clock, RunFeed feed) {
        this.feed = Objects.requireNonNull(feed);
        this.runner = Objects.requireNonNull(runner);
        this.launcher = Objects.requireNonNull(launcher);
        this.notifier = Objects.requireNonNull(notifier);
        this.clock = Objects.requireNonNull(clock);
        this.runsDir.set(runsDir);
        selected.addListener((o, a, entry) -> readHistory(entry));
    }

    /**
     * Sees the events of each single run this process starts from now on, on its training thread, and may pause it
     * there (step mode). Not how events reach the charts: those read the run folder like any other row.
     */
    public interface RunObserver {

        /** The listener for a run about to start, steering it through {@code control}. */
        TrainingListener listenerFor(RunEntry entry, TrainingControl control);
    }

    /** null = nothing watches runs on their training thread. */
    public void setRunObserver(RunObserver observer) {
        this.observer = observer;
    }

    public ObservableList<RunEntry> entries() {
        return readOnlyEntries;
    }

    /** The run shown by the monitor, graph and heatmap. */
    public ObjectProperty<RunEntry> selectedProperty() {
        return selected;
    }

    public RunEntry getSelected() {
        return selected.get();
    }

    /** auto, cpu or gpu, for runs started from now on. */
    public StringProperty deviceProperty() {
        return device;
    }

    public ObjectProperty<Path> runsDirProperty() {
        return runsDir;
    }

    /** True while this process trains a run (closing the window must ask). */
    public ReadOnlyBooleanProperty anyActiveProperty() {
        return anyActive.getReadOnlyProperty();
    }

    public boolean hasActiveRuns() {
        return entries.stream().anyMatch(e -> e.getStatus().active());
    }

    /** Queues a resolved config; it starts as soon as no other run trains. Returns its row (selected). */
    public RunEntry enqueue(SearchSpaceConfig resolved) {
        return add(new RunEntry(resolved.name(), resolved, device.get(), RunStatus.QUEUED, null));
    }

    /** Queues the search → train → IMP-with-rewinding pipeline of a resolved config as one entry. */
    public RunEntry enqueueImp(SearchSpaceConfig resolved, ImpSettings settings) {
        return add(new RunEntry(resolved.name() + " · IMP baseline", resolved, settings, device.get(),
                RunStatus.QUEUED, null));
    }

    private RunEntry add(RunEntry entry) {
        entries.add(entry);
        show(entry);
        startNextIfIdle();
        if (entry.getStatus() == RunStatus.QUEUED) {
            // A second ▶ Run (a click meant to close a menu, say) must not queue a run without a word.
            long ahead = entries.stream().filter(e -> e != entry && (e.getStatus().active()
                    || e.getStatus() == RunStatus.QUEUED)).count();
            notifier.info("Queued " + entry.getName() + ": it starts when the " + ahead + " run"
                    + (ahead == 1 ? "" : "s") + " ahead of it end" + (ahead == 1 ? "s" : "")
                    + " (Runs ▸ Stop removes it from the queue)");
        }
        return entry;
    }

    /**
     * Selects a run the user just started, resumed or opened, so the monitor follows it (a resumed run's views
     * start over when its feed restarts the session, not through the selection).
     */
    private void show(RunEntry entry) {
        selected.set(entry);
        launched.set(null); // announced again when it already was: the window brings the monitor to the front
        launched.set(entry);
    }

    /** The run the user last started or resumed (the window brings the monitor to the front for it). */
    public ReadOnlyObjectProperty<RunEntry> launchedProperty() {
        return launched.getReadOnlyProperty();
    }

    public void pause(RunEntry e) {
        if (e != null && e.getStatus() == RunStatus.RUNNING && e.handle() != null) {
            e.handle().control().pause();
            e.setStatus(RunStatus.PAUSED, "paused; resume continues from the same step");
            e.pauseEstimate(true);
        }
    }

    public void resume(RunEntry e) {
        if (e != null && e.getStatus() == RunStatus.PAUSED && e.handle() != null) {
            e.handle().control().resume();
            e.setStatus(RunStatus.RUNNING, "");
            e.pauseEstimate(false);
        }
    }

    /** Stops a run (it writes a checkpoint first, so it can be resumed) or drops a queued one. */
    public void cancel(RunEntry e) {
        if (e == null) {
            return;
        }
        if (e.getStatus() == RunStatus.QUEUED) {
            e.setStatus(RunStatus.STOPPED, "removed from the queue before it started");
            entries.remove(e);
            if (selected.get() == e) {
                selected.set(entries.isEmpty() ? null : entries.get(entries.size() - 1));
            }
            return;
        }
        if ((e.getStatus() == RunStatus.RUNNING || e.getStatus() == RunStatus.PAUSED) && e.handle() != null) {
            e.handle().control().cancel();
            e.setStatus(RunStatus.STOPPING, "");
        } else if (e.getStatus() == RunStatus.STARTING) {
            e.setStatus(RunStatus.STOPPING, "stopping as soon as the engine has started…");
        }
    }

    /** True when the run can continue from its checkpoint in this process. */
    public boolean canResumeFromCheckpoint(RunEntry e) {
        return e != null && e.getFolder() != null && !hasActiveRuns()
                && (e.getStatus() == RunStatus.STOPPED || e.getStatus() == RunStatus.FAILED
                || e.getStatus() == RunStatus.FOLLOW_IDLE)
                && completedRun(e) == null
                && (e.imp() != null ? PipelineIo.isPipeline(e.getFolder())
                        : Files.isRegularFile(new RunFolder(e.getFolder()).latestCheckpoint()));
    }

    /**
     * How the entry's run completed, as its feed read it, or null: a completed run is never resumed (the core
     * refuses it too, for a folder whose end the feed has not read yet). A pipeline's stages complete one by one,
     * so for a pipeline entry this says nothing.
     */
    private static RunFinished completedRun(RunEntry e) {
        if (e == null || e.getFolder() == null || e.imp() != null) {
            return null;
        }
        RunFinished finished = e.session().history().finished();
        return finished != null && finished.outcome() == RunFinished.Outcome.COMPLETED ? finished : null;
    }

    /**
     * Continues an interrupted run from its latest checkpoint in its own folder. The folder's logs are repaired by
     * the core; the feed then reads them again from the start (the session starts over), so curves show the whole
     * run once.
     */
    public void resumeFromCheckpoint(RunEntry e) {
        if (!canResumeFromCheckpoint(e)) {
            RunFinished completed = completedRun(e);
            notifier.error("Cannot resume", completed != null
                    ? RunCompletedException.of(new RunFolder(e.getFolder()), completed).getMessage()
                    : "This run has no checkpoint to resume from, or another run is training. "
                    + "Fix: wait for the other run, or start the config again.");
            return;
        }
        RunStatus before = e.getStatus();
        String saidBefore = e.messageProperty().get();
        Path dir = e.getFolder();
        String dev = device.get();
        boolean pipeline = e.imp() != null;
        e.setStatus(RunStatus.STARTING, "resuming from checkpoint…");
        e.expectEnd();
        refreshActive();
        BackgroundTask.of("Resume run", ctx -> {
            if (!pipeline) {
                return new Resumed(launcher.resume(dir, dev), null);
            }
            // Read up to now before the pipeline starts: what it announces next is the stage it trains.
            StageAnnouncements next = RunFeed.skipAnnounced(dir);
            return new Resumed(launcher.resumeImp(dir, dev), next);
        })
                .onSuccess(resumed -> {
                    // Followed until now: a refused resume (folder in use) leaves the entry as it was.
                    e.takeUnreadHistory(); // the feed reads the resumed folder from its start
                    e.setFollower(pipeline ? feed.followPipeline(dir, resumed.stages(), e.session(), null)
                            : feed.followRun(dir, e.session(), null));
                    e.attach(resumed.handle());
                    if (!stopIfAsked(e, resumed.handle())) {
                        e.setStatus(RunStatus.RUNNING, "resumed from checkpoint");
                    }
                    watchCompletion(e, resumed.handle());
                    show(e);
                })
                .onFailure(err -> {
                    // Refused without touching the folder (another owner, or a completed run): the entry stays.
                    boolean untouched = err instanceof RunFolderInUseException
                            || err.getCause() instanceof RunFolderInUseException
                            || err instanceof RunCompletedException || err.getCause() instanceof RunCompletedException;
                    e.setStatus(untouched ? before : RunStatus.FAILED, untouched ? saidBefore
                            : UserMessages.describe(err));
                    e.detach();
                    notifier.error("Cannot resume " + dir.getFileName(), UserMessages.describe(err));
                })
                .onDone(this::refreshActive)
                .run(runner);
    }

    /** A resumed run, and for a pipeline the reader of the stages it announces from now on. */
    private record Resumed(RunHandle handle, StageAnnouncements stages) {
    }

    /**
     * Lists the runs and pipelines found under the output folder (after a restart the list is not empty),
     * oldest first; a run still written by another process is followed live.
     */
    public void findExisting() {
        Path dir = runsDir.get();
        if (dir == null) {
            return;
        }
        BackgroundTask.of("Find runs", ctx -> RunFolderScan.under(dir))
                .onSuccess(found -> {
                    Set<Path> listed = new HashSet<>();
                    entries.forEach(e -> listed.add(e.getFolder()));
                    found.runs().stream().filter(f -> !listed.contains(f.folder())).forEach(this::list);
                    if (!found.unreadable().isEmpty()) {
                        notifier.info("Not listed, unreadable under " + dir + ": "
                                + String.join("; ", found.unreadable()));
                    }
                })
                .onFailure(err -> notifier.error("Cannot list the runs in " + dir, UserMessages.describe(err)
                        + " Fix: check that the folder is readable."))
                .run(runner);
    }

    private void list(FoundRun f) {
        boolean recent = Duration.between(f.lastWritten(), Instant.now()).toNanos() < IDLE_NANOS;
        RunEntry entry = FoundRunRow.of(f, recent);
        entries.add(entry);
        if (entry.getStatus() == RunStatus.FOLLOWING) {
            entry.setFollower(feed.followRun(f.folder(), entry.session(), reportTo(entry)));
        } else {
            entry.readHistoryWhenShown(f.folder());
        }
    }

    /**
     * The events of a run found on disk, read once when it is first shown: through the feed like a live run (to the
     * end of what the folder holds), a pipeline as the newest stage it announced.
     */
    private void readHistory(RunEntry entry) {
        Path folder = entry == null ? null : entry.takeUnreadHistory();
        if (folder == null) {
            return;
        }
        BackgroundTask.of("Read run", ctx -> PipelineIo.isPipeline(folder)
                && !Files.exists(folder.resolve(StageAnnouncements.FILE))
                        ? ComparedRuns.curvesFolder(folder) // written before pipelines announced their stages
                        : folder)
                .onSuccess(source -> {
                    RunFeed.Subscription read = PipelineIo.isPipeline(source)
                            ? feed.followPipeline(source, new StageAnnouncements(source), entry.session(), null)
                            : feed.followRun(source, entry.session(), err -> runner.ui().execute(() -> notifier
                                    .error("Cannot read " + folder.getFileName(), UserMessages.describe(err))));
                    entry.setFollower(read); // a resume meanwhile cancels it
                    read.finish(() -> { });
                })
                .onFailure(err -> notifier.error("Cannot read " + folder.getFileName(), UserMessages.describe(err)))
                .run(runner);
    }

    /** The run folder the user opened last (File ▸ Open recent lists it); null before the first. */
    public ReadOnlyObjectProperty<Path> openedFolderProperty() {
        return openedFolder.getReadOnlyProperty();
    }

    /**
     * Opens a run folder from disk (possibly still written by another process, another machine, a Slurm task) and
     * follows it in the monitor: the one way to show a folder by its path.
     */
    public void openFolder(Path dir) {
        BackgroundTask.of("Open run folder", ctx -> {
            RunFolder folder = RunFolder.open(dir);
            SearchSpaceConfig config = ConfigIo.loadRecorded(folder.config());
            return new Object[] {folder, config};
        }).onSuccess(result -> {
            RunFolder folder = (RunFolder) result[0];
            RunEntry entry = new RunEntry(folder.name(), (SearchSpaceConfig) result[1], "-", RunStatus.FOLLOWING,
                    folder.path());
            entries.add(entry);
            entry.setFollower(feed.followRun(folder.path(), entry.session(), reportTo(entry)));
            show(entry);
            openedFolder.set(folder.path());
        }).onFailure(err -> notifier.error("Cannot open " + dir.getFileName(), UserMessages.describe(err)))
                .run(runner);
    }

    /**
     * UI thread, ~10 Hz: drains every run's inbox, updates progress, ETA and statuses, and returns what the selected
     * run's session took in (the monitor's input; {@link RunSession.Batch#restarted()} says to show it from scratch).
     */
    public RunSession.Batch pump() {
        long now = clock.getAsLong();
        RunSession.Batch forSelected = new RunSession.Batch(false, List.of());
        for (RunEntry e : new ArrayList<>(entries)) {
            RunSession.Batch batch = e.session().drain();
            if (batch.restarted() && !e.session().stage().isEmpty()) {
                e.setStage(e.session().stage()); // announced by the pipeline, read from its folder
            }
            e.observe(batch.events(), now);
            RunFinished finished = e.session().history().finished();
            if (e.getStatus() == RunStatus.FOLLOWING && finished != null) {
                e.setFollower(null);
                e.setStatus(RunStatus.after(finished), OutcomeText.of(finished));
            } else if (e.getStatus() == RunStatus.FOLLOWING && e.handle() == null && e.lastDataNanos() != 0
                    && now - e.lastDataNanos() > IDLE_NANOS) {
                e.setStatus(RunStatus.FOLLOW_IDLE, "no new lines for a minute: the writing process may have "
                        + "stopped; resume continues from its checkpoint");
            } else if (e.getStatus() == RunStatus.FOLLOW_IDLE && !batch.events().isEmpty()) {
                e.setStatus(RunStatus.FOLLOWING, "");
            }
            if (e == selected.get()) {
                forSelected = batch;
            }
        }
        return forSelected;
    }

    /**
     * Cancels every run this process trains (each writes its checkpoint) and calls back on the UI thread once
     * all have ended and their rows say so.
     */
    public void stopAll(Runnable whenStopped) {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (RunEntry e : entries) {
            if (e.getStatus() == RunStatus.QUEUED) {
                e.setStatus(RunStatus.STOPPED, "not started");
            }
            if (e.getStatus().active()) {
                cancel(e); // one still starting is stopped as soon as its engine has started
                pending.add(e.ended());
            }
        }
        refreshActive();
        CompletableFuture.allOf(pending.toArray(new CompletableFuture[0]))
                .whenComplete((r, t) -> runner.ui().execute(whenStopped));
    }

    /** Stops following every folder (window closing). */
    public void close() {
        entries.forEach(e -> e.setFollower(null));
        feed.close();
    }

    private void startNextIfIdle() {
        refreshActive();
        if (hasActiveRuns()) {
            return;
        }
        RunEntry next = entries.stream().filter(e -> e.getStatus() == RunStatus.QUEUED).findFirst().orElse(null);
        if (next == null) {
            return;
        }
        next.setStatus(RunStatus.STARTING, "loading data and starting the engine…");
        next.expectEnd();
        refreshActive();
        Path dir = runsDir.get();
        RunObserver observer = this.observer;
        BackgroundTask.of("Start run", ctx -> next.imp() == null ? startWithObserver(observer, next, dir)
                : launcher.startImp(next.config(), next.imp(), dir, next.device()))
                .onSuccess(handle -> {
                    next.attach(handle);
                    // The charts read the folder the run writes, as they read any other.
                    next.setFollower(next.imp() == null ? feed.followRun(handle.folder(), next.session(), null)
                            : feed.followPipeline(handle.folder(), new StageAnnouncements(handle.folder()),
                                    next.session(), null));
                    if (!stopIfAsked(next, handle)) {
                        next.setStatus(RunStatus.RUNNING, "");
                    }
                    watchCompletion(next, handle);
                })
                .onFailure(err -> {
                    next.setStatus(RunStatus.FAILED, UserMessages.describe(err));
                    next.detach();
                    notifier.error("Cannot start " + next.config().name(), UserMessages.describe(err));
                    startNextIfIdle();
                })
                .onDone(this::refreshActive)
                .run(runner);
    }

    /** A run stopped while its engine was starting is stopped as soon as it can be: true when it was. */
    private static boolean stopIfAsked(RunEntry e, RunHandle handle) {
        if (e.getStatus() != RunStatus.STOPPING) {
            return false;
        }
        handle.control().cancel();
        return true;
    }

    /** A single run, with the observer's listener (if any) steering it on its training thread. */
    private RunHandle startWithObserver(RunObserver observer, RunEntry entry, Path dir) throws Exception {
        TrainingControl control = new TrainingControl();
        return launcher.start(entry.config(), dir, entry.device(),
                observer == null ? null : observer.listenerFor(entry, control), control);
    }

    /**
     * When a run of this process ends, its row says how only once the feed has read the rest of its folder, so the
     * history of an ended row is the whole run.
     */
    private void watchCompletion(RunEntry e, RunHandle handle) {
        handle.completion().whenComplete((finished, error) -> runner.ui().execute(() -> e.finishFollowing(
                () -> runner.ui().execute(() -> {
                    if (error != null) {
                        e.setStatus(RunStatus.FAILED, UserMessages.describe(error));
                    } else {
                        e.setStatus(RunStatus.after(finished), OutcomeText.of(finished));
                    }
                    e.detach();
                    startNextIfIdle();
                }))));
    }

    /** Says on the row, once, that its folder cannot be read (an opened or found folder). */
    private Consumer<Exception> reportTo(RunEntry entry) {
        return ex -> runner.ui().execute(() -> entry.setStatus(RunStatus.FOLLOW_IDLE, "cannot read the folder: "
                + UserMessages.describe(ex)));
    }

    private void refreshActive() {
        anyActive.set(hasActiveRuns());
    }
}
