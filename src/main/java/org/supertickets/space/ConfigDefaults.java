package org.supertickets.space;

import java.util.List;

/**
 * Every default of a config, in one place. {@link ConfigResolver} applies them and the resolved config is what
 * a run records, so nothing is defaulted silently. Values follow the official code where it has one
 * (threshold 1e-3, +10 points per pruning event, seed 1995), scaled down for small data (see paper.md).
 */
public final class ConfigDefaults {

    public static final String NAME = "run";
    public static final List<String> DATASETS = List.of("fashion-mnist", "mnist", "idx", "cifar10", "image-folder");
    public static final List<String> SCHEDULES = List.of("staircase", "cubic");
    public static final List<String> OPTIMIZERS = List.of("sgd");
    public static final List<String> LR_SCHEDULES = List.of("cosine", "constant");
    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");

    public static final double VALIDATION_FRACTION = 0.1;
    public static final int STEM_CHANNELS = 16;
    public static final int STEM_KERNEL = 3;
    public static final int STEM_STRIDE = 1;
    public static final int HEAD_CHANNELS = 128;

    public static final double RHO = 5e-4;
    public static final double RHO_WARMUP_SHARE = 0.1;
    public static final double GAMMA_THRESHOLD = 1e-3;
    public static final double EVAL_INTERVAL_EPOCHS = 1.0;
    public static final int BN_RECALIBRATION_BATCHES = 10;
    public static final double MACS_TARGET_END_SHARE = 0.6;

    public static final double TARGET_SPARSITY = 0.9;
    public static final double PRUNE_INTERVAL_SHARE = 0.065;
    public static final double INCREMENT = 0.1;
    public static final double CUBIC_END_SHARE = 0.65;

    public static final int EPOCHS = 10;
    public static final int BATCH_SIZE = 128;
    public static final double LEARNING_RATE = 0.1;
    public static final double MOMENTUM = 0.9;
    public static final double WEIGHT_DECAY = 4e-5;
    public static final int EVAL_BATCH_SIZE = 256;
    public static final long SEED = 1995;

    private ConfigDefaults() {
    }
}
