package org.supertickets.space;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every default of a config, and every name a config may use, in one place: {@link ConfigResolver} applies
 * them, {@link ConfigValidator} checks against them and the designer shows them. The resolved config is what a
 * run records, so nothing is defaulted silently.
 *
 * <p>Values follow the official code where it has one (shrink threshold 1e-3, +10 points per pruning event,
 * 10 BN re-estimation batches, seed 1995) and are scaled to the number of epochs where the official schedules
 * are (paper.md, "Scaling down"): the epoch-dependent defaults are the methods below, each a share of
 * {@code training.epochs}.
 *
 * <p>Deliberately without defaults (the validator reports them as missing): a stage's output channels, and the
 * input shape and class count of a dataset read from disk ({@code idx}, {@code image-folder}) — guessing them
 * would build a network for images the data does not have.
 */
public final class ConfigDefaults {

    // ---- names ---------------------------------------------------------------------------------------------

    /** Every dataset {@code data.dataset} may name. */
    public static final List<String> DATASETS = List.of("fashion-mnist", "mnist", "idx", "cifar10", "image-folder",
            "fashion-mnist-canvas", "mnist-canvas", "mask-folder");
    /**
     * Segmentation datasets: canvases composed from the embedded images (one class per pixel, background 0), and
     * image folders with a mask PNG beside each image. Every other dataset is a classification one.
     */
    public static final List<String> SEGMENTATION_DATASETS = List.of("fashion-mnist-canvas", "mnist-canvas",
            "mask-folder");
    /** Datasets with one label per image. */
    public static final List<String> CLASSIFICATION_DATASETS = DATASETS.stream()
            .filter(d -> !SEGMENTATION_DATASETS.contains(d)).toList();
    /** Canvas datasets: composed from an embedded dataset at any canvas size from a digit's 28 pixels up. */
    public static final List<String> CANVAS_DATASETS = List.of("fashion-mnist-canvas", "mnist-canvas");
    /** Datasets shipped with the workbench: no {@code data.path}. */
    public static final List<String> EMBEDDED_DATASETS = List.of("fashion-mnist", "mnist", "fashion-mnist-canvas",
            "mnist-canvas");
    /** Datasets read from {@code data.path}. */
    public static final List<String> DATASETS_ON_DISK = List.of("idx", "cifar10", "image-folder", "mask-folder");
    /**
     * {@code pruning.schedule}: the official staircase; ours: cubic, {@code at-start} (one event before the first
     * step, then masks fixed) and {@code rigl} (sparse from the start, connections moved by RigL's drop and grow).
     */
    public static final String SCHEDULE_AT_START = "at-start";
    public static final String SCHEDULE_RIGL = "rigl";
    public static final List<String> SCHEDULES = List.of("staircase", "cubic", SCHEDULE_AT_START, SCHEDULE_RIGL);
    /** What a pruning event may rank the weights by (the official code's criteria). */
    public static final List<String> PRUNING_CRITERIA = List.of("magnitude", "random", "snip", "synflow", "grasp");
    /** {@code network.skipPath}: {@link SkipPath}'s names, ours (dense conv + BN) and the official (grouped conv). */
    public static final List<String> SKIP_PATHS = Arrays.stream(SkipPath.values()).map(SkipPath::configName).toList();
    /** {@code network.initialization}: {@link Initialization}'s names, ours and the official {@code mnas}. */
    public static final List<String> INITIALIZATIONS = Arrays.stream(Initialization.values())
            .map(Initialization::configName).toList();
    public static final List<String> OPTIMIZERS = List.of("sgd", "rmsprop", "adamw");
    public static final List<String> LR_SCHEDULES = List.of("cosine", "constant");
    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");

    // ---- top level and data --------------------------------------------------------------------------------

    public static final String NAME = "run";
    /** Configs written before tasks existed are classification configs. */
    public static final String TASK = "classification";
    /** The seed of the official code. */
    public static final long SEED = 1995;

    /** The embedded default: runs with no download. */
    public static final String DATASET = "fashion-mnist";
    public static final double VALIDATION_FRACTION = 0.1;
    public static final int TRAIN_LIMIT = 0;
    public static final int TEST_LIMIT = 0;
    public static final boolean AUGMENT = false;
    /** The default side of a composed canvas: room for a few 28-pixel objects that overlap now and then. */
    public static final int CANVAS_SIDE = 64;

    // ---- network -------------------------------------------------------------------------------------------

    public static final int STEM_CHANNELS = 16;
    public static final int STEM_KERNEL = 3;
    public static final int STEM_STRIDE = 1;
    public static final int STAGE_REPEATS = 1;
    public static final int STAGE_STRIDE = 1;
    public static final List<Integer> STAGE_KERNEL_SIZES = List.of(3, 5, 7);
    public static final int STAGE_EXPANSION_RATIO = 3;
    public static final int HEAD_CHANNELS = 128;

    // ---- how the layers compute and start ------------------------------------------------------------------
    // The official code's values (classification/segmentation configs); the workbench's values from before these
    // settings existed are the AS_BEFORE_* constants below.

    /** Official: a 1x1 conv with groups = gcd(in, out), no BN. */
    public static final String SKIP_PATH = "grouped";
    /** Official classification/segmentation configs (the keypoint configs: 1e-5). */
    public static final double BN_EPSILON = 1e-3;
    /** PyTorch's sense. Official classification/segmentation configs (keypoint configs: 0.1). */
    public static final double BN_MOMENTUM = 0.01;
    /** Official {@code reset_param_method: mnas} (keypoint configs: the model's own). */
    public static final String INITIALIZATION = "mnas";

    // ---- search --------------------------------------------------------------------------------------------

    public static final boolean SEARCH_ENABLED = true;
    public static final double RHO = 5e-4;
    /** {@code search.rhoWarmupEpochs} = this share of the epochs. */
    public static final double RHO_WARMUP_SHARE = 0.1;
    public static final double GAMMA_THRESHOLD = 1e-3;
    public static final long MIN_SHRINK_MACS = 0;
    public static final double EVAL_INTERVAL_EPOCHS = 1.0;
    public static final int BN_RECALIBRATION_BATCHES = 10;
    /** 0 = off: rho alone decides how much the search removes (the official behaviour). */
    public static final long MACS_TARGET = 0;
    /** {@code search.macsTargetEndEpoch} = this share of the epochs. */
    public static final double MACS_TARGET_END_SHARE = 0.6;

    // ---- pruning -------------------------------------------------------------------------------------------

    public static final boolean PRUNING_ENABLED = true;
    public static final double TARGET_SPARSITY = 0.9;
    /** {@code pruning.intervalEpochs} = this share of the epochs, rounded to whole epochs, at least 1. */
    public static final double PRUNE_INTERVAL_SHARE = 0.065;
    public static final String SCHEDULE = "staircase";
    public static final double INCREMENT = 0.1;
    /** {@code pruning.cubicEndEpoch} = this share of the epochs. */
    public static final double CUBIC_END_SHARE = 0.65;
    public static final boolean RERANK = true;
    public static final boolean REUSE_MASK = false;
    public static final boolean RESET_MASK_AFTER_PRUNE = false;
    public static final boolean ZERO_PRUNED_WEIGHTS = false;
    public static final String PRUNING_CRITERION = "magnitude";
    /** Ours, off: no floor on a layer's density. */
    public static final double MIN_LAYER_DENSITY = 0.0;
    /** Ours, off: the learning-rate schedule runs once, as in the official code. */
    public static final boolean LR_RESTART_AT_TARGET = false;
    /** Ours, off: no distillation from the moving average once sparsity reaches its target. */
    public static final double DISTILL_AT_TARGET = 0.0;

    // ---- training ------------------------------------------------------------------------------------------

    public static final int EPOCHS = 10;
    public static final int BATCH_SIZE = 128;
    public static final String OPTIMIZER = "sgd";
    public static final double LEARNING_RATE = 0.1;
    public static final double MOMENTUM = 0.9;
    public static final double WEIGHT_DECAY = 4e-5;
    public static final String LR_SCHEDULE = "cosine";
    public static final double LR_WARMUP_EPOCHS = 0.0;
    public static final double LABEL_SMOOTHING = 0.0;
    public static final int EVAL_BATCH_SIZE = 256;
    public static final String DEVICE = "auto";
    /** Official: plain momentum (its configs set {@code nesterov: False}). */
    public static final boolean NESTEROV = false;
    /** Official RMSProp {@code alpha}. */
    public static final double RMSPROP_DECAY = 0.9;
    /** Official RMSProp/AdamW {@code epsilon}. */
    public static final double OPTIMIZER_EPSILON = 1e-3;

    // ---- moving average of the weights ---------------------------------------------------------------------

    /** On, as in the official code: evaluation and the ticket use the average, and the shrink gate reads it. */
    public static final boolean EMA_ENABLED = true;
    public static final double EMA_DECAY = 0.9999;
    public static final int EMA_DECAY_BASE_BATCH = 4096;
    public static final boolean EMA_WARMUP = true;

    // ---- what a field meant before it existed ---------------------------------------------------------------
    // A run folder records its resolved config, so a field missing there was added later: it ran with these
    // values (ConfigIo.loadRecorded), and a config at these values hashes as it did before the field existed.

    public static final String AS_BEFORE_SKIP_PATH = "dense";
    public static final double AS_BEFORE_BN_EPSILON = 1e-5;
    public static final double AS_BEFORE_BN_MOMENTUM = 0.1;
    public static final String AS_BEFORE_INITIALIZATION = "mobilenetv2";
    public static final boolean AS_BEFORE_EMA_ENABLED = false;

    private ConfigDefaults() {
    }

    /**
     * The input shape and class count a dataset always has.
     *
     * @param channels image channels
     * @param height   image height
     * @param width    image width
     * @param classes  number of classes
     */
    public record InputShape(int channels, int height, int width, int classes) {

        @Override
        public String toString() {
            return channels + "x" + height + "x" + width + ", " + classes + " classes";
        }
    }

    /** The fixed shape of a dataset, or empty when it depends on the files ({@code idx}, {@code image-folder}). */
    public static Optional<InputShape> knownShape(String dataset) {
        if (dataset == null) {
            return Optional.empty();
        }
        return switch (dataset) {
            case "fashion-mnist", "mnist" -> Optional.of(new InputShape(1, 28, 28, 10));
            case "cifar10" -> Optional.of(new InputShape(3, 32, 32, 10));
            // the canvas size is the config's (at least 28); this is the default one
            case "fashion-mnist-canvas", "mnist-canvas" -> Optional.of(new InputShape(1, CANVAS_SIDE, CANVAS_SIDE,
                    11));
            default -> Optional.empty();
        };
    }

    /** Default {@code search.rhoWarmupEpochs}: 10% of the run (paper.md: 7–12%). */
    public static double rhoWarmupEpochs(int epochs) {
        return share(RHO_WARMUP_SHARE, epochs);
    }

    /** Default {@code search.macsTargetEndEpoch}: 60% of the run, so the searched net trains a while at target. */
    public static double macsTargetEndEpoch(int epochs) {
        return share(MACS_TARGET_END_SHARE, epochs);
    }

    /**
     * Default {@code pruning.intervalEpochs}: {@code max(1, round(0.065 * epochs))}, so +10 points per event reach
     * 90% at about 60–65% of the run and about a third of training is left at the target (paper.md).
     */
    public static double pruneIntervalEpochs(int epochs) {
        return Math.max(1, Math.round(PRUNE_INTERVAL_SHARE * epochs));
    }

    /** Default {@code pruning.cubicEndEpoch}: 65% of the run, where the staircase reaches 90% as well. */
    public static double cubicEndEpoch(int epochs) {
        return share(CUBIC_END_SHARE, epochs);
    }

    /** {@code share * epochs} rounded to 6 decimals, so 10% of 15 is written as 1.5, not 1.5000000000000002. */
    private static double share(double share, int epochs) {
        return Math.round(share * epochs * 1e6) / 1e6;
    }
}
