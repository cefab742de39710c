package org.supertickets.space;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
 *
 * <p>This class holds the order of the checks and the top-level fields; each section's checks live in a class of
 * their own ({@link DataChecks}, {@link ArchitectureChecks}, {@link SearchChecks}, {@link PruningChecks},
 * {@link TrainingChecks}) and report into one {@link ValidationFindings}.
 */
public final class ConfigValidator {

    /**
     * Longest run name: run folders are named {@code <name>-<yyyyMMdd-HHmmss>[-N]}, pipelines and ticket runs add
     * suffixes such as {@code -imp-search}, and a file name may have at most 255 bytes.
     */
    public static final int MAX_NAME_LENGTH = 80;
    /**
     * Largest supernet this workbench trains, in weights (800 MB as float32, before gradients and optimiser state).
     * Checkpoints and tickets describing more are refused as implausible, so a config must not ask for more.
     */
    public static final long MAX_SUPERNET_WEIGHTS = ArchitectureChecks.MAX_SUPERNET_WEIGHTS;

    private final ValidationFindings f = new ValidationFindings();
    private final DataChecks data = new DataChecks(f);
    private final ArchitectureChecks architecture = new ArchitectureChecks(f);
    private final SearchChecks search = new SearchChecks(f);
    private final PruningChecks pruning = new PruningChecks(f);
    private final TrainingChecks training = new TrainingChecks(f);

    private ConfigValidator() {
    }

    /** Every problem of a resolved config, in field order; empty when the config can run. */
    public static List<ValidationIssue> validate(SearchSpaceConfig config) {
        return run(config).f.issues();
    }

    /**
     * Settings of a resolved config that run but most likely not as meant, each with its path and fix. Checked
     * only where the fields involved are valid; independent of {@link #validate}.
     */
    public static List<ValidationIssue> warnings(SearchSpaceConfig config) {
        return run(config).f.warnings();
    }

    /**
     * The largest odd kernel whose every weight meets a real pixel at some output position (see
     * {@link ArchitectureChecks#maxKernel}).
     */
    static int maxKernel(int h, int w, int stride) {
        return ArchitectureChecks.maxKernel(h, w, stride);
    }

    private static ConfigValidator run(SearchSpaceConfig config) {
        Objects.requireNonNull(config, "config");
        ConfigValidator v = new ConfigValidator();
        v.check(config);
        return v;
    }

    private void check(SearchSpaceConfig c) {
        if (c.name() == null || c.name().isBlank()) {
            f.add("name", "is " + (c.name() == null ? "missing" : "blank"),
                    "give the run a short label, e.g. \"quickstart\"; run folders are named after it");
        } else {
            name(c.name());
        }
        if (c.seed() == null) {
            f.add("seed", "is missing", "give any whole number, e.g. " + ConfigDefaults.SEED + " (the official seed)");
        }
        Integer epochs = c.training() == null ? null : c.training().epochs();
        // Epoch-relative fields are only compared with a usable epoch count; a bad one is reported once, itself.
        Integer epochLimit = epochs != null && epochs >= 1 && epochs <= TrainingChecks.MAX_EPOCHS ? epochs : null;

        data.task(c.task(), c.data());
        // Non-short-circuit '&': every missing section is reported, not only the first.
        if (f.section("data", c.data()) & f.section("stem", c.stem()) & f.section("stages", c.stages())
                & f.section("head", c.head())) {
            data.data(c.data());
            architecture.network(c);
        }
        if (f.section("network", c.network())) {
            architecture.layerSettings(c.network());
        }
        // The MACs range needs a network Architecture can build; a missing data.path does not matter for it.
        boolean networkValid = c.data() != null && c.stem() != null && c.stages() != null && c.head() != null
                && c.network() != null && f.noIssueAt("task", "data.dataset", "data.channels", "data.height",
                        "data.width", "data.classes", "stem", "stages", "head", "network");
        if (networkValid) {
            architecture.supernetSize(c);
        }
        if (f.section("search", c.search())) {
            search.search(c.search(), epochLimit, networkValid ? c : null);
        }
        if (f.section("pruning", c.pruning())) {
            pruning.pruning(c.pruning(), epochLimit);
        }
        if (f.section("training", c.training())) {
            // A run of 0 epochs only makes sense after a prune at the start: the pruned network, evaluated untrained.
            boolean prunesAtStart = c.pruning() != null && Boolean.TRUE.equals(c.pruning().enabled())
                    && c.pruning().startsAtTarget() && !c.pruning().movesConnections();
            training.training(c.training(), epochLimit, prunesAtStart ? 0 : 1);
        }
        if (c.pruning() != null && c.training() != null) {
            pruning.distillationTeacher(c.pruning(), c.training());
        }
        if (c.pruning() != null && c.search() != null) {
            pruning.scheduleAgainstSearch(c.pruning(), c.search());
        }
        if (c.data() != null && c.training() != null && f.noIssueAt("data.trainLimit", "data.validationFraction",
                "training.batchSize")) {
            data.trainLimitAgainstBatch(c.data(), c.training().batchSize());
        }
    }

    /** A name becomes the run folder's name, so it must fit in a file name and print on one line. */
    private void name(String name) {
        if (name.length() > MAX_NAME_LENGTH) {
            f.add("name", "is " + name.length() + " characters long (\"" + name.substring(0, 20) + "…\"), more than "
                    + MAX_NAME_LENGTH, "give the run a short label (at most " + MAX_NAME_LENGTH + " characters); run "
                    + "folders are named after it");
            return;
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isISOControl(ch) || ch == '/' || ch == '\\') {
                f.add("name", "contains " + (ch == '/' || ch == '\\' ? "'" + ch + "'" : String.format(Locale.ROOT,
                        "the control character U+%04X", (int) ch)) + " at position " + (i + 1), "use letters, "
                        + "digits, '-', '_' and '.' (a name is a label for the run folder, not a path)");
                return;
            }
        }
    }
}
