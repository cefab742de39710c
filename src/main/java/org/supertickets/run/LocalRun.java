package org.supertickets.run;

import org.supertickets.io.AtomicFiles;
import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.supertickets.data.DatasetException;
import org.supertickets.model.CorruptFileException;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.DeviceChoice;
import org.supertickets.train.RewindPoint;
import org.supertickets.train.RunFinished;
import org.supertickets.train.TrainerCheckpoint;
import org.supertickets.train.TrainingControl;
import org.supertickets.ticket.TicketInput;
import org.supertickets.train.TrainingListener;
import org.supertickets.train.TrainingThreadPriority;
import org.supertickets.train.TwoInOneTrainer;

/**
 * A run of this process, recorded in its own run folder and trained on a background thread. The CLI waits
 * for {@link #completion()}; the GUI listens and controls it through {@link #control()}.
 */
public final class LocalRun {

    private final RunFolder folder;
    private final TwoInOneTrainer trainer;
    private final TrainingControl control;
    private final CompletableFuture<RunFinished> completion = new CompletableFuture<>();

    private LocalRun(RunFolder folder, TwoInOneTrainer trainer, TrainingControl control) {
        this.folder = folder;
        this.trainer = trainer;
        this.control = control;
    }

    /**
     * Creates a run folder for the resolved config and starts training it on a new background thread.
     *
     * @param device      {@code null} = the config's choice; else auto, cpu or gpu
     * @param extra       another listener (the GUI), called on the training thread after the folder writer
     * @throws RunSetupException when the data, device or folder cannot be prepared (message says the fix)
     */
    public static LocalRun start(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener extra)
            throws RunSetupException {
        return start(resolved, runsDir, device, extra, null);
    }

    /**
     * As {@link #start(SearchSpaceConfig, Path, String, TrainingListener)}, from a given network (a ticket to
     * retrain, fine-tune or transfer) instead of the supernet's initialisation.
     */
    public static LocalRun start(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener extra,
            org.supertickets.model.NetworkState startFrom) throws RunSetupException {
        return startStage(resolved, runsDir, device, extra, startFrom == null ? null : new RewindPoint(0, startFrom),
                null, new TrainingControl());
    }

    /**
     * A stage of a pipeline (iterative magnitude pruning): training starts at {@code from} — a network and the
     * step its learning-rate schedule and data order carry on from, with fresh optimiser state — and
     * {@code rewind}, when given, receives the network just before its step is trained.
     *
     * @param from    null = the supernet's initialisation
     * @param rewind  null = nothing to capture
     * @param control pauses and cancels the run (a pipeline shares one across its stages)
     */
    public static LocalRun startStage(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener extra,
            RewindPoint from, RewindCapture rewind, TrainingControl control) throws RunSetupException {
        SearchSpaceConfig config = device == null ? resolved
                : resolved.withTraining(resolved.training().withDevice(device));
        Device chosen = chooseDevice(config.training().device());
        MemoryFit.check(config, !chosen.isGpu());
        RunData data = loadData(config);
        RunFolder folder;
        String hash = ConfigIo.hash(config);
        try {
            folder = RunFolder.create(runsDir, config.name(), LocalDateTime.now());
        } catch (IOException e) {
            throw new RunSetupException("Cannot create a run folder under " + runsDir + ": " + e.getMessage()
                    + ". Fix: choose a writable runs folder (--out) with free space.");
        }
        // Claimed before config.json exists, so no 'resume' can take the new folder for an interrupted run.
        RunOwnership owner = RunOwnership.claim(folder.path());
        try {
            AtomicFiles.writeString(folder.config(), ConfigIo.toJson(config));
            return launch(folder, owner, config, hash, chosen, data, extra, null, from, rewind, control);
        } catch (IOException e) {
            owner.release();
            throw new RunSetupException("Cannot write " + folder.config() + ": " + e.getMessage()
                    + ". Fix: choose a writable runs folder (--out) with free space.");
        } catch (RunSetupException | RuntimeException | Error e) {
            owner.release();
            throw e;
        }
    }

    /**
     * Where to capture a rewind point and who receives it.
     *
     * @param epochs the rewind point in epochs of the run (rounded to a step; 0 = its initial weights)
     * @param sink   receives the network, on the training thread
     */
    public record RewindCapture(double epochs, Consumer<RewindPoint> sink) {
    }

    /**
     * Continues an interrupted run from its latest checkpoint, in the same folder. The logs are repaired first:
     * a torn last line and every event after the checkpoint's step are dropped, so the folder reads as if the
     * run had never stopped. A run that completed is refused ({@link RunCompletedException}) and left untouched.
     */
    public static LocalRun resume(Path runDir, String device, TrainingListener extra) throws RunSetupException {
        return resumeStage(runDir, device, extra, null, new TrainingControl());
    }

    /**
     * As {@link #resume}, for a stage of a pipeline: {@code rewind}, when given, still receives the network at its
     * step if the checkpoint is from before it; {@code control} is the pipeline's.
     */
    public static LocalRun resumeStage(Path runDir, String device, TrainingListener extra, RewindCapture rewind,
            TrainingControl control) throws RunSetupException {
        RunFolder folder;
        Optional<RunFinished> completed;
        try {
            folder = RunFolder.open(runDir);
            completed = RunCompletedException.completion(folder);
        } catch (IOException e) {
            throw new RunSetupException(e.getMessage());
        }
        // Refused before the claim: a completed run's folder is read, never written (not even a lease).
        if (completed.isPresent()) {
            throw RunCompletedException.of(folder, completed.get());
        }
        // Owned before anything is read or repaired: a live run's logs must never be truncated under it.
        RunOwnership owner = RunOwnership.claim(folder.path());
        try {
            return resumeOwned(folder, owner, device, extra, rewind, control);
        } catch (RunSetupException | RuntimeException | Error e) {
            owner.release();
            throw e;
        }
    }

    private static LocalRun resumeOwned(RunFolder folder, RunOwnership owner, String device, TrainingListener extra,
            RewindCapture rewind, TrainingControl control) throws RunSetupException {
        SearchSpaceConfig config;
        TrainerCheckpoint checkpoint;
        try {
            folder.checkNoLinkedSubfolders();
            // A kill during an atomic write (checkpoint, ticket, log repair) leaves its temp file; only the owner
            // may remove it, and the real file is either the old or the new one, so nothing else needs mending.
            folder.removeLeftoverTempFiles();
            config = ConfigIo.loadRecorded(folder.config());
            if (Files.isDirectory(folder.latestCheckpoint())) {
                throw new RunSetupException(folder.latestCheckpoint() + " is a folder, not a checkpoint file. Fix: "
                        + "move it away; resume then needs the run's own checkpoint, or start the run again.");
            }
            if (!Files.isRegularFile(folder.latestCheckpoint())) {
                throw new RunSetupException(folder.latestCheckpoint() + " does not exist: the run stopped before its "
                        + "first checkpoint (written at every evaluation interval). Fix: start it again.");
            }
            checkpoint = CheckpointIo.read(folder.latestCheckpoint());
        } catch (ConfigException e) {
            throw new RunSetupException(e.getMessage());
        } catch (CorruptFileException | IOException e) {
            throw new RunSetupException(e.getMessage());
        }
        String hash = ConfigIo.hash(config);
        if (!hash.equals(checkpoint.configHash())) {
            throw new RunSetupException(folder.config() + " was changed after the checkpoint was written (hash "
                    + hash.substring(0, 12) + " vs " + String.valueOf(checkpoint.configHash()).substring(0, 12)
                    + "). Fix: restore the original config.json, or start a new run with the new config.");
        }
        if (device != null) {
            config = config.withTraining(config.training().withDevice(device));
        }
        Device chosen = chooseDevice(config.training().device());
        MemoryFit.check(config, !chosen.isGpu());
        RunData data = loadData(config);
        long step = checkpoint.step();
        try {
            JsonLines.repair(folder.metrics(), line -> keepOnResume(line, step));
            JsonLines.repair(folder.snapshots(), line -> keepOnResume(line, step));
            JsonLines.repair(folder.predictions(), line -> keepOnResume(line, step));
        } catch (IOException e) {
            throw new RunSetupException("Cannot repair the logs of " + folder.path() + ": " + e.getMessage());
        }
        return launch(folder, owner, config, hash, chosen, data, extra, checkpoint, null, rewind, control);
    }

    /** Whether a log line stays when a run resumes from the checkpoint of {@code checkpointStep}. */
    static boolean keepOnResume(String line, long checkpointStep) {
        try {
            var event = EventJson.fromJson(line);
            return event.step() <= checkpointStep && !"run_finished".equals(event.type());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalRun launch(RunFolder folder, RunOwnership owner, SearchSpaceConfig config, String hash,
            Device device, RunData data, TrainingListener extra, TrainerCheckpoint checkpoint, RewindPoint from,
            RewindCapture rewind, TrainingControl control) throws RunSetupException {
        RunFolderWriter writer = new RunFolderWriter(folder, config, hash,
                TicketInput.of(config.data(), data.normalization(), data.training().testSize()), owner);
        TrainingListener listener = extra == null ? writer : TrainingListener.all(writer, extra);
        boolean atLaterStep = from != null && from.step() > 0;
        TwoInOneTrainer trainer = new TwoInOneTrainer(config, hash, data.training(), device, listener, control,
                writer, from == null || atLaterStep ? null : from.network());
        if (checkpoint != null && checkpoint.step() > trainer.totalSteps()) {
            throw new RunSetupException(folder.latestCheckpoint() + ": metadata field 'step' is " + checkpoint.step()
                    + ", but this run has " + trainer.totalSteps() + " steps (" + folder.config() + "). Fix: the "
                    + "checkpoint was edited or belongs to another run; restore it, or start the run again.");
        }
        if (rewind != null) {
            trainer.captureNetworkAt(Math.round(rewind.epochs() * trainer.stepsPerEpoch()), rewind.sink());
        }
        LocalRun run = new LocalRun(folder, trainer, control);
        Thread thread = new Thread(() -> {
            TrainingThreadPriority.applyToCurrentThread();
            RunFinished finished = null;
            Throwable failure = null;
            try {
                finished = atLaterStep ? trainer.runFrom(from) : trainer.run(checkpoint);
            } catch (Throwable t) {
                failure = t;
            } finally {
                // Given up before anyone hears of the end, so that whoever waits can resume the folder at once.
                owner.release();
            }
            if (failure == null) {
                run.completion.complete(finished);
            } else {
                run.completion.completeExceptionally(failure);
            }
        }, "training-" + folder.name());
        thread.setDaemon(false);
        thread.start();
        return run;
    }

    static Device chooseDevice(String requested) throws RunSetupException {
        try {
            return DeviceChoice.choose(requested, Engine.getInstance().getGpuCount());
        } catch (IllegalArgumentException e) {
            throw new RunSetupException(e.getMessage());
        }
    }

    static RunData loadData(SearchSpaceConfig config) throws RunSetupException {
        try {
            return RunData.load(config);
        } catch (DatasetException e) {
            throw new RunSetupException(e.getMessage());
        }
    }

    public RunFolder folder() {
        return folder;
    }

    public TrainingControl control() {
        return control;
    }

    public CompletableFuture<RunFinished> completion() {
        return completion;
    }

    public long totalSteps() {
        return trainer.totalSteps();
    }
}
