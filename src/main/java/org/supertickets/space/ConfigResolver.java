package org.supertickets.space;

import static org.supertickets.space.ConfigDefaults.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Fills every missing field of a raw config with its default from {@link ConfigDefaults}, so the config a run
 * records says everything it ran with.
 *
 * <p>Only fields that have a meaningful default are filled. A stage's channels and the input shape and classes
 * of a dataset read from disk ({@code idx}, {@code image-folder}) stay {@code null} when missing, and so does
 * {@code data.path} (the embedded datasets have none); {@link ConfigValidator} reports each missing required
 * field at its path. A valid resolved config therefore has no {@code null} anywhere except {@code data.path} of
 * an embedded dataset.
 *
 * <p>Resolving never fails and never changes a value that is present (a wrong value is the validator's to
 * report), so it is idempotent: resolving a resolved config returns an equal config. The defaults that depend
 * on the number of epochs use the resolved {@code training.epochs}.
 */
public final class ConfigResolver {

    private ConfigResolver() {
    }

    /** The config with every default filled in; {@code raw} itself is not changed. */
    public static SearchSpaceConfig resolve(SearchSpaceConfig raw) {
        TrainingConfig training = training(raw.training());
        int epochs = training.epochs();
        return new SearchSpaceConfig(
                or(raw.name(), NAME),
                data(raw.data()),
                stem(raw.stem()),
                stages(raw.stages()),
                new HeadConfig(or(raw.head() == null ? null : raw.head().channels(), HEAD_CHANNELS)),
                network(raw.network()),
                search(raw.search(), epochs),
                pruning(raw.pruning(), epochs),
                training,
                or(raw.seed(), SEED),
                or(raw.task(), TASK));
    }

    private static DataConfig data(DataConfig d) {
        if (d == null) {
            d = new DataConfig(null, null, null, null, null, null, null, null, null, null);
        }
        String dataset = or(d.dataset(), DATASET);
        Optional<InputShape> shape = knownShape(dataset);
        return new DataConfig(dataset, d.path(),
                or(d.channels(), shape.map(InputShape::channels).orElse(null)),
                or(d.height(), shape.map(InputShape::height).orElse(null)),
                or(d.width(), shape.map(InputShape::width).orElse(null)),
                or(d.classes(), shape.map(InputShape::classes).orElse(null)),
                or(d.validationFraction(), VALIDATION_FRACTION), or(d.trainLimit(), TRAIN_LIMIT),
                or(d.testLimit(), TEST_LIMIT), or(d.augment(), AUGMENT));
    }

    private static StemConfig stem(StemConfig s) {
        if (s == null) {
            return new StemConfig(STEM_CHANNELS, STEM_KERNEL, STEM_STRIDE);
        }
        return new StemConfig(or(s.channels(), STEM_CHANNELS), or(s.kernelSize(), STEM_KERNEL),
                or(s.stride(), STEM_STRIDE));
    }

    /** A missing stages list stays empty (the validator asks for one); a {@code null} stage gets the defaults. */
    private static List<StageConfig> stages(List<StageConfig> stages) {
        if (stages == null) {
            return List.of();
        }
        List<StageConfig> out = new ArrayList<>();
        for (StageConfig s : stages) {
            if (s == null) {
                s = new StageConfig(null, null, null, null, null);
            }
            // Not List.copyOf: a null kernel size from the JSON must reach the validator, not throw here.
            List<Integer> kernels = s.kernelSizes() == null ? STAGE_KERNEL_SIZES
                    : Collections.unmodifiableList(new ArrayList<>(s.kernelSizes()));
            out.add(new StageConfig(s.channels(), or(s.repeats(), STAGE_REPEATS), or(s.stride(), STAGE_STRIDE),
                    kernels, or(s.expansionRatio(), STAGE_EXPANSION_RATIO)));
        }
        return Collections.unmodifiableList(out);
    }

    private static NetworkConfig network(NetworkConfig n) {
        if (n == null) {
            n = new NetworkConfig(null, null, null, null);
        }
        return new NetworkConfig(or(n.skipPath(), SKIP_PATH), or(n.bnEpsilon(), BN_EPSILON),
                or(n.bnMomentum(), BN_MOMENTUM), or(n.initialization(), INITIALIZATION));
    }

    private static SearchConfig search(SearchConfig s, int epochs) {
        if (s == null) {
            s = new SearchConfig(null, null, null, null, null, null, null, null, null);
        }
        return new SearchConfig(or(s.enabled(), SEARCH_ENABLED), or(s.rho(), RHO),
                or(s.rhoWarmupEpochs(), rhoWarmupEpochs(epochs)), or(s.gammaThreshold(), GAMMA_THRESHOLD),
                or(s.minShrinkMacs(), MIN_SHRINK_MACS), or(s.evalIntervalEpochs(), EVAL_INTERVAL_EPOCHS),
                or(s.bnRecalibrationBatches(), BN_RECALIBRATION_BATCHES), or(s.macsTarget(), MACS_TARGET),
                or(s.macsTargetEndEpoch(), macsTargetEndEpoch(epochs)));
    }

    private static PruningConfig pruning(PruningConfig p, int epochs) {
        if (p == null) {
            p = new PruningConfig(null, null, null, null, null, null, null, null, null, null);
        }
        return new PruningConfig(or(p.enabled(), PRUNING_ENABLED), or(p.targetSparsity(), TARGET_SPARSITY),
                or(p.intervalEpochs(), pruneIntervalEpochs(epochs)), or(p.schedule(), SCHEDULE),
                or(p.increment(), INCREMENT), or(p.cubicEndEpoch(), cubicEndEpoch(epochs)), or(p.rerank(), RERANK),
                or(p.reuseMask(), REUSE_MASK), or(p.resetMaskAfterPrune(), RESET_MASK_AFTER_PRUNE),
                or(p.zeroPrunedWeights(), ZERO_PRUNED_WEIGHTS), or(p.criterion(), PRUNING_CRITERION),
                or(p.minLayerDensity(), MIN_LAYER_DENSITY), or(p.lrRestartAtTarget(), LR_RESTART_AT_TARGET),
                or(p.distillAtTarget(), DISTILL_AT_TARGET));
    }

    private static TrainingConfig training(TrainingConfig t) {
        if (t == null) {
            t = new TrainingConfig(null, null, null, null, null, null, null, null, null, null, null);
        }
        return new TrainingConfig(or(t.epochs(), EPOCHS), or(t.batchSize(), BATCH_SIZE), or(t.optimizer(), OPTIMIZER),
                or(t.learningRate(), LEARNING_RATE), or(t.momentum(), MOMENTUM), or(t.weightDecay(), WEIGHT_DECAY),
                or(t.lrSchedule(), LR_SCHEDULE), or(t.lrWarmupEpochs(), LR_WARMUP_EPOCHS),
                or(t.labelSmoothing(), LABEL_SMOOTHING), or(t.evalBatchSize(), EVAL_BATCH_SIZE),
                or(t.device(), DEVICE), or(t.nesterov(), NESTEROV), or(t.rmspropDecay(), RMSPROP_DECAY),
                or(t.optimizerEpsilon(), OPTIMIZER_EPSILON), ema(t.ema()));
    }

    private static EmaConfig ema(EmaConfig e) {
        if (e == null) {
            e = new EmaConfig(null, null, null, null);
        }
        return new EmaConfig(or(e.enabled(), EMA_ENABLED), or(e.decay(), EMA_DECAY),
                or(e.decayBaseBatch(), EMA_DECAY_BASE_BATCH), or(e.warmup(), EMA_WARMUP));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
