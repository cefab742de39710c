package org.supertickets.ui.runqueue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.supertickets.pipeline.PipelineIo;
import org.supertickets.pipeline.StageFolders;
import org.supertickets.slurm.PointStatus;
import org.supertickets.slurm.SlurmCommands;
import org.supertickets.slurm.SlurmException;
import org.supertickets.slurm.SlurmSweepIo;
import org.supertickets.slurm.SlurmSweepSubmitter;
import org.supertickets.slurm.SlurmSweepTracker;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * The Slurm sweeps (and pipelines) under the runs folder: every point of each array with Slurm's state beside its run
 * folder's progress, read off the UI thread every {@value #REFRESH_SECONDS} s (one squeue per array, as the CLI
 * does). Open follows a point's run folder in the Monitor like any opened folder; Cancel cancels the sweep's job.
 */
public final class SlurmSweepsViewModel {

    /** How often the sweeps are read: Slurm's state changes in seconds, and a controller must not be flooded. */
    public static final long REFRESH_SECONDS = 10;

    /** Reads where the points of one sweep folder stand. */
    @FunctionalInterface
    public interface SweepReader {
        List<PointStatus> read(Path sweepFolder) throws IOException, SlurmException;
    }

    /** Cancels the tasks of one sweep folder that have not ended; returns the job ids it cancelled. */
    @FunctionalInterface
    public interface SweepCanceller {
        List<String> cancel(Path sweepFolder) throws IOException, SlurmException;
    }

    /**
     * One point as a table row.
     *
     * @param sweepFolder the sweep folder
     * @param sweep     the sweep folder's name
     * @param taskId    Slurm's task id, "-" when never submitted
     * @param point     the point's config name
     * @param slurm     Slurm's state of the task, "-" when Slurm knows nothing of it
     * @param progress  the run's progress, 0..1
     * @param detail    the point's phase in words, with Slurm's reason or the run's result
     * @param runFolder its run folder; null before the run created it
     */
    public record Row(Path sweepFolder, String sweep, String taskId, String point, String slurm, double progress,
            String detail, Path runFolder) {
    }

    private record Snapshot(List<Row> rows, String problem) {
    }

    private final TaskRunner runner;
    private final SweepReader reader;
    private final SweepCanceller canceller;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private Path lastRunsDir;

    public SlurmSweepsViewModel(TaskRunner runner) {
        this(runner, folder -> new SlurmSweepTracker(folder, new SlurmCommands()).poll(),
                // cancelling needs no task setup: nothing is submitted
                folder -> new SlurmSweepSubmitter(new SlurmCommands(), null).cancel(folder));
    }

    SlurmSweepsViewModel(TaskRunner runner, SweepReader reader, SweepCanceller canceller) {
        this.runner = Objects.requireNonNull(runner);
        this.reader = Objects.requireNonNull(reader);
        this.canceller = Objects.requireNonNull(canceller);
    }

    /** What the last Open or Cancel did or why it could not; empty before the first. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * The folder Open follows for a row: a run's own folder, or for a pipeline the stage it runs now (a
     * pipeline's folder holds its stages' run folders); null, with the notice saying why, when there is none yet.
     */
    public Path folderToOpen(Row row) {
        if (row == null || row.runFolder() == null) {
            notice.set(row == null ? "Select a point first."
                    : row.point() + " has no run folder yet (its task has not started a run). Fix: wait until Slurm "
                            + "runs it.");
            return null;
        }
        if (!PipelineIo.isPipeline(row.runFolder())) {
            return row.runFolder();
        }
        try {
            Path stage = StageFolders.latestWritten(row.runFolder());
            if (stage == null) {
                notice.set(row.point() + " has started no stage yet. Fix: wait a moment.");
            }
            return stage;
        } catch (IOException e) {
            notice.set("Cannot read " + row.runFolder() + ": " + UserMessages.describe(e));
            return null;
        }
    }

    /**
     * Cancels every task of the row's sweep that has not ended (scancel), off the UI thread; each running run
     * writes a checkpoint on Slurm's SIGTERM, so 'Resume' (sweep --resume) continues it. The rows are read again.
     */
    public void cancel(Row row) {
        if (row == null) {
            notice.set("Select a point of the sweep to cancel first.");
            return;
        }
        Path sweepFolder = row.sweepFolder();
        notice.set("Cancelling " + row.sweep() + "…");
        BackgroundTask.of("Cancel Slurm sweep", ctx -> canceller.cancel(sweepFolder))
                .onSuccess(jobs -> notice.set(jobs.isEmpty() ? "No task of " + row.sweep() + " was pending or "
                        + "running." : "Cancelled job " + String.join(", ", jobs) + " of " + row.sweep() + "; "
                        + "running points write a checkpoint ('sweep --resume " + sweepFolder + "' continues them)."))
                .onFailure(e -> notice.set("Cannot cancel " + row.sweep() + ": " + UserMessages.describe(e)))
                .onDone(() -> refresh(lastRunsDir))
                .run(runner);
    }

    /** Every point of every Slurm sweep under the runs folder, newest sweep first. */
    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    /** Why a sweep could not be read (Slurm unreachable), with the fix; empty when all were read. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Reads the sweeps under {@code runsDir} once, off the UI thread. */
    public void refresh(Path runsDir) {
        if (runsDir == null) {
            return;
        }
        lastRunsDir = runsDir;
        BackgroundTask.of("Read Slurm sweeps", ctx -> read(runsDir))
                .onSuccess(snapshot -> {
                    rows.setAll(snapshot.rows());
                    problem.set(snapshot.problem());
                })
                .onFailure(e -> problem.set("Cannot read the Slurm sweeps under " + runsDir + ": "
                        + UserMessages.describe(e)))
                .run(runner);
    }

    /** Refreshes now and every {@value #REFRESH_SECONDS} s from the runs folder of the moment; cancel to stop. */
    public ScheduledFuture<?> follow(Supplier<Path> runsDir) {
        // the runs folder is a UI property: read it on the UI thread, which only hands the reading on
        return runner.scheduler().scheduleWithFixedDelay(() -> runner.ui().execute(() -> refresh(runsDir.get())), 0,
                REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    private Snapshot read(Path runsDir) throws IOException {
        List<Row> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path sweep : sweepFolders(runsDir)) {
            try {
                for (PointStatus s : reader.read(sweep)) {
                    found.add(new Row(sweep, sweep.getFileName().toString(), s.taskId().isEmpty() ? "-" : s.taskId(),
                            s.point().name(), s.slurm() == null ? "-" : s.slurm().state(), s.progress(), s.detail(),
                            s.runFolder()));
                }
            } catch (SlurmException | IOException e) {
                problems.add(sweep.getFileName() + ": " + e.getMessage());
            }
        }
        return new Snapshot(found, String.join("\n", problems));
    }

    /**
     * Sweep (and pipeline job) folders submitted to Slurm, newest first; none when the runs folder holds none (nothing
     * is asked).
     */
    private static List<Path> sweepFolders(Path runsDir) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(runsDir)) {
            return children.filter(p -> p.getFileName().toString().startsWith(SlurmSweepSubmitter.SWEEP_PREFIX + "-")
                    || p.getFileName().toString().startsWith(SlurmSweepSubmitter.IMP_PREFIX + "-"))
                    .filter(SlurmSweepIo::isSlurmSweep).sorted(Comparator.reverseOrder()).toList();
        }
    }
}
