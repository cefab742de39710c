package org.supertickets.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.IterativeMagnitudePruner;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunCompletedException;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunOwnership;
import org.supertickets.run.RunSetupException;
import org.supertickets.run.RunSummary;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.TrainingMethod;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketRunPlan;
import org.supertickets.ticket.TicketStart;
import org.supertickets.train.RewindPoint;
import org.supertickets.train.RunFinished;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingListener;

/**
 * The usual pipeline the paper compares against: search (a NAS-only run), train the found network from its
 * initialisation, then iterative magnitude pruning with rewinding ({@link ImpSettings}) until the target
 * sparsity; the last level's training is the retraining. Every stage is an ordinary run folder inside the
 * pipeline folder, announced in {@value StageAnnouncements#FILE} as it starts (followers switch to it on that line);
 * {@code pipeline.json} sums their cost.
 */
public final class ImpPipeline {

    /** The pipeline's resolved base config, kept in its folder so {@link #reopen} can carry on. */
    public static final String BASE_CONFIG = "pipeline-config.json";
    /** The train stage's network at the rewind step (see {@link RewindFile}). */
    public static final String REWIND_FILE = "rewind.safetensors";

    private final SearchSpaceConfig base;
    private final ImpSettings settings;
    private final String device;
    private final StageObserver observer;
    private final TrainingControl control = new TrainingControl();

    /** How a pipeline ended. */
    public record Result(Path folder, PipelineManifest manifest, RunFinished.Outcome outcome, String message) {

        /** The pipeline as one run's summary: the last stage's network, the cost of all stages. */
        public RunFinished summary() {
            List<PipelineStage> stages = manifest.stages();
            PipelineStage last = stages.isEmpty() ? null : stages.get(stages.size() - 1);
            boolean done = outcome == RunFinished.Outcome.COMPLETED && last != null;
            double sparsity = last == null ? 0 : last.sparsity();
            long macs = last == null ? 0 : last.macs();
            return new RunFinished(0, 0, outcome, message, done ? last.testAccuracy() : Double.NaN, Double.NaN,
                    Double.NaN, sparsity, macs, Math.round(macs * (1 - sparsity)), last == null ? 0 : last.params(),
                    manifest.totalWallSeconds(), manifest.totalTrainingMacs());
        }
    }

    /**
     * @param base     the resolved config whose search settings, data, training and seed every stage uses
     * @param device   null = the config's choice
     * @param observer told when each stage starts
     * @throws IllegalArgumentException when the settings are unusable (the message names the option)
     */
    public ImpPipeline(SearchSpaceConfig base, ImpSettings settings, String device, StageObserver observer) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.base = base;
        this.settings = settings;
        this.device = device;
        this.observer = observer;
    }

    /**
     * Pauses, resumes and cancels every stage: a cancel stops the running stage (its checkpoint is kept) and the
     * pipeline after it.
     */
    public TrainingControl control() {
        return control;
    }

    /** Stops the running stage (its checkpoint is kept) and the pipeline after it. */
    public void cancel() {
        control.cancel();
    }

    /** Creates the pipeline's folder under {@code outDir}. */
    public Path createFolder(Path outDir) throws IOException {
        return RunFolder.createUnique(outDir, base.name() + "-imp", LocalDateTime.now());
    }

    /** Runs the pipeline into a new folder under {@code outDir}; see {@link #runIn}. */
    public Result run(Path outDir, Path searchRun) throws RunSetupException, IOException {
        return run(outDir, searchRun, folder -> { });
    }

    /**
     * Runs the pipeline into a new folder under {@code outDir}, telling {@code created} its path before the first
     * stage starts (how a pipeline on Slurm is found while it runs); see {@link #runIn}.
     */
    public Result run(Path outDir, Path searchRun, Consumer<Path> created) throws RunSetupException, IOException {
        if (searchRun != null) {
            reusedSearch(searchRun); // refuse a wrong search run before leaving an empty pipeline folder behind
        }
        Path folder = createFolder(outDir);
        created.accept(folder);
        return runIn(folder, searchRun);
    }

    /**
     * Runs the pipeline in {@code folder} (from {@link #createFolder}).
     *
     * @param searchRun a finished NAS-only run of the same config to use as the search stage (its cost is
     *                  counted), or null to run the search
     */
    public Result runIn(Path folder, Path searchRun) throws RunSetupException, IOException {
        // The pipeline's folder gets one owner, as a run's does: its manifest and rewind point are written
        // between stages, when no stage's own lock guards anything.
        try (RunOwnership owner = RunOwnership.claim(folder)) {
            ConfigIo.write(folder.resolve(BASE_CONFIG), base);
            return execute(folder, searchRun, new ArrayList<>(), owner);
        }
    }

    /**
     * The pipeline that stopped (cancelled, crashed, machine off) in {@code folder}, ready to {@link #resumeIn}
     * it: same config, settings and seed.
     *
     * @throws RunSetupException when the folder is not a pipeline, is already complete, or lacks its config
     */
    public static ImpPipeline reopen(Path folder, String device, StageObserver observer) throws RunSetupException {
        PipelineManifest manifest = readManifest(folder);
        if (manifest.complete()) {
            throw RunCompletedException.ofPipeline(folder, manifest.stages().size(), folder.resolve(manifest.ticket()),
                    folder.resolve(BASE_CONFIG));
        }
        SearchSpaceConfig base;
        try {
            base = ConfigIo.loadRecorded(folder.resolve(BASE_CONFIG));
        } catch (ConfigException e) {
            throw new RunSetupException(e.getMessage() + " Fix: restore it, or start the pipeline again with 'imp'.");
        }
        return new ImpPipeline(base, manifest.settings(), device, observer);
    }

    /**
     * Continues this pipeline in its folder: finished stages are kept, the stage that was training resumes from
     * its checkpoint, and the rest runs as it would have.
     */
    public Result resumeIn(Path folder) throws RunSetupException, IOException {
        try (RunOwnership owner = RunOwnership.claim(folder)) {
            return execute(folder, null, new ArrayList<>(readManifest(folder).stages()), owner);
        }
    }

    private static PipelineManifest readManifest(Path folder) throws RunSetupException {
        try {
            return PipelineIo.read(folder);
        } catch (CorruptFileException | IOException e) {
            throw new RunSetupException(e.getMessage() + " Fix: start the pipeline again with 'imp'.");
        }
    }

    /** Runs every stage not yet in {@code stages}, resuming one that stopped half-way. */
    private Result execute(Path folder, Path searchRun, List<PipelineStage> stages, RunOwnership owner)
            throws RunSetupException, IOException {
        List<Double> levels = settings.levelSparsities();
        int stageCount = levels.size() + 2;
        Progress progress = new Progress(folder, stages, owner);
        RewindFile rewindFile = new RewindFile(folder.resolve(REWIND_FILE), ConfigIo.hash(levelConfig(0)));

        if (stages.isEmpty()) {
            // A manifest from the start: a pipeline stopped during its search is a pipeline 'resume' continues
            // (the search resumes from its checkpoint), not a folder to be started over.
            progress.save(-1, false, null);
            RunFolder search;
            if (searchRun != null) {
                search = reusedSearch(searchRun);
            } else {
                SearchSpaceConfig config = TrainingMethod.NAS_ONLY.applyTo(base).withNameSuffix("-imp-search");
                StageRun stage = runStage("search", 1, stageCount, config, folder, null, null);
                if (!stage.completed()) {
                    return progress.stopped(stage);
                }
                search = stage.folder();
            }
            stages.add(stageOf("search", folder, search, 0));
            progress.save(-1, false, null);
        }

        if (stages.size() == 1) {
            Ticket searched = readTicket(stageFolder(folder, stages.get(0)).ticket());
            StageRun train = runStage("train", 2, stageCount, levelConfig(0), folder,
                    new RewindPoint(0, denseFound(searched)),
                    new LocalRun.RewindCapture(settings.rewindEpochs(), rewindFile::save));
            rewindFile.throwIfSaveFailed();
            if (!train.completed()) {
                return progress.stopped(train);
            }
            stages.add(stageOf("train", folder, train.folder(), 0));
        }
        RewindPoint rewind = rewindFile.read();
        progress.save(rewind.step(), false, null);

        for (int level = stages.size() - 1; level <= levels.size(); level++) {
            double sparsity = levels.get(level - 1);
            NetworkState trained = readTicket(stageFolder(folder, stages.get(stages.size() - 1)).ticket()).network();
            Map<String, HostTensor> masks = IterativeMagnitudePruner.masks(trained, sparsity, settings.scope());
            RewindPoint start = new RewindPoint(rewind.step(), rewind.network().withTensors(masks));
            String kind = "level-" + level;
            StageRun stage = runStage(kind, level + 2, stageCount, levelConfig(level), folder, start, null);
            if (!stage.completed()) {
                return progress.stopped(stage);
            }
            stages.add(stageOf(kind, folder, stage.folder(), sparsity));
            progress.save(rewind.step(), false, null);
        }
        RunFolder last = stageFolder(folder, stages.get(stages.size() - 1));
        String ticket = folder.relativize(last.ticket()).toString();
        PipelineManifest manifest = progress.save(rewind.step(), true, ticket);
        return new Result(folder, manifest, RunFinished.Outcome.COMPLETED, "Completed " + stages.size()
                + " stages; the ticket is " + folder.resolve(ticket));
    }

    private static RunFolder stageFolder(Path pipeline, PipelineStage stage) {
        return new RunFolder(pipeline.resolve(stage.runFolder()));
    }

    private SearchSpaceConfig levelConfig(int level) {
        return TicketRunPlan.frozenConfig(base, "-imp-level-" + level, settings.levelEpochs());
    }

    private RunFolder reusedSearch(Path searchRun) throws RunSetupException {
        RunFolder folder;
        SearchSpaceConfig config;
        try {
            folder = RunFolder.open(searchRun);
            config = ConfigIo.loadRecorded(folder.config());
        } catch (IOException | ConfigException e) {
            throw new RunSetupException("--search-run: " + e.getMessage());
        }
        TrainingMethod method = TrainingMethod.of(config);
        if (method != TrainingMethod.NAS_ONLY) {
            throw new RunSetupException(searchRun + " is a " + method.label() + " run, not a search. Fix: pass a "
                    + "finished nas-only run of the same config (sweep --grid method=nas-only), or leave out "
                    + "--search-run to run the search first.");
        }
        if (!config.data().dataset().equals(base.data().dataset()) || config.seed().longValue() != base.seed()) {
            throw new RunSetupException(searchRun + " searched " + config.data().dataset() + " with seed "
                    + config.seed() + ", but this pipeline runs " + base.data().dataset() + " with seed " + base.seed()
                    + ". Fix: pass the nas-only run of the same dataset and seed.");
        }
        try {
            RunSummary.read(folder);
        } catch (IOException e) {
            throw new RunSetupException("--search-run: " + e.getMessage());
        }
        return folder;
    }

    /** The found architecture at its initial weights (the supernet's, cut down), every mask one. */
    private static NetworkState denseFound(Ticket searched) {
        NetworkState init = TicketStart.network(searched, TicketStart.Weights.REWOUND, 0);
        Map<String, HostTensor> ones = new LinkedHashMap<>();
        init.tensors().forEach((name, t) -> {
            if (name.endsWith(TensorNames.MASK)) {
                ones.put(name, HostTensor.filled(t.shape(), 1f));
            }
        });
        return init.withTensors(ones);
    }

    /**
     * Runs one stage: resumes its folder if an earlier attempt stopped with a checkpoint, else starts it anew. The
     * train stage resumes only when its rewind point was saved; without it the attempt stopped before the rewind
     * step, so starting again loses less than the rewind epochs.
     */
    private StageRun runStage(String kind, int index, int count, SearchSpaceConfig config, Path folder,
            RewindPoint start, LocalRun.RewindCapture capture) throws RunSetupException, IOException {
        if (control.isCancelled()) {
            return StageRun.without(null, RunFinished.Outcome.CANCELLED, "Cancelled before the " + kind + " stage.");
        }
        RunFolder earlier = StageFolders.latestAttempt(folder, config.name());
        if (earlier != null && StageFolders.isCompleted(earlier)) {
            return StageRun.without(earlier, RunFinished.Outcome.COMPLETED, "Completed earlier.");
        }
        boolean canResume = earlier != null && Files.isRegularFile(earlier.latestCheckpoint())
                && (capture == null || Files.isRegularFile(folder.resolve(REWIND_FILE)));
        TrainingListener listener = observer.stageStarting(kind, index, count);
        LocalRun run = canResume
                ? LocalRun.resumeStage(earlier.path(), device, listener, capture, control)
                : LocalRun.startStage(config, folder, device, listener, start, capture, control);
        announce(folder, new StageAnnouncement(index, count, kind, relativeTo(folder, run.folder()), canResume), run);
        try {
            return new StageRun(run.folder(), run.completion().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.control().cancel();
            return StageRun.without(run.folder(), RunFinished.Outcome.CANCELLED, "Interrupted.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the " + kind + " stage stopped on an unexpected error", e.getCause());
        }
    }

    private static PipelineStage stageOf(String kind, Path pipeline, RunFolder run, double sparsity)
            throws IOException {
        RunSummary s = RunSummary.read(run);
        return new PipelineStage(kind, relativeTo(pipeline, run), sparsity == 0 ? s.sparsity() : sparsity,
                s.testAccuracy(), s.macs(), s.params(), s.trainingMacs(), s.wallSeconds());
    }

    private static String relativeTo(Path pipeline, RunFolder run) {
        return (run.path().startsWith(pipeline) ? pipeline.relativize(run.path()) : run.path().toAbsolutePath())
                .toString();
    }

    /**
     * Tells followers which folder the stage now writes (the GUI switches to it on reading the line). A stage that
     * cannot be announced is stopped (its checkpoint is kept): a pipeline nobody can follow would train unseen.
     */
    private static void announce(Path pipeline, StageAnnouncement stage, LocalRun run) throws IOException {
        try {
            StageAnnouncements.announce(pipeline, stage);
        } catch (IOException e) {
            run.control().cancel();
            try {
                run.completion().get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // the write failure below is what the user must hear of
            }
            throw new IOException("cannot announce the " + stage.kind() + " stage in "
                    + pipeline.resolve(StageAnnouncements.FILE) + ": " + e.getMessage()
                    + ". Fix: free space or make the pipeline folder writable, then resume it.", e);
        }
    }

    private static Ticket readTicket(Path ticket) throws IOException {
        try {
            return TicketIo.read(ticket);
        } catch (CorruptFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private record StageRun(RunFolder folder, RunFinished finished) {

        /** A stage that ended without measures of its own: skipped, interrupted, or finished before a resume. */
        static StageRun without(RunFolder folder, RunFinished.Outcome outcome, String message) {
            return new StageRun(folder, new RunFinished(0, 0, outcome, message, Double.NaN, Double.NaN, Double.NaN,
                    0, 0, 0, 0, 0, 0));
        }

        boolean completed() {
            return finished.outcome() == RunFinished.Outcome.COMPLETED;
        }
    }

    /** Rewrites pipeline.json as stages finish. */
    private final class Progress {
        private final Path folder;
        private final List<PipelineStage> stages;
        private final RunOwnership owner;
        private long rewindStep = -1;

        Progress(Path folder, List<PipelineStage> stages, RunOwnership owner) {
            this.folder = folder;
            this.stages = stages;
            this.owner = owner;
        }

        PipelineManifest save(long step, boolean complete, String ticket) throws IOException {
            owner.checkHeld(true); // a pipeline taken over by another process writes nothing more
            rewindStep = step;
            PipelineManifest manifest = new PipelineManifest(PipelineManifest.IMP_METHOD, base.name(),
                    base.data().dataset(), base.seed(), settings, step, List.copyOf(stages), complete, ticket);
            PipelineIo.write(folder, manifest);
            return manifest;
        }

        Result stopped(StageRun stage) throws IOException {
            PipelineManifest manifest = save(rewindStep, false, null);
            return new Result(folder, manifest, stage.finished().outcome(), stage.finished().message());
        }
    }
}
