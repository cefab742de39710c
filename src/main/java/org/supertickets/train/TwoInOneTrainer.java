package org.supertickets.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.GlobalMagnitudePruner;
import org.supertickets.prune.MaskChange;
import org.supertickets.prune.NetworkMeasures;
import org.supertickets.prune.PruneResult;
import org.supertickets.prune.SparsitySchedule;
import org.supertickets.search.ChannelCosts;
import org.supertickets.search.RhoSchedule;
import org.supertickets.search.ShrinkPlan;
import org.supertickets.search.ShrinkPlanner;
import org.supertickets.space.Architecture;
import org.supertickets.space.Initialization;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.LayerShape;
import org.supertickets.space.PruningConfig;
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
 */
public final class TwoInOneTrainer {

    private static final int LOG_EVERY_STEPS = 10;
    /** A task-gradient norm this large means training has diverged (healthy runs stay in the single digits). */
    private static final double EXPLODED_GRADIENT_NORM = 1e6;

    private final SearchSpaceConfig config;
    private final NetworkState start;
    private final String configHash;
    private final TrainingData data;
    private final Device device;
    private final TrainingListener listener;
    private final TrainingControl control;
    private final CheckpointStore checkpoints;

    private final int batchSize;
    private final int stepsPerEpoch;
    private final long totalSteps;
    private final long evalEvery;
    private final long pruneEvery;
    private final LearningRateSchedule learningRate;
    private final RhoSchedule rhoSchedule;
    private final SparsitySchedule sparsitySchedule;
    private final ChannelCosts costs;
    private final ShrinkPlanner shrinkPlanner;
    private final Evaluator evaluator;
    private final WeightScorer scorer;
    /** The set of the per-interval curves: the test set when no validation split is held out (official). */
    private final Evaluator.Split heldOut;
    /** BN of a training step: running statistics follow {@code network.bnMomentum}. */
    private final BatchNormMode trainingBatchNorm;
    /** Weight of the averaged network's soft targets in the loss from {@link #distillFromStep} on (0 = off). */
    private final double distillWeight;
    private final long distillFromStep;
    private ProbeBatch probe;
    /** The test canvases predicted at every evaluation of a segmentation run; null for classification. */
    private PredictionPreview preview;
    private final long supernetMacs;

    private Supernet net;
    private Optimizer optimizer;
    /** The moving average of the weights; null when off. */
    private WeightAverage average;
    private NetworkMeasures measures;
    /** Masks right after the previous pruning event, by mask tensor name, sliced along with every shrink. */
    private Map<String, HostTensor> previousEventMasks = new LinkedHashMap<>();
    /** Steps fully trained so far in {@link #run}, the step a failure is reported at. */
    private long stepsDone;
    private int pruneEvents;
    /** Wall seconds of the run's earlier segments (0 when it started here), and when this segment started. */
    private double wallBefore;
    private long segmentStartNanos;
    private double trainingMacs;
    private double windowLoss;
    private long windowCorrect;
    private long windowImages;
    private long windowStartNanos;
    private final Timings timings = new Timings();
    private long rewindStep = -1;
    private boolean startsAtRewindPoint;
    /**
     * Whether a checkpoint of this run is on disk (it resumed from one, or saved one): a failure message says the
     * last good checkpoint is kept only then, and otherwise that the run must start again.
     */
    private boolean checkpointOnDisk;
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
        PruningConfig pruning = config.pruning();
        this.batchSize = Math.min(training.batchSize(), data.trainSize());
        this.stepsPerEpoch = Math.max(1, data.trainSize() / batchSize);
        this.totalSteps = (long) training.epochs() * stepsPerEpoch;
        this.evalEvery = Math.max(1, Math.round(search.evalIntervalEpochs() * stepsPerEpoch));
        this.pruneEvery = pruning.enabled() ? Math.max(1, Math.round(pruning.intervalEpochs() * stepsPerEpoch)) : 0;
        this.rhoSchedule = new RhoSchedule(search.enabled() ? search.rho() : 0,
                Math.round(search.rhoWarmupEpochs() * stepsPerEpoch));
        this.sparsitySchedule = new SparsitySchedule(pruning);
        long targetStep = sparsitySchedule.stepReachingTarget(pruneEvery, stepsPerEpoch, totalSteps);
        this.learningRate = new LearningRateSchedule(training.lrSchedule(), training.learningRate(),
                Math.round(training.lrWarmupEpochs() * stepsPerEpoch), totalSteps,
                pruning.lrRestartAtTarget() ? targetStep : LearningRateSchedule.NO_RESTART);
        this.distillWeight = training.ema().enabled() ? pruning.distillAtTarget() : 0;
        this.distillFromStep = distillWeight > 0 && targetStep >= 0 ? targetStep : Long.MAX_VALUE;
        Architecture supernet = Architecture.supernet(config);
        this.supernetMacs = supernet.macs();
        this.costs = new ChannelCosts(supernet);
        this.shrinkPlanner = new ShrinkPlanner(costs, search.gammaThreshold(), search.minShrinkMacs());
        this.evaluator = new Evaluator(data, batchSize, training.evalBatchSize(), search.bnRecalibrationBatches());
        this.scorer = new WeightScorer(pruning.criterion(), data, batchSize, search.bnRecalibrationBatches(),
                training.labelSmoothing(), config.seed());
        this.heldOut = data.validationSize() == 0 ? Evaluator.Split.TEST : Evaluator.Split.VALIDATION;
        this.trainingBatchNorm = BatchNormMode.training(config.network().bnMomentum());
    }

    public long totalSteps() {
        return totalSteps;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
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
        // Steps fully trained: a fault after step N's training (its evaluation, its checkpoint) is reported at
        // N + 1, the step of the evaluation just logged, not at the loop's N.
        stepsDone = step;
        try (NDManager root = NDManager.newBaseManager(device)) {
            disableGradientRecording();
            NativeAllocatorTuning.applyOnce();
            boolean resumed = resume != null && !startsAtRewindPoint;
            checkpointOnDisk = resumed;
            NetworkState initial = resume != null ? resume.network()
                    : start != null ? start
                    : NetworkInitializer.initialize(Architecture.supernet(config), config.seed(),
                            Initialization.of(config));
            net = Supernet.load(initial, root, device);
            optimizer = Optimizer.of(config.training());
            average = config.training().ema().enabled() ? WeightAverage.of(config.training().ema(), batchSize) : null;
            if (average != null) {
                if (resumed && !resume.weightAverage().isEmpty()) {
                    average.load(resume.weightAverage(), net);
                } else {
                    average.register(net);
                }
            }
            wallBefore = resumed ? resume.wallSeconds() : 0;
            if (resume != null) {
                optimizer.load(resume.optimizerState(), net);
                pruneEvents = resume.pruneEvents();
                trainingMacs = resume.trainingMacs();
                windowLoss = resume.windowLoss();
                windowCorrect = resume.windowCorrect();
                windowImages = resume.windowImages();
                previousEventMasks = new LinkedHashMap<>(resume.previousEventMasks());
            }
            measures = NetworkMeasures.of(initial);
            Architecture supernet = Architecture.supernet(config);
            listener.onEvent(new RunStarted(step, epochOf(step), totalSteps, stepsPerEpoch, evalEvery, pruneEvery,
                    device.toString(), engineDescription(), supernet, supernet.macs(), supernet.params(),
                    data.trainSize(), data.validationSize(), data.testSize(), resumed, Machine.current()));
            if (!resumed) {
                listener.onEvent(SnapshotBuilder.build(initial, step, epochOf(step), "start", true));
            }
            preview = PredictionPreview.of(data);
            if (preview != null) {
                // Also when resumed: the folder writer keeps the first record, and a folder written before
                // predictions were recorded gets its canvases now.
                listener.onEvent(preview.canvases(step, epochOf(step)));
            }
            windowStartNanos = System.nanoTime();
            float[] images = new float[batchSize * data.channels() * data.height() * data.width()];
            long[] labels = new long[batchSize * data.labelsPerImage()];
            int[] order = null;
            int orderEpoch = Integer.MIN_VALUE;
            for (; step < totalSteps; step++) {
                if (control.isPaused()) {
                    // A copy for what-ifs while the run waits; the run itself goes on from its own network.
                    listener.onInspectable(new InspectableNetwork(step, epochOf(step), net.toHost(), probe(),
                            false));
                }
                control.awaitIfPaused();
                if (control.isCancelled()) {
                    saveCheckpoint(step);
                    return finish(step, RunFinished.Outcome.CANCELLED, "Cancelled at step " + step
                            + "; a checkpoint was kept, so the run can be resumed.", false);
                }
                int epoch = (int) (step / stepsPerEpoch);
                int position = (int) (step % stepsPerEpoch);
                if (epoch != orderEpoch) {
                    order = data.epochOrder(epoch);
                    orderEpoch = epoch;
                }
                if (step == rewindStep && rewindSink != null) {
                    rewindSink.accept(new RewindPoint(step, net.toHost()));
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
            return failed(stepsDone, "Could not write a checkpoint: " + e.getMessage()
                    + ". Fix: free disk space or check that the run folder is writable; " + checkpointNote() + ".");
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof RecordingRefusedException refused) {
                return failed(stepsDone, refused.getMessage());
            }
            return failed(stepsDone, e.getMessage() + ". Fix: free disk space or check that the run folder still "
                    + "exists and is writable; " + checkpointNote() + ".");
        } catch (ai.djl.engine.EngineException e) {
            return failed(stepsDone, engineFailureMessage(e));
        } finally {
            net = null;
            optimizer = null;
            average = null;
        }
    }

    private void trainStep(long step, float[] images, long[] labels) throws TrainingDivergedException {
        long t0 = System.nanoTime();
        double lr = learningRate.at(step);
        double rho = rhoSchedule.at(step);
        double loss;
        long correct;
        double gradientNorm;
        // Every array an op creates during the step (including those derived from parameters, which DJL would
        // otherwise attach to the long-lived model manager) is closed when the scope ends.
        try (NDScope scope = new NDScope()) {
            NDArray x = net.manager().create(images, new Shape(batchSize, data.channels(), data.height(),
                    data.width()));
            NDArray y = net.manager().create(labels);
            NDArray teacher = step >= distillFromStep ? teacherProbabilities(x) : null;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.forward(x, trainingBatchNorm);
                NDArray lossArray = CrossEntropy.loss(logits, y, config.training().labelSmoothing());
                if (teacher != null) {
                    lossArray = lossArray.mul((float) (1 - distillWeight)).add(CrossEntropy.softTargets(logits,
                            teacher).mul((float) distillWeight));
                }
                collector.backward(lossArray);
                loss = lossArray.getFloat();
                correct = CrossEntropy.correct(logits, y);
            }
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException("The loss became " + loss + " at step " + step + " (epoch "
                        + String.format("%.2f", epochOf(step)) + "). Fix: lower training.learningRate (now "
                        + config.training().learningRate() + ") or search.rho; " + checkpointNote() + ".");
            }
            gradientNorm = optimizer.step(net, lr, l1Strengths(rho));
        }
        checkGradient(gradientNorm, step, config.training().learningRate(), checkpointNote());
        if (config.pruning().zeroPrunedWeights()) {
            zeroPrunedWeights();
        }
        if (average != null) {
            average.update(net, step + 1);
        }
        windowLoss += loss * batchSize;
        windowCorrect += correct;
        windowImages += batchSize;
        trainingMacs += 3.0 * measures.exactSparseMacs() * batchSize;
        timings.trainNanos += System.nanoTime() - t0;
        long done = step + 1;
        if (done % LOG_EVERY_STEPS == 0 || done == totalSteps) {
            double seconds = (System.nanoTime() - windowStartNanos) / 1e9;
            // per pixel for segmentation: correct counts pixels
            double accuracy = (double) windowCorrect / (windowImages * data.labelsPerImage());
            listener.onEvent(new StepMetrics(done, epochOf(done), windowLoss / windowImages, accuracy, lr, rho,
                    gradientNorm, windowImages / seconds));
            windowLoss = 0;
            windowCorrect = 0;
            windowImages = 0;
            windowStartNanos = System.nanoTime();
        }
    }

    /**
     * The teacher of distillation at the target: the moving average of the weights under the current masks, BN
     * normalising with the batch's statistics (as in-place distillation runs its teacher). Not with the averaged
     * running statistics: right after the event that reaches the target they describe the network under the
     * previous masks; a first version that used them raised the blended training loss from 0.3 to 1.5 at the
     * target and left the student 1.6-3 validation points below the same run without distillation. Built from the live arrays each step (a shrink replaces them); it changes none of
     * them and records no gradient, since none of its inputs asks for one.
     */
    private NDArray teacherProbabilities(NDArray x) {
        return net.withTensorsOf(average.arrays()).forward(x, BatchNormMode.BATCH_STATISTICS_ONLY).softmax(1)
                .stopGradient();
    }

    private void afterStep(long done) throws IOException {
        boolean last = done == totalSteps;
        boolean evalNow = done % evalEvery == 0 || last;
        boolean pruneNow = pruneEvery > 0 && (done % pruneEvery == 0 || last);
        if (evalNow) {
            long t0 = System.nanoTime();
            evaluateAndReport(done);
            timings.evalNanos += System.nanoTime() - t0;
            if (config.search().enabled()) {
                long t1 = System.nanoTime();
                boolean lastEpoch = (done - 1) / stepsPerEpoch == config.training().epochs() - 1;
                architectureStep(done, lastEpoch);
                timings.searchNanos += System.nanoTime() - t1;
            }
        }
        if (pruneNow) {
            long t0 = System.nanoTime();
            weightStep(done, last);
            timings.pruneNanos += System.nanoTime() - t0;
        }
        if (evalNow && !last) {
            saveCheckpoint(done);
        }
    }

    private void evaluateAndReport(long done) {
        Evaluator.Result val;
        PredictedMasks predicted = null;
        try (Supernet evaluated = evaluatedCopy()) {
            Supernet target = evaluated == null ? net : evaluated;
            evaluator.recalibrate(target);
            val = evaluator.evaluate(target, heldOut);
            if (preview != null) {
                predicted = preview.predict(target, done, epochOf(done), PredictedMasks.EVALUATION);
            }
        }
        listener.onEvent(new EvalMetrics(done, epochOf(done), val.loss(), val.accuracy(), measures.sparsity(),
                plannedSparsity(done), measures.macs(), measures.sparseMacs(),
                measures.exactSparseMacs(), measures.params(), measures.keptParams(), measures.hiddenChannels(),
                measures.liveBranches(), measures.liveBlocks(),
                heldOut == Evaluator.Split.TEST ? EvalMetrics.TEST : EvalMetrics.VALIDATION, val.segmentation()));
        if (predicted != null) {
            listener.onEvent(predicted);
        }
    }

    /**
     * The copy of the network that is evaluated: with a moving average, the averaged weights and statistics under
     * the current masks, on the same device (the caller closes it); without one, null (evaluate {@code net}).
     */
    private Supernet evaluatedCopy() {
        if (average == null) {
            return null;
        }
        return Supernet.load(average.applyTo(net.toHost()), net.manager().getParentManager(), device);
    }

    /**
     * @param lastEpoch the official last-epoch rule: shrink whatever the dead MACs, and with a moving average judge
     *                  a channel by its averaged |gamma| alone
     */
    private void architectureStep(long done, boolean lastEpoch) {
        Map<String, float[]> gammas = new LinkedHashMap<>();
        Map<String, float[]> averagedGammas = average == null ? null : new LinkedHashMap<>();
        Architecture current = net.architecture();
        for (BlockState block : current.blocks()) {
            for (BranchState branch : block.branches()) {
                if (!branch.removed()) {
                    String gamma = TensorNames.depthwiseBn(block, branch) + TensorNames.GAMMA;
                    gammas.put(TensorNames.depthwise(block, branch), net.tensor(gamma).toFloatArray());
                    if (average != null) {
                        averagedGammas.put(TensorNames.depthwise(block, branch), average.averaged(gamma).data());
                    }
                }
            }
        }
        ShrinkPlan plan = shrinkPlanner.plan(current, gammas, averagedGammas, lastEpoch, lastEpoch,
                plannedMacs(epochOf(done)));
        if (!plan.fire()) {
            return;
        }
        boolean resetMasks = !config.pruning().reuseMask();
        NetworkState before = net.toHost();
        OptimizerState optimizerState = optimizer.state();
        Map<String, HostTensor> averaged = average == null ? null : average.toHost();
        ChannelSurgery surgery = new ChannelSurgery(before, plan.keep());
        NetworkState after = surgery.apply(resetMasks);
        previousEventMasks = surgery.sliceState(previousEventMasks);
        replaceNetwork(after, optimizerState.map(surgery::sliceState));
        if (average != null) {
            average.load(surgery.sliceState(averaged), net);
        }
        Map<String, Long> resets = resetByShrink(surgery, before, after);
        listener.onEvent(new ShrinkEvent(done, epochOf(done), plan.deadChannels(), plan.targetChannels(),
                current.macs(), after.architecture().macs(), resetMasks, after.architecture(),
                resets.values().stream().mapToLong(Long::longValue).sum(), perBlock(after.architecture(), resets),
                measures.sparsity()));
        listener.onEvent(SnapshotBuilder.build(after, done, epochOf(done), "shrink", true));
    }

    /**
     * Masked weights the shrink's fresh masks turned on, per mask: the masks just before it, sliced to the surviving
     * channels, against the masks after it (MaskChange.RESET_BY_SHRINK), so it counts like every view does.
     */
    private static Map<String, Long> resetByShrink(ChannelSurgery surgery, NetworkState before,
            NetworkState after) {
        Map<String, HostTensor> masksBefore = new LinkedHashMap<>();
        for (LayerShape layer : before.architecture().layers()) {
            if (layer.prunable()) {
                masksBefore.put(TensorNames.mask(layer.name()), before.tensor(TensorNames.mask(layer.name())));
            }
        }
        Map<String, HostTensor> masksAfter = new LinkedHashMap<>();
        for (LayerShape layer : after.architecture().layers()) {
            if (layer.prunable()) {
                masksAfter.put(TensorNames.mask(layer.name()), after.tensor(TensorNames.mask(layer.name())));
            }
        }
        return MaskChange.resetsByShrinkPerMask(surgery.sliceState(masksBefore), masksAfter);
    }

    /** The blocks whose masks a shrink reset, with their counts (the views name which blocks train dense). */
    private static Map<Integer, Long> perBlock(Architecture architecture, Map<String, Long> perMask) {
        Map<Integer, Long> blocks = new LinkedHashMap<>();
        for (BlockState block : architecture.blocks()) {
            String prefix = block.prefix() + ".";
            long reset = perMask.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToLong(Map.Entry::getValue).sum();
            if (reset > 0) {
                blocks.put(block.index(), reset);
            }
        }
        return blocks;
    }

    /** The schedule's sparsity now; with pruning off (a frozen ticket) the plan is to keep the masks as they are. */
    private double plannedSparsity(long done) {
        return config.pruning().enabled() ? sparsitySchedule.plannedAt(epochOf(done)) : measures.sparsity();
    }

    /** Our MACs plan: linear from the supernet to the target by {@code macsTargetEndEpoch}; off when 0. */
    private long plannedMacs(double epoch) {
        long target = config.search().macsTarget();
        if (target <= 0) {
            return Long.MAX_VALUE;
        }
        double end = config.search().macsTargetEndEpoch();
        double t = end <= 0 ? 1 : Math.min(1, epoch / end);
        return Math.round(supernetMacs + (target - supernetMacs) * t);
    }

    private void weightStep(long done, boolean last) {
        pruneEvents++;
        double ratio = sparsitySchedule.ratioAtEvent(pruneEvents, epochOf(done));
        NetworkState before = net.toHost();
        Map<String, HostTensor> weights = new LinkedHashMap<>();
        Map<String, HostTensor> masks = new LinkedHashMap<>();
        Map<String, HostTensor> reference = new LinkedHashMap<>();
        for (LayerShape layer : before.architecture().layers()) {
            if (layer.prunable()) {
                String maskName = TensorNames.mask(layer.name());
                weights.put(layer.name(), before.tensor(TensorNames.weight(layer.name())));
                masks.put(layer.name(), before.tensor(maskName));
                reference.put(layer.name(), previousEventMasks.getOrDefault(maskName, masks.get(layer.name())));
            }
        }
        if (!"magnitude".equals(config.pruning().criterion())) {
            // The pruner ranks by |value|: non-negative scores rank as they are.
            weights = scorer.scores(before, java.util.List.copyOf(weights.keySet()), pruneEvents,
                    net.manager().getParentManager(), device);
        }
        PruneResult result = GlobalMagnitudePruner.prune(weights, masks, reference, ratio,
                config.pruning().rerank(), config.pruning().minLayerDensity());
        previousEventMasks = new LinkedHashMap<>();
        result.masks().forEach((layer, mask) -> previousEventMasks.put(TensorNames.mask(layer), mask));
        previousEventMasks.forEach(net::set);
        NetworkState pruned = before.withTensors(previousEventMasks);
        boolean resetAfter = config.pruning().resetMaskAfterPrune() && !last;
        listener.onEvent(new PruneEvent(done, epochOf(done), pruneEvents, ratio, result.sparsity(),
                result.threshold(), result.reactivated(), result.newlyPruned(), resetAfter, result.perLayer(),
                result.resetKept(), result.resetPrunedAgain()));
        listener.onEvent(SnapshotBuilder.build(pruned, done, epochOf(done), "prune", true));
        if (resetAfter) {
            Map<String, HostTensor> ones = new LinkedHashMap<>();
            previousEventMasks.forEach((name, mask) -> ones.put(name, HostTensor.filled(mask.shape(), 1f)));
            ones.forEach(net::set);
            measures = NetworkMeasures.of(pruned.withTensors(ones));
        } else {
            measures = NetworkMeasures.of(pruned);
        }
    }

    /** The what-if images, read once when first asked for (they never change during a run). */
    private ProbeBatch probe() {
        if (probe == null) {
            probe = ProbeBatch.from(data, batchSize);
        }
        return probe;
    }

    private void replaceNetwork(NetworkState state, OptimizerState optimizerState) {
        NDManager parent = net.manager().getParentManager();
        net.close();
        net = Supernet.load(state, parent, device);
        optimizer.load(optimizerState, net);
        measures = NetworkMeasures.of(state);
    }

    private Map<String, Double> l1Strengths(double rho) {
        Map<String, Double> strengths = new LinkedHashMap<>();
        if (rho <= 0) {
            return strengths;
        }
        for (BlockState block : net.architecture().blocks()) {
            for (BranchState branch : block.branches()) {
                if (!branch.removed()) {
                    strengths.put(TensorNames.depthwiseBn(block, branch) + TensorNames.GAMMA,
                            rho * costs.penalty(block.index(), branch.kernelSize()));
                }
            }
        }
        return strengths;
    }

    private void zeroPrunedWeights() {
        for (LayerShape layer : net.architecture().layers()) {
            if (layer.prunable()) {
                net.tensor(TensorNames.weight(layer.name())).muli(net.tensor(TensorNames.mask(layer.name())));
            }
        }
    }

    private void saveCheckpoint(long step) throws IOException {
        long t0 = System.nanoTime();
        OptimizerState state = optimizer.state();
        checkpoints.save(new TrainerCheckpoint(step, pruneEvents, net.toHost(), state.first(), windowLoss,
                windowCorrect, windowImages, trainingMacs, configHash, previousEventMasks, state.second(),
                state.updates(), average == null ? Map.of() : average.toHost(), wallSeconds()));
        checkpointOnDisk = true;
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
            RunFinished summary = new RunFinished(step, epochOf(step), outcome, message, Double.NaN, Double.NaN,
                    Double.NaN, measures.sparsity(), measures.macs(), measures.sparseMacs(), measures.params(), wall,
                    trainingMacs);
            listener.onEvent(summary);
            return summary;
        }
        Evaluator.Result val;
        Evaluator.Result test;
        NetworkState ticketWithStatistics;
        PredictedMasks predicted = null;
        try (Supernet evaluated = evaluatedCopy()) {
            // With a moving average the ticket is the averaged copy: the network the reported accuracy belongs to.
            Supernet ticket = evaluated == null ? net : evaluated;
            evaluator.recalibrate(ticket);
            val = evaluator.evaluate(ticket, Evaluator.Split.VALIDATION);
            test = evaluator.evaluate(ticket, Evaluator.Split.TEST);
            if (preview != null) {
                predicted = preview.predict(ticket, step, epochOf(step), PredictedMasks.TICKET);
            }
            ticketWithStatistics = ticket.toHost();
        }
        NetworkMeasures m = NetworkMeasures.of(ticketWithStatistics);
        RunFinished summary = new RunFinished(step, epochOf(step), outcome, message, test.accuracy(), test.loss(),
                val.accuracy(), m.sparsity(), m.macs(), m.sparseMacs(), m.params(),
                wallSeconds(), trainingMacs, test.segmentation());
        listener.onTicket(ticketWithStatistics, summary);
        listener.onInspectable(new InspectableNetwork(step, epochOf(step), ticketWithStatistics, probe(), true));
        if (predicted != null) {
            listener.onEvent(predicted);
        }
        listener.onEvent(summary);
        return summary;
    }

    private RunFinished failed(long step, String message) {
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

    /** What a failure leaves to continue from: the last good checkpoint, or nothing yet (start again). */
    private String checkpointNote() {
        return checkpointOnDisk ? "the last good checkpoint is kept"
                : "no checkpoint was written yet; start the run again";
    }

    /** Stops the run when the task gradient is not finite or has exploded. */
    static void checkGradient(double gradientNorm, long step, double learningRate, String checkpointNote)
            throws TrainingDivergedException {
        if (!Double.isFinite(gradientNorm) || gradientNorm > EXPLODED_GRADIENT_NORM) {
            throw new TrainingDivergedException("The gradients exploded (norm " + gradientNorm + ") at step " + step
                    + ". Fix: lower training.learningRate (now " + learningRate + "); " + checkpointNote + ".");
        }
    }

    /**
     * PyTorch records gradients per thread and a new thread starts with recording ON, so in-place updates of
     * leaf tensors (optimiser, masks, BN reset) would fail on a training thread; DJL's collector restores the
     * thread's previous mode when it closes, so it must be switched off here once.
     */
    private static void disableGradientRecording() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            org.supertickets.engine.PyTorchInternals.setGradMode(false);
        }
    }

    private double epochOf(long step) {
        return (double) step / stepsPerEpoch;
    }

    private String engineFailureMessage(ai.djl.engine.EngineException e) {
        String text = String.valueOf(e.getMessage());
        if (text.toLowerCase().contains("out of memory")) {
            return "The device ran out of memory (" + device + "). Fix: lower training.batchSize (now "
                    + config.training().batchSize() + ") or training.evalBatchSize; " + checkpointNote() + ".";
        }
        if (!checkpointOnDisk) {
            return "The engine failed on " + device + ": " + text + ". No checkpoint was written yet; start the run "
                    + "again (on a GPU problem with --device cpu).";
        }
        return "The engine failed on " + device + ": " + text + ". The last good checkpoint is kept; resume it, or on "
                + "a GPU problem resume with --device cpu.";
    }

    /** The engine, its version and flavor, e.g. {@code PyTorch 2.7.1 (cpu)}. */
    public static String engineDescription() {
        Engine engine = Engine.getInstance();
        boolean cuda = engine.hasCapability(ai.djl.engine.StandardCapabilities.CUDA);
        return engine.getEngineName() + " " + engine.getVersion() + (cuda ? " (cuda, " + engine.getGpuCount()
                + " GPU)" : " (cpu)");
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
