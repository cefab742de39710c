package org.supertickets.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import org.supertickets.model.ActivationLayout;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.prune.NetworkMeasures;
import org.supertickets.prune.SparsitySchedule;
import org.supertickets.search.ChannelCosts;
import org.supertickets.search.ShrinkPlanner;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.Initialization;
import org.supertickets.space.SearchConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.TrainingConfig;

/**
 * SuperTickets' two-in-one training: ONE run of the supernet that searches the architecture and prunes the
 * weights together, in the order of the official code (see docs/method.md):
 * <ol>
 *   <li>every step: task loss + L2 on raw weights + ramped, FLOPs-weighted L1 on the depthwise BN scales,
 *       masks applied to the raw weights inside the forward pass;</li>
 *   <li>every evaluation interval (architecture step): BN re-estimation, evaluation, then removal of channels
 *       whose |gamma| fell under the threshold (rebuilt blocks get fresh masks unless {@code reuseMask});</li>
 *   <li>every pruning interval, after the architecture step (weight step): one global magnitude threshold over
 *       all prunable weights of the remaining network, the mask redrawn from the raw weights.</li>
 * </ol>
 * The ticket is the network right after the last pruning event, at the end of the run. With the official moving
 * average of the weights ({@code training.ema}), evaluation, the shrink decision and the ticket use the averaged
 * copy (see {@link WeightAverage}).
 *
 * <p>This class is the loop: it sets the run up (or resumes it), feeds the batches, honours pause and cancel, saves
 * the checkpoints and ends the run. The step itself is {@link TrainingStep}; which steps evaluate, search and prune
 * is {@link EventSchedule}; the events are {@link NetworkEvaluation}, {@link ArchitectureStep} and
 * {@link WeightStep}, all acting on one {@link TrainedNetwork}.
 */
public final class TwoInOneTrainer {

    private final SearchSpaceConfig config;
    private final NetworkState start;
    private final String configHash;
    private final TrainingData data;
    private final Device device;
    private final TrainingListener listener;
    private final TrainingControl control;
    private final CheckpointStore checkpoints;

    private final EventSchedule schedule;
    private final int batchSize;
    private final FailureMessages failures;
    private final TrainingStep trainingStep;
    private final NetworkEvaluation evaluation;
    private final ArchitectureStep architectureStep;
    private final WeightStep weightStep;
    private ProbeBatch probe;

    /** The network being trained, during {@link #run}. */
    private TrainedNetwork network;
    /** Steps fully trained so far in {@link #run}, the step a failure is reported at. */
    private long stepsDone;
    /** Wall seconds of the run's earlier segments (0 when it started here), and when this segment started. */
    private double wallBefore;
    private long segmentStartNanos;
    private double trainingMacs;
    private final StepWindow window = new StepWindow();
    private final Timings timings = new Timings();
    private long rewindStep = -1;
    private boolean startsAtRewindPoint;
    private Consumer<RewindPoint> rewindSink;

    public TwoInOneTrainer(SearchSpaceConfig resolvedConfig, String configHash, TrainingData data, Device device,
            TrainingListener listener, TrainingControl control, CheckpointStore checkpoints) {
        this(resolvedConfig, configHash, data, device, listener, control, checkpoints, null);
    }

    /**
     * @param start the network to start from instead of the supernet at its seeded initialisation (a ticket to
     *              retrain, fine-tune or transfer); null = the supernet
     */
    public TwoInOneTrainer(SearchSpaceConfig resolvedConfig, String configHash, TrainingData data, Device device,
            TrainingListener listener, TrainingControl control, CheckpointStore checkpoints, NetworkState start) {
        this.start = start;
        // Idempotent on a resolved config; fills the settings added since an older config was written.
        this.config = ConfigResolver.resolve(resolvedConfig);
        this.configHash = configHash;
        this.data = data;
        this.device = device;
        this.listener = listener;
        this.control = control;
        this.checkpoints = checkpoints;
        TrainingConfig training = config.training();
        SearchConfig search = config.search();
        SparsitySchedule sparsity = new SparsitySchedule(config.pruning());
        this.schedule = new EventSchedule(config, data.trainSize(), sparsity);
        this.batchSize = schedule.batchSize();
        Architecture supernet = Architecture.supernet(config);
        ChannelCosts costs = new ChannelCosts(supernet);
        this.failures = new FailureMessages(device, training);
        this.trainingStep = new TrainingStep(config, data, schedule, costs, failures);
        this.evaluation = new NetworkEvaluation(config, data, batchSize, sparsity, listener);
        this.architectureStep = new ArchitectureStep(new ShrinkPlanner(costs, search.gammaThreshold(),
                search.minShrinkMacs()), search, config.pruning().reuseMask(), supernet.macs(), listener);
        this.weightStep = new WeightStep(config.pruning(), sparsity, new WeightScorer(config.pruning().criterion(),
                data, batchSize, search.bnRecalibrationBatches(), training.labelSmoothing(), config.seed()), listener,
                config.seed(), schedule.totalSteps());
    }

    public long totalSteps() {
        return schedule.totalSteps();
    }

    public int stepsPerEpoch() {
        return schedule.stepsPerEpoch();
    }

    /** Where the time went so far (the {@code bench} command reports it). */
    public Timings timings() {
        return timings;
    }

    /**
     * Hands a copy of the network to {@code sink} just before step {@code step} is trained (step 0 = the start):
     * the rewind point of iterative magnitude pruning. Call before {@link #run}.
     */
    public void captureNetworkAt(long step, Consumer<RewindPoint> sink) {
        this.rewindStep = step;
        this.rewindSink = sink;
    }

    /** Trains from scratch. */
    public RunFinished run() {
        return run(null);
    }

    /**
     * Trains a new run that starts at a rewind point: the given network, fresh optimiser state, and the learning
     * rate schedule and data order of step {@code start.step()} onwards (a level of iterative magnitude pruning).
     */
    public RunFinished runFrom(RewindPoint start) {
        startsAtRewindPoint = true;
        return run(start.asStart(configHash));
    }

    /**
     * Trains from scratch ({@code resume == null}) or continues from a checkpoint; returns how it ended.
     * Failures become a FAILED outcome with a readable message; they are never thrown at the caller.
     */
    public RunFinished run(TrainerCheckpoint resume) {
        segmentStartNanos = System.nanoTime();
        long step = resume == null ? 0 : resume.step();
        long totalSteps = schedule.totalSteps();
        // Steps fully trained: a fault after step N's training (its evaluation, its checkpoint) is reported at
        // N + 1, the step of the evaluation just logged, not at the loop's N.
        stepsDone = step;
        try (NDManager root = NDManager.newBaseManager(device)) {
            org.supertickets.engine.PyTorchInternals.stopRecordingGradientsOnThisThread();
            NativeAllocatorTuning.applyOnce();
            boolean resumed = resume != null && !startsAtRewindPoint;
            failures.setCheckpointOnDisk(resumed);
            NetworkState initial = resume != null ? resume.network()
                    : start != null ? start
                    : NetworkInitializer.initialize(Architecture.supernet(config), config.seed(),
                            Initialization.of(config));
            network = TrainedNetwork.load(initial, root, device, config.training(), batchSize, resume, resumed);
            wallBefore = resumed ? resume.wallSeconds() : 0;
            if (resume != null) {
                weightStep.restore(resume.pruneEvents());
                trainingMacs = resume.trainingMacs();
                window.restore(resume.windowLoss(), resume.windowCorrect(), resume.windowImages());
            }
            Architecture supernet = Architecture.supernet(config);
            listener.onEvent(new RunStarted(step, epochOf(step), totalSteps, schedule.stepsPerEpoch(),
                    schedule.evalEvery(), schedule.pruneEvery(), device.toString(), engineDescription(), supernet,
                    supernet.macs(), supernet.params(), data.trainSize(), data.validationSize(), data.testSize(),
                    resumed, Machine.current()));
            if (resume == null && config.pruning().enabled() && config.pruning().startsAtTarget()) {
                weightStep.atStart(network);
            }
            if (!resumed) {
                listener.onEvent(SnapshotBuilder.build(network.net().toHost(), step, epochOf(step), "start", true));
            }
            evaluation.recordCanvases(step, epochOf(step));
            window.startClock();
            float[] images = new float[batchSize * data.channels() * data.height() * data.width()];
            long[] labels = new long[batchSize * data.labelsPerImage()];
            int[] order = null;
            int orderEpoch = Integer.MIN_VALUE;
            for (; step < totalSteps; step++) {
                if (control.isPaused()) {
                    // A copy for what-ifs while the run waits; the run itself goes on from its own network.
                    listener.onInspectable(new InspectableNetwork(step, epochOf(step), network.net().toHost(),
                            probe(), false));
                }
                control.awaitIfPaused();
                if (control.isCancelled()) {
                    saveCheckpoint(step);
                    return finish(step, RunFinished.Outcome.CANCELLED, "Cancelled at step " + step
                            + "; a checkpoint was kept, so the run can be resumed.", false);
                }
                int epoch = (int) (step / schedule.stepsPerEpoch());
                int position = (int) (step % schedule.stepsPerEpoch());
                if (epoch != orderEpoch) {
                    order = data.epochOrder(epoch);
                    orderEpoch = epoch;
                }
                if (step == rewindStep && rewindSink != null) {
                    rewindSink.accept(new RewindPoint(step, network.net().toHost()));
                }
                data.fillTrain(Evaluator.slice(order, position * batchSize, batchSize), epoch, position, images,
                        labels);
                trainStep(step, images, labels);
                stepsDone = step + 1;
                afterStep(step + 1);
            }
            return finish(totalSteps, RunFinished.Outcome.COMPLETED, "Completed " + totalSteps + " steps.",
                    true);
        } catch (TrainingDivergedException e) {
            return failed(stepsDone, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(stepsDone, "Interrupted at step " + stepsDone + ".");
        } catch (RecordingRefusedException e) {
            return failed(stepsDone, e.getMessage());
        } catch (IOException e) {
            return failed(stepsDone, failures.checkpointNotWritten(e));
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof RecordingRefusedException refused) {
                return failed(stepsDone, refused.getMessage());
            }
            return failed(stepsDone, failures.recordingFailed(e));
        } catch (ai.djl.engine.EngineException e) {
            return failed(stepsDone, failures.engineFailed(e));
        } finally {
            network = null;
        }
    }

    /** One step, then its share of the step metrics and of the training compute. */
    private void trainStep(long step, float[] images, long[] labels) throws TrainingDivergedException {
        long t0 = System.nanoTime();
        TrainingStep.Result result = trainingStep.train(network, step, images, labels);
        window.add(result.loss(), result.correct(), batchSize);
        trainingMacs += 3.0 * network.measures().exactSparseMacs() * batchSize;
        timings.trainNanos += System.nanoTime() - t0;
        long done = step + 1;
        if (schedule.reportsStepMetricsAfter(done)) {
            // per pixel for segmentation: correct counts pixels
            listener.onEvent(window.close(done, epochOf(done), data.labelsPerImage(), result));
        }
    }

    /** The events due after {@code done} steps, in the official order: evaluation, architecture, weights. */
    private void afterStep(long done) throws IOException {
        boolean last = schedule.isLast(done);
        boolean evalNow = schedule.evaluatesAfter(done);
        boolean pruneNow = schedule.prunesAfter(done);
        if (evalNow) {
            long t0 = System.nanoTime();
            evaluation.report(network, done, epochOf(done));
            timings.evalNanos += System.nanoTime() - t0;
            if (config.search().enabled()) {
                long t1 = System.nanoTime();
                architectureStep.run(network, done, epochOf(done), schedule.inLastEpoch(done));
                timings.searchNanos += System.nanoTime() - t1;
            }
        }
        if (pruneNow) {
            long t0 = System.nanoTime();
            weightStep.run(network, done, epochOf(done), last);
            timings.pruneNanos += System.nanoTime() - t0;
        }
        if (evalNow && !last) {
            saveCheckpoint(done);
        }
    }

    /** The what-if images, read once when first asked for (they never change during a run). */
    private ProbeBatch probe() {
        if (probe == null) {
            probe = ProbeBatch.from(data, batchSize);
        }
        return probe;
    }

    private void saveCheckpoint(long step) throws IOException {
        long t0 = System.nanoTime();
        OptimizerState state = network.optimizer().state();
        WeightAverage average = network.average();
        checkpoints.save(new TrainerCheckpoint(step, weightStep.events(), network.net().toHost(), state.first(),
                window.loss(), window.correct(), window.images(), trainingMacs, configHash,
                network.previousEventMasks(), state.second(), state.updates(),
                average == null ? Map.of() : average.toHost(), wallSeconds()));
        failures.setCheckpointOnDisk(true);
        timings.checkpointNanos += System.nanoTime() - t0;
    }

    /**
     * Wall time of the whole run so far: this process's segment plus those before the checkpoint it resumed from
     * (the time a stopped segment spent after its last checkpoint is redone, and counted once, by the next).
     */
    private double wallSeconds() {
        return wallBefore + (System.nanoTime() - segmentStartNanos) / 1e9;
    }

    private RunFinished finish(long step, RunFinished.Outcome outcome, String message, boolean extractTicket) {
        double wall = wallSeconds();
        if (!extractTicket) {
            NetworkMeasures measures = network.measures();
            RunFinished summary = new RunFinished(step, epochOf(step), outcome, message, Double.NaN, Double.NaN,
                    Double.NaN, measures.sparsity(), measures.macs(), measures.sparseMacs(), measures.params(), wall,
                    trainingMacs);
            listener.onEvent(summary);
            return summary;
        }
        NetworkEvaluation.Ticket ticket = evaluation.ticket(network, step, epochOf(step));
        Evaluator.Result val = ticket.validation();
        Evaluator.Result test = ticket.test();
        NetworkState ticketWithStatistics = ticket.withStatistics();
        NetworkMeasures m = NetworkMeasures.of(ticketWithStatistics);
        RunFinished summary = new RunFinished(step, epochOf(step), outcome, message, test.accuracy(), test.loss(),
                val.accuracy(), m.sparsity(), m.macs(), m.sparseMacs(), m.params(),
                wallSeconds(), trainingMacs, test.segmentation(), test.confusion(), test.mostConfused());
        listener.onTicket(ticketWithStatistics, summary);
        listener.onInspectable(new InspectableNetwork(step, epochOf(step), ticketWithStatistics, probe(), true));
        if (ticket.predicted() != null) {
            listener.onEvent(ticket.predicted());
        }
        listener.onEvent(summary);
        return summary;
    }

    private RunFinished failed(long step, String message) {
        NetworkMeasures measures = network == null ? null : network.measures();
        RunFinished summary = new RunFinished(step, epochOf(step), RunFinished.Outcome.FAILED, message, Double.NaN,
                Double.NaN, Double.NaN, measures == null ? 0 : measures.sparsity(),
                measures == null ? 0 : measures.macs(), measures == null ? 0 : measures.sparseMacs(),
                measures == null ? 0 : measures.params(), wallSeconds(), trainingMacs);
        try {
            listener.onEvent(summary);
        } catch (RuntimeException e) {
            // The failure itself may be that the listener cannot write; the summary is still returned.
        }
        return summary;
    }

    /** Stops the run when the task gradient is not finite or has exploded (see {@link TrainingStep}). */
    static void checkGradient(double gradientNorm, long step, double learningRate, String checkpointNote)
            throws TrainingDivergedException {
        TrainingStep.checkGradient(gradientNorm, step, learningRate, checkpointNote);
    }

    private double epochOf(long step) {
        return schedule.epochOf(step);
    }

    /**
     * The engine, its version and flavor, with the CPU's activation layout where it is not libtorch's default, e.g.
     * {@code PyTorch 2.7.1 (cpu)} or {@code PyTorch 2.7.1 (cpu, channels-last where widths fit)}.
     */
    public static String engineDescription() {
        Engine engine = Engine.getInstance();
        boolean cuda = engine.hasCapability(ai.djl.engine.StandardCapabilities.CUDA);
        ActivationLayout cpu = ActivationLayout.forDevice(Device.cpu());
        return engine.getEngineName() + " " + engine.getVersion() + (cuda ? " (cuda, " + engine.getGpuCount()
                + " GPU)" : cpu == ActivationLayout.NCHW ? " (cpu)" : " (cpu, " + cpu.label() + " where widths fit)");
    }

    /** Nanoseconds spent per part of the run. */
    public static final class Timings {
        long trainNanos;
        long evalNanos;
        long searchNanos;
        long pruneNanos;
        long checkpointNanos;

        public long trainNanos() {
            return trainNanos;
        }

        public long evalNanos() {
            return evalNanos;
        }

        public long searchNanos() {
            return searchNanos;
        }

        public long pruneNanos() {
            return pruneNanos;
        }

        public long checkpointNanos() {
            return checkpointNanos;
        }
    }
}
