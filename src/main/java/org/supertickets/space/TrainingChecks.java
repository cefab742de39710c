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
        f.range("training.epochs", t.epochs(), minEpochs, MAX_EPOCHS);
        f.range("training.batchSize", t.batchSize(), 1, MAX_BATCH_SIZE, "use 1 to " + MAX_BATCH_SIZE + ", e.g. 128");
        f.oneOf("training.optimizer", t.optimizer(), ConfigDefaults.OPTIMIZERS);
        if (t.learningRate() == null) {
            f.add("training.learningRate", "is missing", "use e.g. 0.1 for SGD");
        } else if (!(t.learningRate() > 0 && t.learningRate() <= 10)) {
            f.add("training.learningRate", "is " + t.learningRate() + ", outside (0, 10]", "use e.g. 0.1 for SGD");
        }
        if (t.momentum() == null) {
            f.add("training.momentum", "is missing", "use e.g. 0.9");
        } else if (!(t.momentum() >= 0 && t.momentum() < 1)) {
            f.add("training.momentum", "is " + t.momentum() + ", outside [0, 1)", "use e.g. 0.9 (0 = plain SGD)");
        }
        f.range("training.weightDecay", t.weightDecay(), 0, 1, "use e.g. 4e-5 (0 = off)");
        f.oneOf("training.lrSchedule", t.lrSchedule(), ConfigDefaults.LR_SCHEDULES);
        f.epochRange("training.lrWarmupEpochs", t.lrWarmupEpochs(), epochs);
        f.range("training.labelSmoothing", t.labelSmoothing(), 0, 0.5, "use 0 (off) or e.g. 0.1");
        f.range("training.evalBatchSize", t.evalBatchSize(), 1, MAX_EVAL_BATCH_SIZE, "use e.g. 256");
        f.oneOf("training.device", t.device(), ConfigDefaults.DEVICES);
        f.flag("training.nesterov", t.nesterov());
        if (Boolean.TRUE.equals(t.nesterov()) && !"sgd".equals(t.optimizer())) {
            f.add("training.nesterov", "is true with optimizer '" + t.optimizer() + "'",
                    "use nesterov only with sgd, or set it to false");
        } else if (Boolean.TRUE.equals(t.nesterov()) && t.momentum() != null && t.momentum() == 0) {
            f.add("training.nesterov", "is true with training.momentum 0",
                    "give a momentum, e.g. 0.9, or set it to false");
        }
        f.range("training.rmspropDecay", t.rmspropDecay(), 0, 0.999999, "use e.g. 0.9 (official)");
        if (t.optimizerEpsilon() == null || !(t.optimizerEpsilon() > 0 && t.optimizerEpsilon() <= 1)) {
            f.add("training.optimizerEpsilon", t.optimizerEpsilon() == null ? "is missing"
                    : "is " + t.optimizerEpsilon() + ", outside (0, 1]", "use e.g. 1e-3 (official)");
        }
        if (f.section("training.ema", t.ema())) {
            EmaConfig e = t.ema();
            f.flag("training.ema.enabled", e.enabled());
            f.range("training.ema.decay", e.decay(), 0, 0.99999999, "use e.g. 0.9999 (official)");
            f.range("training.ema.decayBaseBatch", e.decayBaseBatch(), 0, MAX_BATCH_SIZE * 1024L,
                    "use e.g. 4096 (official), or 0 to use the decay as it is");
            f.flag("training.ema.warmup", e.warmup());
        }
    }
}
