package org.supertickets.space;

/**
 * The validator's checks of the {@code training} section: length, batch, optimiser and its settings, the learning
 * rate schedule, the device and the moving average of the weights.
 */
final class TrainingChecks {

    static final int MAX_EPOCHS = 10_000;
    static final int MAX_BATCH_SIZE = 4096;
    static final int MAX_EVAL_BATCH_SIZE = 8192;

    private final ValidationFindings f;

    TrainingChecks(ValidationFindings findings) {
        this.f = findings;
    }

    /** @param minEpochs 0 where the config prunes at the start (then 0 epochs evaluates the untrained prune), else 1 */
    void training(TrainingConfig t, Integer epochs, int minEpochs) {
        f.range("training.epochs", t.epochs(), FieldRules.interval("training.epochs").from(minEpochs),
                "give a value from " + minEpochs + " to " + MAX_EPOCHS);
        f.range("training.batchSize", t.batchSize(), "use 1 to " + MAX_BATCH_SIZE + ", e.g. 128");
        f.oneOf("training.optimizer", t.optimizer());
        f.range("training.learningRate", t.learningRate(), "use e.g. 0.1 for SGD");
        f.range("training.momentum", t.momentum(), "use e.g. 0.9 (0 = plain SGD)");
        f.range("training.weightDecay", t.weightDecay(), "use e.g. 4e-5 (0 = off)");
        f.oneOf("training.lrSchedule", t.lrSchedule());
        f.epochRange("training.lrWarmupEpochs", t.lrWarmupEpochs(), epochs);
        f.range("training.labelSmoothing", t.labelSmoothing(), "use 0 (off) or e.g. 0.1");
        f.range("training.evalBatchSize", t.evalBatchSize(), "use e.g. 256");
        f.oneOf("training.device", t.device());
        f.flag("training.nesterov", t.nesterov());
        if (Boolean.TRUE.equals(t.nesterov()) && !"sgd".equals(t.optimizer())) {
            f.add("training.nesterov", "is true with optimizer '" + t.optimizer() + "'",
                    "use nesterov only with sgd, or set it to false");
        } else if (Boolean.TRUE.equals(t.nesterov()) && t.momentum() != null && t.momentum() == 0) {
            f.add("training.nesterov", "is true with training.momentum 0",
                    "give a momentum, e.g. 0.9, or set it to false");
        }
        f.range("training.rmspropDecay", t.rmspropDecay(), "use e.g. 0.9 (official)");
        f.range("training.optimizerEpsilon", t.optimizerEpsilon(), "use e.g. 1e-3 (official)");
        if (f.section("training.ema", t.ema())) {
            EmaConfig e = t.ema();
            f.flag("training.ema.enabled", e.enabled());
            f.range("training.ema.decay", e.decay(), "use e.g. 0.9999 (official)");
            f.range("training.ema.decayBaseBatch", e.decayBaseBatch(),
                    "use e.g. 4096 (official), or 0 to use the decay as it is");
            f.flag("training.ema.warmup", e.warmup());
        }
    }
}
