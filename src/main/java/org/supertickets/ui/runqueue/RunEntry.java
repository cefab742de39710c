package org.supertickets.ui.runqueue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.session.RunFeed;
import org.supertickets.ui.session.RunSession;

/** One row of the Runs list: a queued, local or followed run, its progress, ETA and events. */
public final class RunEntry {

    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyObjectWrapper<RunStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper(this, "eta", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final String device;
    private final SearchSpaceConfig config;
    /** Set when this entry is the search → train → IMP pipeline of the config rather than one run. */
    private final ImpSettings imp;
    private final RunSession session = new RunSession();
    private RunHandle handle;
    /** Completes once the attached run has ended and this row says how. */
    private CompletableFuture<Void> ended = CompletableFuture.completedFuture(null);
    /** How the run folder reaches the session; null while nothing reads it. */
    private RunFeed.Subscription follower;
    private long totalSteps;
    private long etaStartStep = -1;
    private long etaStartNanos;
    private long lastDataNanos;
    /** A folder found on disk whose events are read when the row is first shown; null once read. */
    private Path unreadHistory;
    /** The pipeline stage now training ("stage 3/4 · level-1"); empty for a single run. */
    private String stage = "";

    RunEntry(String name, SearchSpaceConfig config, String device, RunStatus status, Path folder) {
        this(name, config, null, device, status, folder);
    }

    RunEntry(String name, SearchSpaceConfig config, ImpSettings imp, String device, RunStatus status, Path folder) {
        this.name.set(name);
        this.config = config;
        this.imp = imp;
        this.device = device;
        this.status.set(status);
        this.folder.set(folder);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String getName() {
        return name.get();
    }

    public ReadOnlyObjectProperty<RunStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public RunStatus getStatus() {
        return status.get();
    }

    /** Steps done / total steps, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    /** The outcome or the problem, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public Path getFolder() {
        return folder.get();
    }

    public String device() {
        return device;
    }

    /** The resolved config of the run. */
    /** The pipeline's settings, or null for a single run. */
    public ImpSettings imp() {
        return imp;
    }

    public SearchSpaceConfig config() {
        return config;
    }

    public RunSession session() {
        return session;
    }

    RunHandle handle() {
        return handle;
    }

    /** A run is being started or resumed for this row: from now on its end can be awaited. */
    void expectEnd() {
        if (ended.isDone()) {
            ended = new CompletableFuture<>();
        }
    }

    void attach(RunHandle newHandle) {
        handle = newHandle;
        expectEnd();
        folder.set(newHandle.folder());
        name.set(newHandle.folder().getFileName().toString());
    }

    /** A run found on disk: its events are read from {@code folder} when the row is first shown. */
    void readHistoryWhenShown(Path runFolder) {
        unreadHistory = runFolder;
    }

    /** Progress known before the events are read (a run found on disk). */
    void showProgress(double share) {
        progress.set(share);
    }

    /** The folder to read this row's events from, once; null when they were read or arrive live. */
    Path takeUnreadHistory() {
        Path f = unreadHistory;
        unreadHistory = null;
        return f;
    }

    void detach() {
        handle = null;
        ended.complete(null);
    }

    CompletableFuture<Void> ended() {
        return ended;
    }

    /** Reads this row's folder through {@code f} from now on (null: stop reading), ending the previous reading. */
    void setFollower(RunFeed.Subscription f) {
        if (follower != null) {
            follower.cancel();
        }
        follower = f;
    }

    /** The run has ended: reads what its folder still holds, then calls {@code then} (on the feed's thread). */
    void finishFollowing(Runnable then) {
        RunFeed.Subscription f = follower;
        follower = null;
        if (f == null) {
            then.run();
        } else {
            f.finish(then);
        }
    }

    void setStatus(RunStatus s, String text) {
        String said = text == null ? "" : text;
        // while a pipeline trains, its message keeps naming the stage
        message.set(!s.active() || stage.isEmpty() ? said : said.isEmpty() ? stage : stage + " · " + said);
        // The message first: whoever listens to the status (the run-end notice) reads the outcome, not the start.
        status.set(s);
        if (!s.active()) {
            eta.set("");
        }
        if (s == RunStatus.COMPLETED) {
            progress.set(1);
        }
    }

    /** A pipeline's stage has started: say which until its first event says more. */
    void setStage(String text) {
        stage = text;
        if (!status.get().ended()) { // a row read from disk keeps its outcome
            message.set(text);
        }
    }

    /**
     * A paused run has no estimate; once it goes on, its speed is measured anew from its next step report, so the
     * pause does not count as slow training.
     */
    void pauseEstimate(boolean paused) {
        etaStartStep = -1;
        eta.set(paused ? "paused" : "");
    }

    /** Updates progress and ETA from newly drained events. */
    void observe(List<TrainingEvent> events, long nowNanos) {
        if (!events.isEmpty()) {
            lastDataNanos = nowNanos;
        }
        for (TrainingEvent e : events) {
            if (e instanceof RunStarted r) {
                totalSteps = r.totalSteps();
                etaStartStep = -1;
                eta.set(""); // the previous stage's (or attempt's) estimate says nothing about this one
            }
            if (e instanceof RunStarted r && !status.get().ended()) { // an ended run's row keeps its outcome
                message.set((stage.isEmpty() ? "" : stage + " · ") + (r.resumed() ? "resumed · " : "") + r.engine()
                        + " on " + r.device() + " · " + r.trainImages() + " train / " + r.validationImages()
                        + " val images");
            } else if (e instanceof StepMetrics s && etaStartStep < 0) {
                // Measure speed from the first step report on: engine start and data loading are behind us.
                etaStartStep = s.step();
                etaStartNanos = nowNanos;
            } else if (e instanceof RunFinished f) {
                progress.set(f.outcome() == RunFinished.Outcome.COMPLETED ? 1 : progress.get());
            }
            if (totalSteps > 0) {
                progress.set(Math.min(1, (double) e.step() / totalSteps));
            }
        }
        if (status.get() == RunStatus.RUNNING || status.get() == RunStatus.FOLLOWING) {
            long step = session.history().lastStep();
            if (etaStartStep >= 0 && step > etaStartStep && totalSteps > 0) {
                double perStep = (nowNanos - etaStartNanos) / 1e9 / (step - etaStartStep);
                eta.set("ETA " + duration(perStep * (totalSteps - step)));
            }
        }
    }

    long lastDataNanos() {
        return lastDataNanos;
    }

    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + " s";
    }
}
