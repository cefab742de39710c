package org.supertickets.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.supertickets.space.ConfigDefaults.InputShape;

/**
 * Checks a resolved config and reports every problem at once, each at its JSON path
 * ({@code stages[1].kernelSizes[0]}, {@code pruning.targetSparsity}) with what is wrong about the actual value and
 * how to fix it. Impossible search spaces are caught here, before any training starts: strides that would shrink
 * the feature map below 1x1, kernels larger than the feature map they slide over, a MACs target no subnet can
 * reach.
 *
 * <p>Two kinds of findings: {@link #validate} returns the problems that stop a run (the config is wrong or
 * impossible); {@link #warnings} returns settings that run but not as their author most likely meant (a sparsity
 * target the schedule never reaches, a MACs target the disabled search would ignore). Warnings do not block a run,
 * so shortened smoke runs and baseline sweeps stay possible; show them next to the field all the same.
 *
 * <p>Settings that are switched off are checked only for being well-formed, not against the rest of the run
 * ({@code search.macsTargetEndEpoch} while {@code search.macsTarget} is 0, {@code pruning.cubicEndEpoch} with
 * the staircase schedule), so they never block a run they do not take part in.
 *
 * <p>It never throws on a config, however broken (the designer validates half-edited configs): a missing field
 * or section is reported as missing, and checks that need it are skipped.
 */
public final class ConfigValidator {

    static final int MAX_CHANNELS = 1024;
    /**
     * Longest run name: run folders are named {@code <name>-<yyyyMMdd-HHmmss>[-N]}, pipelines and ticket runs add
     * suffixes such as {@code -imp-search}, and a file name may have at most 255 bytes.
     */
    public static final int MAX_NAME_LENGTH = 80;
    /** The head is one 1x1 conv; MobileNet-style heads are wider than the blocks (1280 in MobileNetV2). */
    static final int MAX_HEAD_CHANNELS = 4096;
    static final int MAX_IMAGE_CHANNELS = 4;
    static final int MAX_IMAGE_SIDE = 1024;
    static final int MAX_CLASSES = 10_000;
    static final int MAX_REPEATS = 16;
    /** More stages than this would shrink any image we accept to 1x1 many times over; bounds work and memory. */
    static final int MAX_STAGES = 32;
    /**
     * Largest supernet this workbench trains, in weights (800 MB as float32, before gradients and optimiser state).
     * Checkpoints and tickets describing more are refused as implausible, so a config must not ask for more.
     */
    public static final long MAX_SUPERNET_WEIGHTS = 200_000_000L;
    static final int MAX_EXPANSION_RATIO = 8;
    static final int MAX_EPOCHS = 10_000;
    static final int MAX_BATCH_SIZE = 4096;
    static final int MAX_EVAL_BATCH_SIZE = 8192;
    static final int MAX_IMAGES = 100_000_000;
    static final double MAX_TARGET_SPARSITY = 0.99;
    static final double MAX_VALIDATION_FRACTION = 0.5;
    /** Tolerance for comparing epoch counts computed in floating point (0.1 * 3 events is 0.30000000000000004). */
    private static final double EPS = 1e-9;
    /** A canvas holds at least one whole 28-pixel object; above this side a composed canvas only costs time. */
    static final int MIN_CANVAS_SIDE = 28;
    static final int MAX_CANVAS_SIDE = 256;

    private final List<ValidationIssue> issues = new ArrayList<>();
    private final List<ValidationIssue> warnings = new ArrayList<>();

    private ConfigValidator() {
    }

    /** Every problem of a resolved config, in field order; empty when the config can run. */
    public static List<ValidationIssue> validate(SearchSpaceConfig config) {
        return List.copyOf(run(config).issues);
    }

    /**
     * Settings of a resolved config that run but most likely not as meant, each with its path and fix. Checked
     * only where the fields involved are valid; independent of {@link #validate}.
     */
    public static List<ValidationIssue> warnings(SearchSpaceConfig config) {
        return List.copyOf(run(config).warnings);
    }

    private static ConfigValidator run(SearchSpaceConfig config) {
        Objects.requireNonNull(config, "config");
        ConfigValidator v = new ConfigValidator();
        v.check(config);
        return v;
    }

    private void check(SearchSpaceConfig c) {
        if (c.name() == null || c.name().isBlank()) {
            add("name", "is " + (c.name() == null ? "missing" : "blank"),
                    "give the run a short label, e.g. \"quickstart\"; run folders are named after it");
        } else {
            name(c.name());
        }
        if (c.seed() == null) {
            add("seed", "is missing", "give any whole number, e.g. " + ConfigDefaults.SEED + " (the official seed)");
        }
        Integer epochs = c.training() == null ? null : c.training().epochs();
        // Epoch-relative fields are only compared with a usable epoch count; a bad one is reported once, itself.
        Integer epochLimit = epochs != null && epochs >= 1 && epochs <= MAX_EPOCHS ? epochs : null;

        task(c.task(), c.data());
        // Non-short-circuit '&': every missing section is reported, not only the first.
        if (section("data", c.data()) & section("stem", c.stem()) & section("stages", c.stages())
                & section("head", c.head())) {
            data(c.data());
            network(c);
        }
        if (section("network", c.network())) {
            layerSettings(c.network());
        }
        // The MACs range needs a network Architecture can build; a missing data.path does not matter for it.
        boolean networkValid = c.data() != null && c.stem() != null && c.stages() != null && c.head() != null
                && c.network() != null && noIssueAt("task", "data.dataset", "data.channels", "data.height", "data.width",
                        "data.classes", "stem", "stages", "head", "network");
        if (networkValid) {
            supernetSize(c);
        }
        if (section("search", c.search())) {
            search(c.search(), epochLimit, networkValid ? c : null);
        }
        if (section("pruning", c.pruning())) {
            pruning(c.pruning(), epochLimit);
        }
        if (section("training", c.training())) {
            training(c.training(), epochLimit);
        }
        if (c.pruning() != null && c.training() != null) {
            distillationTeacher(c.pruning(), c.training());
        }
        if (c.data() != null && c.training() != null && noIssueAt("data.trainLimit", "data.validationFraction",
                "training.batchSize")) {
            trainLimitAgainstBatch(c.data(), c.training().batchSize());
        }
    }

    /**
     * A trainLimit that leaves fewer training images than one batch trains on the same few images repeated to
     * fill every batch (one step per epoch), which measures nothing; it is a mistyped limit, so it is refused.
     */
    private void trainLimitAgainstBatch(DataConfig d, Integer batchSize) {
        if (d.trainLimit() == null || d.trainLimit() <= 0 || batchSize == null || d.validationFraction() == null) {
            return;
        }
        long held = Math.round(d.trainLimit() * d.validationFraction());
        long training = d.trainLimit() - held;
        if (training < batchSize) {
            add("data.trainLimit", "is " + d.trainLimit() + ", which leaves " + training + " training image"
                    + (training == 1 ? "" : "s") + (held > 0 ? " after " + held + " are held out for validation" : "")
                    + ", fewer than one batch (training.batchSize " + batchSize + "): every batch would repeat them",
                    "raise data.trainLimit to at least " + (long) Math.ceil(batchSize / (1 - d.validationFraction()))
                            + ", use 0 (all images), or lower training.batchSize");
        }
    }

    // ---- task ----------------------------------------------------------------------------------------------

    /** The task must be known, and the dataset must label what the task predicts. */
    private void task(String task, DataConfig d) {
        // no task at all: a classification config written before tasks existed
        boolean knownTask = task == null || oneOf("task", task, Task.NAMES);
        if (!knownTask || d == null || d.dataset() == null || !ConfigDefaults.DATASETS.contains(d.dataset())) {
            return;
        }
        boolean segmentationData = ConfigDefaults.SEGMENTATION_DATASETS.contains(d.dataset());
        if (Task.fromConfig(task) == Task.SEGMENTATION && !segmentationData) {
            add("task", "is segmentation, but dataset '" + d.dataset() + "' has one label per image, not per pixel",
                    "use data.dataset fashion-mnist-canvas, mnist-canvas or mask-folder, or task classification");
        } else if (Task.fromConfig(task) == Task.CLASSIFICATION && segmentationData) {
            add("task", "is classification, but dataset '" + d.dataset() + "' labels every pixel",
                    "set task to segmentation, or use a classification dataset such as fashion-mnist");
        }
    }

    // ---- data ----------------------------------------------------------------------------------------------

    private void data(DataConfig d) {
        String dataset = d.dataset();
        boolean known = oneOf("data.dataset", dataset, ConfigDefaults.DATASETS);
        if (known && ConfigDefaults.DATASETS_ON_DISK.contains(dataset) && blank(d.path())) {
            add("data.path", "is not set, but dataset '" + dataset + "' is read from a folder",
                    "set data.path to the folder holding the " + dataset + " files (it is checked when the run "
                    + "loads the data)");
        }
        if (known && ConfigDefaults.EMBEDDED_DATASETS.contains(dataset) && !blank(d.path())) {
            add("data.path", "is '" + d.path() + "', but " + dataset + " is embedded and reads no folder, so the "
                    + "path would be ignored",
                    "remove data.path, or use dataset idx to read IDX files from that folder");
        }
        Optional<InputShape> shape = ConfigDefaults.knownShape(dataset);
        if (shape.isPresent()) {
            InputShape s = shape.get();
            String why = "is missing (the resolver fills it in for " + dataset + ")";
            required("data.channels", d.channels(), why, "set it to " + s.channels());
            required("data.height", d.height(), why, "set it to " + s.height());
            required("data.width", d.width(), why, "set it to " + s.width());
            required("data.classes", d.classes(), why, "set it to " + s.classes());
            sameAs("data.channels", d.channels(), s.channels(), dataset + " images have " + s.channels()
                    + " channel" + (s.channels() == 1 ? "" : "s"), s);
            if (ConfigDefaults.CANVAS_DATASETS.contains(dataset)) {
                String fix = "use a canvas side from " + MIN_CANVAS_SIDE + " (one 28-pixel object) to " + MAX_CANVAS_SIDE
                        + ", e.g. " + ConfigDefaults.CANVAS_SIDE;
                rangeIfPresent("data.height", d.height(), MIN_CANVAS_SIDE, MAX_CANVAS_SIDE, fix);
                rangeIfPresent("data.width", d.width(), MIN_CANVAS_SIDE, MAX_CANVAS_SIDE, fix);
            } else {
                sameAs("data.height", d.height(), s.height(), dataset + " images are " + s.height() + " pixels high",
                        s);
                sameAs("data.width", d.width(), s.width(), dataset + " images are " + s.width() + " pixels wide", s);
            }
            sameAs("data.classes", d.classes(), s.classes(), dataset + " has " + s.classes() + " classes", s);
        } else {
            if (known) {
                String why = "is missing; dataset " + dataset + " has no fixed shape, so the config must give it";
                required("data.channels", d.channels(), why, "set it to 1 for grey or 3 for colour images");
                required("data.height", d.height(), why, "set the image height in pixels, e.g. 28");
                required("data.width", d.width(), why, "set the image width in pixels, e.g. 28");
                required("data.classes", d.classes(), why, "set the number of classes in the data");
            }
            // Missing values are reported above (or not at all for an unknown dataset, whose name is the problem).
            rangeIfPresent("data.channels", d.channels(), 1, MAX_IMAGE_CHANNELS, "use 1 (grey) or 3 (colour)");
            rangeIfPresent("data.height", d.height(), 1, MAX_IMAGE_SIDE, "give the image height in pixels");
            rangeIfPresent("data.width", d.width(), 1, MAX_IMAGE_SIDE, "give the image width in pixels");
            rangeIfPresent("data.classes", d.classes(), 2, MAX_CLASSES, "give the number of classes (at least 2)");
        }
        range("data.validationFraction", d.validationFraction(), 0, MAX_VALIDATION_FRACTION,
                "use a share from 0 (no validation set) to 0.5, e.g. 0.1");
        range("data.trainLimit", d.trainLimit(), 0, MAX_IMAGES, "use 0 (all images) or a positive count");
        range("data.testLimit", d.testLimit(), 0, MAX_IMAGES, "use 0 (all images) or a positive count");
        if (d.augment() == null) {
            add("data.augment", "is missing", "use true (random crop and, for colour, flip) or false");
        }
    }

    private void sameAs(String path, Integer value, int expected, String fact, InputShape shape) {
        if (value != null && value != expected) {
            add(path, "is " + value + ", but " + fact, "set " + path + " to " + expected + " (or leave it out; it is"
                    + " filled in: " + shape + ")");
        }
    }

    // ---- network -------------------------------------------------------------------------------------------

    /** Stem, stages and head, then the feature map through the strides (as far as the strides are valid). */
    private void network(SearchSpaceConfig c) {
        StemConfig stem = c.stem();
        range("stem.channels", stem.channels(), 1, MAX_CHANNELS);
        kernel("stem.kernelSize", stem.kernelSize());
        stride("stem.stride", stem.stride());

        List<StageConfig> stages = c.stages();
        if (stages.isEmpty()) {
            add("stages", "is empty, so there is nothing to search", "add at least one stage of searchable blocks");
        }
        if (stages.size() > MAX_STAGES) {
            // Checked before anything per stage, so a config of thousands of stages costs nothing to reject.
            add("stages", "has " + stages.size() + " stages, more than " + MAX_STAGES, "use 1 to " + MAX_STAGES
                    + " stages (MobileNetV2 has 7); deepen a stage with its repeats instead");
            range("head.channels", c.head().channels(), 1, MAX_HEAD_CHANNELS);
            return;
        }
        for (int i = 0; i < stages.size(); i++) {
            stage("stages[" + i + "]", stages.get(i));
        }
        range("head.channels", c.head().channels(), 1, MAX_HEAD_CHANNELS);
        if (shapeValid(c.data()) && validStride(stem.stride())) {
            featureMaps(c);
        }
    }

    private void supernetSize(SearchSpaceConfig c) {
        long weights = Architecture.supernet(c).layers().stream().mapToLong(LayerShape::weightCount).sum();
        if (weights > MAX_SUPERNET_WEIGHTS) {
            add("stages", String.format(Locale.ROOT, "make a supernet of %,d weights, more than the %,d this "
                    + "workbench trains", weights, MAX_SUPERNET_WEIGHTS), "shrink the stages' channels, repeats, "
                    + "expansionRatio or kernelSizes (weights grow with channels squared), or head.channels");
        }
    }

    private void stage(String p, StageConfig st) {
        if (st == null) {
            add(p, "is null", "give the stage as an object, or remove it");
            return;
        }
        if (st.channels() == null) {
            add(p + ".channels", "is missing", "give the stage's output channels, e.g. 32 (no default: it sets the "
                    + "width of every block in the stage)");
        } else {
            range(p + ".channels", st.channels(), 1, MAX_CHANNELS);
        }
        range(p + ".repeats", st.repeats(), 1, MAX_REPEATS, "use 1 to " + MAX_REPEATS + " blocks per stage");
        stride(p + ".stride", st.stride());
        range(p + ".expansionRatio", st.expansionRatio(), 1, MAX_EXPANSION_RATIO,
                "use 1 to " + MAX_EXPANSION_RATIO + " hidden channels per input channel and branch, e.g. 3");
        List<Integer> kernels = st.kernelSizes();
        if (kernels == null) {
            add(p + ".kernelSizes", "is missing", "offer depthwise kernel sizes, e.g. [3, 5, 7]");
            return;
        }
        if (kernels.isEmpty()) {
            add(p + ".kernelSizes", "is empty, so the stage's blocks have no branch to search",
                    "offer at least one depthwise kernel size, e.g. [3, 5, 7]");
        }
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < kernels.size(); k++) {
            Integer size = kernels.get(k);
            String kp = p + ".kernelSizes[" + k + "]";
            kernel(kp, size);
            if (size != null && !seen.add(size)) {
                add(kp, "kernel size " + size + " is listed twice", "list each kernel size once (a second, identical "
                        + "branch adds nothing the first cannot learn)");
            }
        }
    }

    private static boolean shapeValid(DataConfig d) {
        return d.height() != null && d.width() != null && d.height() >= 1 && d.width() >= 1
                && d.height() <= MAX_IMAGE_SIDE && d.width() <= MAX_IMAGE_SIDE;
    }

    /**
     * Follows the feature map through the strides, as {@link Architecture#supernet} does: a stride-2 layer on a
     * side of 1 cannot shrink it (the map would go below 1x1), and a kernel whose padding exceeds what the map
     * offers has weights that only ever multiply padding. The walk stops at a stage whose stride or repeats are
     * themselves invalid (the maps after it are unknown); invalid kernels were reported already and are skipped.
     */
    private void featureMaps(SearchSpaceConfig c) {
        DataConfig d = c.data();
        StemConfig stem = c.stem();
        int h = d.height();
        int w = d.width();
        StringBuilder trace = new StringBuilder(h + "x" + w + " input");
        if (stem.stride() > 1 && (h == 1 || w == 1)) {
            add("stem.stride", "the input is only " + h + "x" + w + ", so stride " + stem.stride()
                    + " would shrink it below 1x1", "use stride 1 for the stem");
        }
        int maxStem = maxKernel(h, w, stem.stride());
        if (validKernel(stem.kernelSize()) && stem.kernelSize() > maxStem) {
            add("stem.kernelSize", "kernel " + stem.kernelSize() + " is too large for the " + h + "x" + w + " input "
                    + "(stride " + stem.stride() + "): with padding " + stem.kernelSize() / 2 + " its outer rows and "
                    + "columns only ever see padding", "use a stem kernel size up to " + maxStem);
        }
        h = Architecture.ceilDiv(h, stem.stride());
        w = Architecture.ceilDiv(w, stem.stride());
        trace.append(" → stem ").append(h).append('x').append(w);

        for (int i = 0; i < c.stages().size(); i++) {
            StageConfig st = c.stages().get(i);
            if (st == null || !validStride(st.stride()) || st.repeats() == null || st.repeats() < 1
                    || st.repeats() > MAX_REPEATS) {
                return;
            }
            String p = "stages[" + i + "]";
            if (st.stride() > 1 && (h == 1 || w == 1)) {
                add(p + ".stride", "the feature map is already " + h + "x" + w + " when stage " + i + " starts ("
                        + trace + "), so stride " + st.stride() + " would shrink it below 1x1",
                        "use stride 1 in " + p + ", or remove a stride-2 stage (or the stem's stride) before it");
            }
            // The smallest map a kernel of this stage slides over decides the largest kernel that fits.
            int maxAllowed = Integer.MAX_VALUE;
            String where = "";
            for (int r = 0; r < st.repeats(); r++) {
                int s = r == 0 ? st.stride() : 1;
                int max = maxKernel(h, w, s);
                if (max < maxAllowed) {
                    maxAllowed = max;
                    where = "the " + h + "x" + w + " feature map of block " + (r + 1) + " of " + st.repeats()
                            + " (stride " + s + ")";
                }
                h = Architecture.ceilDiv(h, s);
                w = Architecture.ceilDiv(w, s);
            }
            trace.append(" → stage ").append(i).append(' ').append(h).append('x').append(w);
            List<Integer> kernels = st.kernelSizes() == null ? List.of() : st.kernelSizes();
            for (int k = 0; k < kernels.size(); k++) {
                Integer size = kernels.get(k);
                if (validKernel(size) && size > maxAllowed) {
                    add(p + ".kernelSizes[" + k + "]", "kernel " + size + " is too large for " + where + ": with "
                            + "padding " + size / 2 + " its outer rows and columns only ever see padding",
                            "offer kernel sizes up to " + maxAllowed + " in " + p + ", or put stride-2 stages later "
                            + "so the map stays larger");
                }
            }
        }
    }

    /**
     * The largest odd kernel whose every weight meets a real pixel at some output position, with padding
     * {@code k/2} (as the model pads): the last output position, {@code s * (out - 1)}, must reach the padding.
     */
    static int maxKernel(int h, int w, int stride) {
        int reachH = stride * (Architecture.ceilDiv(h, stride) - 1);
        int reachW = stride * (Architecture.ceilDiv(w, stride) - 1);
        return 2 * Math.min(reachH, reachW) + 1;
    }

    // ---- search --------------------------------------------------------------------------------------------

    /** {@code network} is the config when its network is valid (for the MACs range), else null. */
    private void search(SearchConfig s, Integer epochs, SearchSpaceConfig network) {
        flag("search.enabled", s.enabled());
        range("search.rho", s.rho(), 0, 1, "use a small non-negative strength, e.g. 5e-4 (higher removes more)");
        epochRange("search.rhoWarmupEpochs", s.rhoWarmupEpochs(), epochs);
        range("search.gammaThreshold", s.gammaThreshold(), 0, 1, "use e.g. 1e-3 (the official threshold)");
        range("search.minShrinkMacs", s.minShrinkMacs(), 0, Long.MAX_VALUE, "use 0 (shrink whenever a channel dies) or"
                + " a positive MACs count");
        interval("search.evalIntervalEpochs", s.evalIntervalEpochs(), epochs);
        range("search.bnRecalibrationBatches", s.bnRecalibrationBatches(), 0, 1000, "use e.g. 10 (the official "
                + "value)");
        Long target = s.macsTarget();
        boolean targetInEffect = target != null && target > 0 && !Boolean.FALSE.equals(s.enabled());
        epochRange("search.macsTargetEndEpoch", s.macsTargetEndEpoch(), targetInEffect ? epochs : null);
        if (target == null) {
            add("search.macsTarget", "is missing", "use 0 (off: rho alone decides) or a MACs count");
        } else if (target < 0) {
            add("search.macsTarget", "is negative (" + target + ")", "use 0 (off: rho alone decides) or a positive "
                    + "MACs count");
        } else if (target > 0) {
            if (Boolean.FALSE.equals(s.enabled())) {
                warn("search.macsTarget", "is " + target + ", but search.enabled is false, so nothing would follow it",
                        "set search.enabled to true, or search.macsTarget to 0");
            }
            if (s.macsTargetEndEpoch() != null && s.macsTargetEndEpoch() <= 0) {
                add("search.macsTargetEndEpoch", "is " + s.macsTargetEndEpoch() + ", but a MACs target needs "
                        + "epochs to be reached in", "give the epoch by which the target should be reached, e.g. 60% "
                        + "of training.epochs");
            }
            if (network != null) {
                Architecture supernet = Architecture.supernet(network);
                long max = supernet.macs();
                long min = supernet.smallestSubnet().macs();
                if (target < min || target >= max) {
                    add("search.macsTarget", String.format(Locale.ROOT, "%,d MACs is %s", target, target >= max
                            ? String.format(Locale.ROOT, "not below the supernet's %,d MACs, so there is nothing to "
                                    + "remove", max)
                            : String.format(Locale.ROOT, "below the smallest subnet's %,d MACs (every block body "
                                    + "removed), so no subnet can reach it", min)),
                            String.format(Locale.ROOT, "choose a value from %,d (smallest subnet) to %,d (supernet "
                                    + "minus one), or 0 to let rho alone decide", min, max - 1));
                }
            }
        }
    }

    // ---- how the layers compute and start ------------------------------------------------------------------

    private void layerSettings(NetworkConfig n) {
        oneOf("network.skipPath", n.skipPath(), ConfigDefaults.SKIP_PATHS);
        // Passed to the engine as a float: below 1e-10 it is as good as 0, and a BN with eps 0 divides by 0 on a
        // channel that is constant over a batch.
        range("network.bnEpsilon", n.bnEpsilon(), 1e-10, 1, "use 1e-5 (ours) or 1e-3 (official)");
        if (n.bnMomentum() == null) {
            add("network.bnMomentum", "is missing", "use 0.1 (ours) or 0.01 (official)");
        } else if (!(n.bnMomentum() > 0 && n.bnMomentum() <= 1)) {
            add("network.bnMomentum", "is " + n.bnMomentum() + ", outside (0, 1] (the share of each training "
                    + "batch's statistics in the running ones; 0 would never update them)",
                    "use 0.1 (ours) or 0.01 (official)");
        }
        oneOf("network.initialization", n.initialization(), ConfigDefaults.INITIALIZATIONS);
    }

    // ---- pruning -------------------------------------------------------------------------------------------

    private void pruning(PruningConfig p, Integer epochs) {
        oneOf("pruning.criterion", p.criterion(), ConfigDefaults.PRUNING_CRITERIA);
        flag("pruning.enabled", p.enabled());
        range("pruning.targetSparsity", p.targetSparsity(), 0, MAX_TARGET_SPARSITY,
                "use a share of weights to prune from 0 to " + MAX_TARGET_SPARSITY + ", e.g. 0.9");
        interval("pruning.intervalEpochs", p.intervalEpochs(), epochs);
        boolean scheduleKnown = oneOf("pruning.schedule", p.schedule(), ConfigDefaults.SCHEDULES);
        if (p.increment() == null) {
            add("pruning.increment", "is missing", "use 0.1 (the official +10 points per event)");
        } else if (!(p.increment() > 0 && p.increment() <= 1)) {
            add("pruning.increment", "is " + p.increment() + ", outside (0, 1]", "use 0.1 (the official +10 points "
                    + "per event)");
        }
        boolean cubic = "cubic".equals(p.schedule());
        epochRange("pruning.cubicEndEpoch", p.cubicEndEpoch(), cubic && !Boolean.FALSE.equals(p.enabled())
                ? epochs : null);
        if (cubic && p.cubicEndEpoch() != null && p.cubicEndEpoch() <= 0) {
            add("pruning.cubicEndEpoch", "is " + p.cubicEndEpoch() + ", but the cubic schedule needs epochs to rise "
                    + "in", "give the epoch at which the target is reached, e.g. 65% of training.epochs");
        }
        flag("pruning.rerank", p.rerank());
        flag("pruning.reuseMask", p.reuseMask());
        flag("pruning.resetMaskAfterPrune", p.resetMaskAfterPrune());
        flag("pruning.zeroPrunedWeights", p.zeroPrunedWeights());
        flag("pruning.lrRestartAtTarget", p.lrRestartAtTarget());
        if (Boolean.TRUE.equals(p.lrRestartAtTarget()) && Boolean.FALSE.equals(p.enabled())) {
            warn("pruning.lrRestartAtTarget", "is true, but pruning.enabled is false, so no event reaches a target "
                    + "and the learning rate never restarts", "set pruning.lrRestartAtTarget to false");
        }
        minLayerDensity(p);
        distillAtTarget(p);
        boolean scheduleValid = noIssueAt("pruning.targetSparsity", "pruning.intervalEpochs", "pruning.increment")
                && (!cubic || noIssueAt("pruning.cubicEndEpoch"));
        if (Boolean.TRUE.equals(p.enabled()) && scheduleKnown && epochs != null && scheduleValid) {
            targetReached(p, epochs, cubic);
        }
    }

    /** The floor must leave the global threshold enough weights to reach the target in every layer at once. */
    private void distillAtTarget(PruningConfig p) {
        range("pruning.distillAtTarget", p.distillAtTarget(), 0, 1,
                "use 0 (off, as the official code) or a weight such as 0.5");
        if (p.distillAtTarget() != null && p.distillAtTarget() > 0 && Boolean.FALSE.equals(p.enabled())) {
            warn("pruning.distillAtTarget", "is " + p.distillAtTarget() + ", but pruning.enabled is false, so no "
                    + "event reaches a target and nothing is distilled", "set pruning.distillAtTarget to 0");
        }
    }

    /** The distillation's teacher is the moving average of the weights, so it needs the average. */
    private void distillationTeacher(PruningConfig p, TrainingConfig t) {
        if (p.distillAtTarget() != null && p.distillAtTarget() > 0 && t.ema() != null
                && Boolean.FALSE.equals(t.ema().enabled())) {
            add("pruning.distillAtTarget", "is " + p.distillAtTarget() + ", but the teacher is the moving average of "
                    + "the weights and training.ema.enabled is false",
                    "set training.ema.enabled to true, or pruning.distillAtTarget to 0");
        }
    }

    private void minLayerDensity(PruningConfig p) {
        range("pruning.minLayerDensity", p.minLayerDensity(), 0, 1,
                "use 0 (off, as the official code) or a small share such as 0.02");
        if (p.minLayerDensity() != null && noIssueAt("pruning.targetSparsity") && Boolean.TRUE.equals(p.enabled())
                && p.minLayerDensity() > 1 - p.targetSparsity() + EPS) {
            add("pruning.minLayerDensity", "is " + p.minLayerDensity() + ", more than the " + fmt(1
                    - p.targetSparsity()) + " of weights the target sparsity " + p.targetSparsity()
                    + " leaves alive, so no layer could be pruned to it",
                    "use at most " + fmt(1 - p.targetSparsity()) + " (a small share such as 0.02 is the usual floor)");
        }
    }

    /**
     * A warning: a target the schedule never reaches leaves the ticket (taken right after the last event) less
     * sparse than asked. Events happen every {@code intervalEpochs}; the staircase adds {@code increment} per event.
     */
    private void targetReached(PruningConfig p, int epochs, boolean cubic) {
        double interval = p.intervalEpochs();
        int events = (int) Math.floor(epochs / interval + EPS);
        if (events < 1) {
            return; // the interval itself is reported
        }
        double lastEvent = events * interval;
        if (cubic) {
            if (lastEvent < p.cubicEndEpoch() - EPS) {
                warn("pruning.cubicEndEpoch", fmt(p.cubicEndEpoch()) + " is after the last pruning event (epoch "
                        + fmt(lastEvent) + "), so the target " + fmt(p.targetSparsity()) + " is never reached",
                        "set pruning.cubicEndEpoch to at most " + fmt(lastEvent));
            }
            return;
        }
        double target = p.targetSparsity();
        double reached = Math.min(events * p.increment(), target);
        if (reached < target - EPS) {
            int needed = (int) Math.ceil(target / p.increment() - EPS);
            warn("pruning.targetSparsity", fmt(target) + " is never reached: " + events + " pruning event"
                    + (events == 1 ? "" : "s") + " (one every " + fmt(interval) + " epochs in " + epochs
                    + ") of +" + fmt(p.increment()) + " end at " + fmt(reached),
                    "prune every " + fmt(Math.floor((double) epochs / needed * 1000) / 1000) + " epochs or less ("
                    + needed + " events), raise pruning.increment to " + fmt(Math.ceil(target / events * 1000) / 1000)
                    + ", or lower the target to " + fmt(reached));
        }
    }

    // ---- training ------------------------------------------------------------------------------------------

    private void training(TrainingConfig t, Integer epochs) {
        range("training.epochs", t.epochs(), 1, MAX_EPOCHS);
        range("training.batchSize", t.batchSize(), 1, MAX_BATCH_SIZE, "use 1 to " + MAX_BATCH_SIZE + ", e.g. 128");
        oneOf("training.optimizer", t.optimizer(), ConfigDefaults.OPTIMIZERS);
        if (t.learningRate() == null) {
            add("training.learningRate", "is missing", "use e.g. 0.1 for SGD");
        } else if (!(t.learningRate() > 0 && t.learningRate() <= 10)) {
            add("training.learningRate", "is " + t.learningRate() + ", outside (0, 10]", "use e.g. 0.1 for SGD");
        }
        if (t.momentum() == null) {
            add("training.momentum", "is missing", "use e.g. 0.9");
        } else if (!(t.momentum() >= 0 && t.momentum() < 1)) {
            add("training.momentum", "is " + t.momentum() + ", outside [0, 1)", "use e.g. 0.9 (0 = plain SGD)");
        }
        range("training.weightDecay", t.weightDecay(), 0, 1, "use e.g. 4e-5 (0 = off)");
        oneOf("training.lrSchedule", t.lrSchedule(), ConfigDefaults.LR_SCHEDULES);
        epochRange("training.lrWarmupEpochs", t.lrWarmupEpochs(), epochs);
        range("training.labelSmoothing", t.labelSmoothing(), 0, 0.5, "use 0 (off) or e.g. 0.1");
        range("training.evalBatchSize", t.evalBatchSize(), 1, MAX_EVAL_BATCH_SIZE, "use e.g. 256");
        oneOf("training.device", t.device(), ConfigDefaults.DEVICES);
        flag("training.nesterov", t.nesterov());
        if (Boolean.TRUE.equals(t.nesterov()) && !"sgd".equals(t.optimizer())) {
            add("training.nesterov", "is true with optimizer '" + t.optimizer() + "'",
                    "use nesterov only with sgd, or set it to false");
        } else if (Boolean.TRUE.equals(t.nesterov()) && t.momentum() != null && t.momentum() == 0) {
            add("training.nesterov", "is true with training.momentum 0",
                    "give a momentum, e.g. 0.9, or set it to false");
        }
        range("training.rmspropDecay", t.rmspropDecay(), 0, 0.999999, "use e.g. 0.9 (official)");
        if (t.optimizerEpsilon() == null || !(t.optimizerEpsilon() > 0 && t.optimizerEpsilon() <= 1)) {
            add("training.optimizerEpsilon", t.optimizerEpsilon() == null ? "is missing"
                    : "is " + t.optimizerEpsilon() + ", outside (0, 1]", "use e.g. 1e-3 (official)");
        }
        if (section("training.ema", t.ema())) {
            EmaConfig e = t.ema();
            flag("training.ema.enabled", e.enabled());
            range("training.ema.decay", e.decay(), 0, 0.99999999, "use e.g. 0.9999 (official)");
            range("training.ema.decayBaseBatch", e.decayBaseBatch(), 0, MAX_BATCH_SIZE * 1024L,
                    "use e.g. 4096 (official), or 0 to use the decay as it is");
            flag("training.ema.warmup", e.warmup());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void add(String path, String message, String fix) {
        issues.add(new ValidationIssue(path, message, fix));
    }

    private void warn(String path, String message, String fix) {
        warnings.add(new ValidationIssue(path, message, fix));
    }

    private boolean noIssueAt(String... prefixes) {
        return issues.stream().noneMatch(i -> List.of(prefixes).stream().anyMatch(i.path()::startsWith));
    }

    /** False (and an issue) when a whole section is missing, as in a half-edited or unresolved config. */
    private boolean section(String path, Object value) {
        if (value == null) {
            add(path, "is missing",
                    "add the " + path + " section, or resolve the config so its defaults are filled in");
            return false;
        }
        return true;
    }

    private void required(String path, Object value, String message, String fix) {
        if (value == null) {
            add(path, message, fix);
        }
    }

    private void flag(String path, Boolean value) {
        if (value == null) {
            add(path, "is missing", "use true or false");
        }
    }

    /** A name becomes the run folder's name, so it must fit in a file name and print on one line. */
    private void name(String name) {
        if (name.length() > MAX_NAME_LENGTH) {
            add("name", "is " + name.length() + " characters long (\"" + name.substring(0, 20) + "…\"), more than "
                    + MAX_NAME_LENGTH, "give the run a short label (at most " + MAX_NAME_LENGTH + " characters); run "
                    + "folders are named after it");
            return;
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isISOControl(ch) || ch == '/' || ch == '\\') {
                add("name", "contains " + (ch == '/' || ch == '\\' ? "'" + ch + "'" : String.format(Locale.ROOT,
                        "the control character U+%04X", (int) ch)) + " at position " + (i + 1), "use letters, "
                        + "digits, '-', '_' and '.' (a name is a label for the run folder, not a path)");
                return;
            }
        }
    }

    /** True when the value is one of the allowed names; otherwise an issue that lists them. */
    private boolean oneOf(String path, String value, List<String> allowed) {
        if (value != null && allowed.contains(value)) {
            return true;
        }
        add(path, value == null ? "is missing" : "'" + value + "' is not one of " + String.join(", ", allowed)
                + ClosestName.hint(value, allowed), "use one of " + String.join(", ", allowed));
        return false;
    }

    private void rangeIfPresent(String path, Number value, double min, double max, String fix) {
        if (value != null) {
            range(path, value, min, max, fix);
        }
    }

    private void range(String path, Number value, double min, double max) {
        range(path, value, min, max, "give a value from " + fmt(min) + " to " + fmt(max));
    }

    /** Missing, NaN and out-of-range values are all reported; the message keeps the form "is V, outside A..B". */
    private void range(String path, Number value, double min, double max, String fix) {
        if (value == null) {
            add(path, "is missing", fix);
            return;
        }
        double v = value.doubleValue();
        if (Double.isNaN(v) || v < min || v > max) {
            add(path, "is " + value + ", outside " + fmt(min) + ".." + fmt(max), fix);
        }
    }

    /**
     * An epoch within the run: 0..epochs. Only the lower bound while training.epochs is itself invalid, and for
     * a setting that is switched off (the end epoch of a MACs target of 0, of a schedule not chosen): what is not
     * in effect must not stop a run, e.g. one shortened to fewer epochs than the unused end epoch.
     */
    private void epochRange(String path, Double value, Integer epochs) {
        range(path, value, 0, epochs == null ? Double.MAX_VALUE : epochs,
                "give an epoch from 0 to training.epochs" + (epochs == null ? "" : " (" + epochs + ")"));
    }

    /** A number of epochs between two events: above 0 and at most the run's length. */
    private void interval(String path, Double value, Integer epochs) {
        String bound = epochs == null ? "" : " (" + epochs + ")";
        if (value == null || !(value > 0) || epochs != null && value > epochs + EPS) {
            add(path, (value == null ? "is missing" : "is " + value) + "; it must be above 0 and at most "
                    + "training.epochs" + bound,
                    "give a number of epochs in (0, training.epochs" + bound + "], e.g. 1");
        }
    }

    private static boolean validKernel(Integer k) {
        return k != null && k >= 1 && k % 2 == 1;
    }

    private static boolean validStride(Integer s) {
        return s != null && (s == 1 || s == 2);
    }

    private void kernel(String path, Integer k) {
        if (!validKernel(k)) {
            add(path, "kernel size " + k + " is not an odd number of at least 1",
                    "use an odd size such as 3, 5 or 7 (an even kernel cannot be centred on a pixel, so 'same' padding "
                    + "would shift the feature map)");
        }
    }

    private void stride(String path, Integer s) {
        if (!validStride(s)) {
            add(path, "stride " + s + " is not 1 or 2", "use 1 (keep the resolution) or 2 (halve it)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A bound or a computed number for a message: whole numbers without ".0", others to 6 decimals. */
    private static String fmt(double v) {
        if (v >= Long.MAX_VALUE) {
            return "any";
        }
        double rounded = Math.abs(v) < 1e9 ? Math.round(v * 1e6) / 1e6 : v;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
