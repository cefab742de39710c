package org.supertickets.space;

import static org.supertickets.space.ConfigDefaults.*;

import java.util.ArrayList;
import java.util.List;

/** Fills every missing field of a raw config with its default (see {@link ConfigDefaults}). */
public final class ConfigResolver {

    private ConfigResolver() {
    }

    public static SearchSpaceConfig resolve(SearchSpaceConfig raw) {
        TrainingConfig training = training(raw.training());
        int epochs = training.epochs();
        return new SearchSpaceConfig(
                or(raw.name(), NAME),
                data(raw.data()),
                stem(raw.stem()),
                stages(raw.stages()),
                new HeadConfig(or(raw.head() == null ? null : raw.head().channels(), HEAD_CHANNELS)),
                search(raw.search(), epochs),
                pruning(raw.pruning(), epochs),
                training,
                or(raw.seed(), SEED));
    }

    private static DataConfig data(DataConfig d) {
        if (d == null) {
            d = new DataConfig(null, null, null, null, null, null, null, null, null, null);
        }
        String dataset = or(d.dataset(), "fashion-mnist");
        boolean grey = dataset.equals("fashion-mnist") || dataset.equals("mnist");
        boolean cifar = dataset.equals("cifar10");
        int channels = or(d.channels(), grey ? 1 : 3);
        int side = grey ? 28 : cifar ? 32 : 32;
        return new DataConfig(dataset, d.path(), channels, or(d.height(), side), or(d.width(), side),
                or(d.classes(), 10), or(d.validationFraction(), VALIDATION_FRACTION), or(d.trainLimit(), 0),
                or(d.testLimit(), 0), or(d.augment(), false));
    }

    private static StemConfig stem(StemConfig s) {
        if (s == null) {
            return new StemConfig(STEM_CHANNELS, STEM_KERNEL, STEM_STRIDE);
        }
        return new StemConfig(or(s.channels(), STEM_CHANNELS), or(s.kernelSize(), STEM_KERNEL),
                or(s.stride(), STEM_STRIDE));
    }

    private static List<StageConfig> stages(List<StageConfig> stages) {
        List<StageConfig> out = new ArrayList<>();
        if (stages == null) {
            return out;
        }
        for (StageConfig s : stages) {
            if (s == null) {
                out.add(new StageConfig(null, 1, 1, List.of(3, 5, 7), 3));
                continue;
            }
            out.add(new StageConfig(s.channels(), or(s.repeats(), 1), or(s.stride(), 1),
                    s.kernelSizes() == null ? List.of(3, 5, 7) : java.util.Collections.unmodifiableList(new ArrayList<>(s.kernelSizes())),
                    or(s.expansionRatio(), 3)));
        }
        return out;
    }

    private static SearchConfig search(SearchConfig s, int epochs) {
        if (s == null) {
            s = new SearchConfig(null, null, null, null, null, null, null, null, null);
        }
        return new SearchConfig(or(s.enabled(), true), or(s.rho(), RHO),
                or(s.rhoWarmupEpochs(), RHO_WARMUP_SHARE * epochs), or(s.gammaThreshold(), GAMMA_THRESHOLD),
                or(s.minShrinkMacs(), 0L), or(s.evalIntervalEpochs(), EVAL_INTERVAL_EPOCHS),
                or(s.bnRecalibrationBatches(), BN_RECALIBRATION_BATCHES), or(s.macsTarget(), 0L),
                or(s.macsTargetEndEpoch(), MACS_TARGET_END_SHARE * epochs));
    }

    private static PruningConfig pruning(PruningConfig p, int epochs) {
        if (p == null) {
            p = new PruningConfig(null, null, null, null, null, null, null, null, null, null);
        }
        return new PruningConfig(or(p.enabled(), true), or(p.targetSparsity(), TARGET_SPARSITY),
                or(p.intervalEpochs(), (double) Math.max(1, Math.round(PRUNE_INTERVAL_SHARE * epochs))),
                or(p.schedule(), "staircase"), or(p.increment(), INCREMENT),
                or(p.cubicEndEpoch(), CUBIC_END_SHARE * epochs), or(p.rerank(), true), or(p.reuseMask(), false),
                or(p.resetMaskAfterPrune(), false), or(p.zeroPrunedWeights(), false));
    }

    private static TrainingConfig training(TrainingConfig t) {
        if (t == null) {
            t = new TrainingConfig(null, null, null, null, null, null, null, null, null, null, null);
        }
        return new TrainingConfig(or(t.epochs(), EPOCHS), or(t.batchSize(), BATCH_SIZE), or(t.optimizer(), "sgd"),
                or(t.learningRate(), LEARNING_RATE), or(t.momentum(), MOMENTUM), or(t.weightDecay(), WEIGHT_DECAY),
                or(t.lrSchedule(), "cosine"), or(t.lrWarmupEpochs(), 0.0), or(t.labelSmoothing(), 0.0),
                or(t.evalBatchSize(), EVAL_BATCH_SIZE), or(t.device(), "auto"));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
