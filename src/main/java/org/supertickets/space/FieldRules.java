package org.supertickets.space;

import static java.util.Map.entry;
import static org.supertickets.space.Interval.above;
import static org.supertickets.space.Interval.atLeast;
import static org.supertickets.space.Interval.closed;
import static org.supertickets.space.Interval.leftOpen;
import static org.supertickets.space.Interval.rightOpen;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of single config fields, each written once: the interval a number must lie in and the names a text may
 * take, whatever the rest of the config says. The validator's checks read them ({@link ValidationFindings#range},
 * {@link ValidationFindings#oneOf}) and {@link ConfigSchema} publishes them in the JSON Schema, so the two cannot
 * disagree on them.
 *
 * <p>A field whose limit also depends on other fields (an epoch within {@code training.epochs}, a kernel that fits
 * its feature map, a dataset's own image shape) has here the part that holds on its own; its check narrows it, and
 * the schema says so in the field's description. Paths are the validator's with every list index written as
 * {@code []}: {@code stages[].repeats}.
 */
final class FieldRules {

    /** The strides a stem or a stage may have: keep the resolution, or halve it. */
    static final List<Integer> STRIDES = List.of(1, 2);
    /** The smallest kernel size; every kernel size is odd, so the kernel can be centred on a pixel. */
    static final int MIN_KERNEL = 1;

    private static final Map<String, Interval> INTERVALS = Map.ofEntries(
            // A dataset of fixed shape must match it, and a canvas is 28..256 (DataChecks): narrower, never wider.
            entry("data.channels", closed(1, DataChecks.MAX_IMAGE_CHANNELS)),
            entry("data.height", closed(1, DataChecks.MAX_IMAGE_SIDE)),
            entry("data.width", closed(1, DataChecks.MAX_IMAGE_SIDE)),
            entry("data.classes", closed(2, DataChecks.MAX_CLASSES)),
            entry("data.validationFraction", closed(0, DataChecks.MAX_VALIDATION_FRACTION)),
            entry("data.trainLimit", closed(0, DataChecks.MAX_IMAGES)),
            entry("data.testLimit", closed(0, DataChecks.MAX_IMAGES)),

            entry("stem.channels", closed(1, ArchitectureChecks.MAX_CHANNELS)),
            entry("stages[].channels", closed(1, ArchitectureChecks.MAX_CHANNELS)),
            entry("stages[].repeats", closed(1, ArchitectureChecks.MAX_REPEATS)),
            entry("stages[].expansionRatio", closed(1, ArchitectureChecks.MAX_EXPANSION_RATIO)),
            entry("head.channels", closed(1, ArchitectureChecks.MAX_HEAD_CHANNELS)),

            // Passed to the engine as a float: below 1e-10 it is as good as 0, and a BN with eps 0 divides by 0 on a
            // channel that is constant over a batch.
            entry("network.bnEpsilon", closed(1e-10, 1)),
            // The share of a training batch's statistics in the running ones: 0 would never update them.
            entry("network.bnMomentum", leftOpen(0, 1)),

            entry("search.rho", closed(0, 1)),
            entry("search.rhoWarmupEpochs", atLeast(0)), // and at most training.epochs
            entry("search.gammaThreshold", closed(0, 1)),
            entry("search.minShrinkMacs", atLeast(0)),
            entry("search.evalIntervalEpochs", above(0)), // and at most training.epochs
            entry("search.bnRecalibrationBatches", closed(0, 1000)),
            entry("search.macsTarget", atLeast(0)), // 0 = off; else between the smallest subnet and the supernet
            entry("search.macsTargetEndEpoch", atLeast(0)), // and at most training.epochs

            entry("pruning.targetSparsity", closed(0, PruningChecks.MAX_TARGET_SPARSITY)),
            entry("pruning.intervalEpochs", above(0)), // and at most training.epochs
            entry("pruning.increment", leftOpen(0, 1)),
            entry("pruning.cubicEndEpoch", atLeast(0)), // and at most training.epochs
            entry("pruning.minLayerDensity", closed(0, 1)),
            entry("pruning.distillAtTarget", closed(0, 1)),

            entry("training.epochs", closed(0, TrainingChecks.MAX_EPOCHS)), // 0 only with a prune at the start
            entry("training.batchSize", closed(1, TrainingChecks.MAX_BATCH_SIZE)),
            entry("training.learningRate", leftOpen(0, 10)),
            entry("training.momentum", rightOpen(0, 1)),
            entry("training.weightDecay", closed(0, 1)),
            entry("training.lrWarmupEpochs", atLeast(0)), // and at most training.epochs
            entry("training.labelSmoothing", closed(0, 0.5)),
            entry("training.evalBatchSize", closed(1, TrainingChecks.MAX_EVAL_BATCH_SIZE)),
            entry("training.rmspropDecay", closed(0, 0.999999)),
            entry("training.optimizerEpsilon", leftOpen(0, 1)),
            entry("training.ema.decay", closed(0, 0.99999999)),
            entry("training.ema.decayBaseBatch", closed(0, TrainingChecks.MAX_BATCH_SIZE * 1024L)));

    private static final Map<String, List<String>> NAMES = Map.ofEntries(
            entry("task", Task.NAMES),
            entry("data.dataset", ConfigDefaults.DATASETS),
            entry("network.skipPath", ConfigDefaults.SKIP_PATHS),
            entry("network.initialization", ConfigDefaults.INITIALIZATIONS),
            entry("pruning.schedule", ConfigDefaults.SCHEDULES),
            entry("pruning.criterion", ConfigDefaults.PRUNING_CRITERIA),
            entry("training.optimizer", ConfigDefaults.OPTIMIZERS),
            entry("training.lrSchedule", ConfigDefaults.LR_SCHEDULES),
            entry("training.device", ConfigDefaults.DEVICES));

    private FieldRules() {
    }

    /** The interval of a numeric field, e.g. {@code stages[2].repeats}; empty when it has none of its own. */
    static Optional<Interval> intervalOf(String path) {
        return Optional.ofNullable(INTERVALS.get(generic(path)));
    }

    /** The interval of a field that has one; asking for another is a programming error. */
    static Interval interval(String path) {
        return intervalOf(path).orElseThrow(() -> new IllegalStateException("no interval for " + path
                + " in FieldRules"));
    }

    /** The names a text field may take; empty when any text will do. */
    static Optional<List<String>> namesOf(String path) {
        return Optional.ofNullable(NAMES.get(generic(path)));
    }

    /** The names of a field that has them; asking for another is a programming error. */
    static List<String> names(String path) {
        return namesOf(path).orElseThrow(() -> new IllegalStateException("no names for " + path + " in FieldRules"));
    }

    /** {@code stages[2].kernelSizes[0]} as {@code stages[].kernelSizes[]}. */
    static String generic(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }
}
