package org.supertickets.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.supertickets.pipeline.FoundRun;
import org.supertickets.pipeline.RunFolderScan;
import org.supertickets.space.ConfigException;
import org.supertickets.train.RunFinished;

/**
 * Reads where every point of a Slurm sweep stands: one {@code squeue} per submission still followed, and
 * {@code scontrol}/{@code sacct} only for tasks that have just left the queue. How a task ended is written into
 * the sweep's file when first seen, so that a point whose task died is reported with Slurm's reason long after
 * Slurm itself has forgotten the job.
 */
public final class SlurmSweepTracker {

    private final Path sweepFolder;
    private final SlurmCommands slurm;

    public SlurmSweepTracker(Path sweepFolder, SlurmCommands slurm) {
        this.sweepFolder = sweepFolder;
        this.slurm = slurm;
    }

    public Path sweepFolder() {
        return sweepFolder;
    }

    /** Asks Slurm and the run folders once; records new ends in the sweep's file. */
    public List<PointStatus> poll() throws IOException, SlurmException {
        SlurmSweep sweep = SlurmSweepIo.read(sweepFolder);
        Map<String, Map<Integer, TaskState>> queuedByJob = new HashMap<>();
        Map<String, Map<Integer, TaskState>> knownByJob = new HashMap<>();
        Map<Integer, SlurmSweep.EndedTask> newlyEnded = new HashMap<>();
        List<PointStatus> statuses = new ArrayList<>();
        for (SweepPoint point : sweep.points()) {
            Optional<Submission> submission = sweep.latestSubmissionOf(point.index());
            FoundRun run = runOf(point);
            if (submission.isEmpty()) {
                statuses.add(status(point, "", null, run));
                continue;
            }
            String taskId = submission.get().taskId(point.index());
            SlurmSweep.EndedTask ended = sweep.ended().get(point.index());
            TaskState state;
            if (ended != null && ended.taskId().equals(taskId)) {
                state = ended.state();
            } else {
                String job = submission.get().jobId();
                if (!queuedByJob.containsKey(job)) {
                    queuedByJob.put(job, slurm.queued(job));
                }
                state = queuedByJob.get(job).get(point.index());
                if (state == null) {
                    if (!knownByJob.containsKey(job)) {
                        knownByJob.put(job, slurm.known(job));
                    }
                    state = knownByJob.get(job).get(point.index());
                }
                if (state != null && !state.active()) {
                    newlyEnded.put(point.index(), new SlurmSweep.EndedTask(taskId, state));
                    // the run folder as the task left it, now that it has ended
                    run = runOf(point);
                }
            }
            statuses.add(status(point, taskId, state, run));
        }
        if (!newlyEnded.isEmpty()) {
            SlurmSweepIo.write(sweepFolder, SlurmSweepIo.read(sweepFolder).withEnded(newlyEnded));
        }
        return statuses;
    }

    /** The point's run folder as its run recorded it; null before the run created one. */
    public Path runFolderOf(SweepPoint point) throws IOException {
        Path record = sweepFolder.resolve(point.folderRecord());
        if (!Files.isRegularFile(record)) {
            return null;
        }
        String text = Files.readString(record, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? null : Path.of(text);
    }

    private FoundRun runOf(SweepPoint point) throws IOException {
        Path folder = runFolderOf(point);
        if (folder == null || !Files.isDirectory(folder)) {
            return null;
        }
        try {
            return RunFolderScan.run(folder);
        } catch (ConfigException | IOException e) {
            return null; // its config is written atomically just after the folder; an instant later it reads
        }
    }

    static PointStatus status(SweepPoint point, String taskId, TaskState state, FoundRun run) {
        Path folder = run == null ? null : run.folder();
        double progress = run == null ? 0 : run.progress();
        boolean resumable = run != null && run.resumable();
        if (run != null && run.complete()) {
            return new PointStatus(point, taskId, PointStatus.Phase.COMPLETED, state, folder, 1, false,
                    "completed: " + result(run.finished()));
        }
        if (taskId.isEmpty()) {
            return new PointStatus(point, taskId, PointStatus.Phase.FAILED, null, folder, progress, resumable,
                    "never submitted; 'sweep --resume' submits it");
        }
        if (state == null) {
            return new PointStatus(point, taskId, PointStatus.Phase.FAILED, null, folder, progress, resumable,
                    "task " + taskId + " ended, and Slurm no longer says how (no accounting); its run did not "
                            + "complete" + resumeHint(resumable));
        }
        if (state.pending()) {
            return new PointStatus(point, taskId, PointStatus.Phase.PENDING, state, folder, 0, resumable,
                    "pending" + (state.reason().isEmpty() || state.reason().equals("None") ? ""
                            : " (" + state.reason() + ")"));
        }
        if (state.active()) {
            return new PointStatus(point, taskId, PointStatus.Phase.RUNNING, state, folder, progress, resumable,
                    String.format(Locale.ROOT, "%s, %.0f%%", state.state().toLowerCase(Locale.ROOT),
                            progress * 100));
        }
        String why = state.completed() ? "Slurm says COMPLETED, but its run did not complete (see its log)"
                : state.describe();
        return new PointStatus(point, taskId, PointStatus.Phase.FAILED, state, folder, progress, resumable,
                why + " at " + String.format(Locale.ROOT, "%.0f%%", progress * 100) + resumeHint(resumable));
    }

    private static String resumeHint(boolean resumable) {
        return resumable ? "; its checkpoint is kept: 'sweep --resume' continues it"
                : "; 'sweep --resume' starts it again";
    }

    private static String result(RunFinished finished) {
        if (finished == null) {
            return "ticket written";
        }
        return String.format(Locale.ROOT, "test acc %s, sparsity %.3f, %,d MACs",
                RunFinished.accuracyText(finished.testAccuracy()), finished.sparsity(), finished.macs());
    }
}
