package org.supertickets.ticket;

import java.nio.file.Path;
import java.util.List;
import org.supertickets.data.TestSetDescription;
import org.supertickets.model.CorruptFileException;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.ConfigValidator;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.ValidationIssue;

/**
 * Checks what {@code ticket.json} says beyond its architecture, once, when a ticket is read: the provenance and its
 * config (valid as a config, and the supernet of the ticket's architecture), the per-layer table, the metrics and
 * the input statistics. Every command then relies on them; a gap found later would be a stack trace far from the
 * file (a missing provenance in {@code info}, a 5,000-stage config in {@code latency}, a config of another
 * supernet in the channel surgery of {@code retrain}).
 */
final class TicketManifestCheck {

    static final String FIX = " Fix: the ticket.json was edited or damaged; restore it (a run writes "
            + "<run>/ticket/ when it completes).";

    private TicketManifestCheck() {
    }

    /**
     * The manifest read from {@code file}, its provenance's config recorded as it ran ({@link ConfigIo#asRecorded})
     * and resolved, so that its users find every field set.
     *
     * @throws CorruptFileException naming the file, the field and the fix
     */
    static TicketManifest checked(Path file, TicketManifest m) throws CorruptFileException {
        checkLayers(file, m.layers());
        checkMetrics(file, m.metrics());
        checkInput(file, m.input(), m.architecture().inChannels());
        SearchSpaceConfig config = checkedConfig(file, m.provenance());
        return new TicketManifest(m.format(), m.architecture(), m.layers(), m.metrics(),
                m.provenance().withConfig(config), m.input(), m.bnEpsilon(), m.graph(), m.graphOpset());
    }

    private static SearchSpaceConfig checkedConfig(Path file, TicketProvenance p) throws CorruptFileException {
        if (p == null) {
            throw new CorruptFileException(file, "has no 'provenance' (the run, seed and config that made the "
                    + "ticket; retrain, finetune, transfer and latency rebuild its supernet from it)." + FIX);
        }
        if (p.config() == null) {
            throw new CorruptFileException(file, "has no 'provenance.config' (the config of the run that made the "
                    + "ticket; retrain, finetune, transfer and latency rebuild its supernet from it)." + FIX);
        }
        SearchSpaceConfig config;
        List<ValidationIssue> issues;
        try {
            // A ticket older than some config fields ran with what those fields meant then, not today's defaults.
            config = ConfigResolver.resolve(ConfigIo.asRecorded(p.config()));
            issues = ConfigValidator.validate(config);
        } catch (RuntimeException e) {
            throw new CorruptFileException(file, "has a 'provenance.config' that is not a config (" + e.getMessage()
                    + ")." + FIX);
        }
        List<ValidationIssue> networkIssues = issues.stream().filter(i -> NETWORK_FIELDS.stream().anyMatch(
                f -> i.path().equals(f) || i.path().startsWith(f + ".") || i.path().startsWith(f + "["))).toList();
        if (!networkIssues.isEmpty()) {
            // The validator's own fix is for a config file; here the config is part of a damaged ticket.
            ValidationIssue first = networkIssues.get(0);
            throw new CorruptFileException(file, "field 'provenance.config." + first.path() + "' " + first.message()
                    + (networkIssues.size() > 1 ? " (and " + (networkIssues.size() - 1) + " more problems)" : "")
                    + "." + FIX);
        }
        var data = config.data();
        if (data.channels() == null || data.height() == null || data.width() == null || data.classes() == null) {
            throw new CorruptFileException(file, "has no image shape in 'provenance.config.data' (channels, height, "
                    + "width, classes), and its dataset '" + data.dataset() + "' has none of its own." + FIX);
        }
        return config;
    }

    /**
     * The fields of a config that build its supernet, which every command on a ticket rebuilds and which must be
     * valid to build it at all. The others (data source, training, search, pruning, name) are checked by the
     * commands that run the config again ({@link TicketRunPlan} validates what it derives): a ticket from an older
     * version, whose config today's rules refuse in a field it no longer runs with, still opens and exports.
     */
    private static final List<String> NETWORK_FIELDS = List.of("data.channels", "data.height", "data.width",
            "data.classes", "stem", "stages", "head", "network");

    /**
     * Checks that {@code ticket} is a subnet of the supernet of its provenance's config: the same stem, blocks,
     * branches and head, where only the branches' channels may have been narrowed. Image height and width are
     * not compared (a convolutional network runs on any size).
     */
    static void checkSubnetOf(Path file, Architecture ticket, SearchSpaceConfig config) throws CorruptFileException {
        Architecture supernet = Architecture.supernet(config);
        String differs = null;
        if (ticket.inChannels() != supernet.inChannels() || ticket.classes() != supernet.classes()) {
            differs = "input channels or classes";
        } else if (ticket.stemChannels() != supernet.stemChannels() || ticket.stemKernel() != supernet.stemKernel()
                || ticket.stemStride() != supernet.stemStride() || ticket.headChannels() != supernet.headChannels()) {
            differs = "stem or head";
        } else if (ticket.skipPath() != supernet.skipPath() || !ticket.bnEpsilon().equals(supernet.bnEpsilon())) {
            differs = "skip path or BN epsilon";
        } else if (ticket.blocks().size() != supernet.blocks().size()) {
            differs = "number of blocks (" + ticket.blocks().size() + " in the architecture, "
                    + supernet.blocks().size() + " in the config)";
        }
        for (int i = 0; differs == null && i < ticket.blocks().size(); i++) {
            BlockState t = ticket.blocks().get(i);
            BlockState s = supernet.blocks().get(i);
            boolean same = t.inChannels() == s.inChannels() && t.outChannels() == s.outChannels()
                    && t.stride() == s.stride() && t.branches().size() == s.branches().size();
            for (int j = 0; same && j < t.branches().size(); j++) {
                BranchState tb = t.branches().get(j);
                BranchState sb = s.branches().get(j);
                same = tb.kernelSize() == sb.kernelSize() && tb.maxChannels() == sb.maxChannels();
            }
            differs = same ? null : "block " + i;
        }
        if (differs != null) {
            throw new CorruptFileException(file, "has an 'architecture' that is no subnet of the supernet of its "
                    + "'provenance.config': the " + differs + " differ." + FIX);
        }
    }

    private static void checkLayers(Path file, List<TicketLayer> layers) throws CorruptFileException {
        if (layers == null || layers.stream().anyMatch(l -> l == null || l.name() == null)) {
            throw new CorruptFileException(file, "has no per-layer table, or a row of it without a name ('layers')."
                    + FIX);
        }
    }

    /** Accuracies and sparsity are shares (NaN = not measured), counts are not negative: anything else is forged. */
    private static void checkMetrics(Path file, TicketMetrics m) throws CorruptFileException {
        if (m == null) {
            throw new CorruptFileException(file, "has no metrics." + FIX);
        }
        share(file, "testAccuracy", m.testAccuracy(), true);
        share(file, "validationAccuracy", m.validationAccuracy(), true);
        if (m.testMeanIou() != null) {
            share(file, "testMeanIou", m.testMeanIou(), true);
        }
        share(file, "sparsity", m.sparsity(), false);
        if (m.testMeanIouWithoutBackground() != null) {
            share(file, "testMeanIouWithoutBackground", m.testMeanIouWithoutBackground(), true);
        }
        long[] counts = {m.macs(), m.sparseMacs(), m.exactSparseMacs(), m.params(), m.keptParams(), m.supernetMacs(),
            m.supernetParams()};
        String[] names = {"macs", "sparseMacs", "exactSparseMacs", "params", "keptParams", "supernetMacs",
            "supernetParams"};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new CorruptFileException(file, "metrics field '" + names[i] + "' is " + counts[i]
                        + "; it cannot be negative." + FIX);
            }
        }
    }

    private static void share(Path file, String field, double value, boolean mayBeUnmeasured)
            throws CorruptFileException {
        boolean ok = value >= 0 && value <= 1 || mayBeUnmeasured && Double.isNaN(value);
        if (!ok) {
            throw new CorruptFileException(file, "metrics field '" + field + "' is " + value + "; it must be between "
                    + "0 and 1" + (mayBeUnmeasured ? " (or NaN: not measured)" : "") + "." + FIX);
        }
    }

    /** One mean and one standard deviation per input channel, as the run measured them: finite, std above 0. */
    private static void checkInput(Path file, TicketInput input, int channels) throws CorruptFileException {
        if (input == null) {
            return; // version 1: recomputed from the config when needed (TicketInputs)
        }
        float[] mean = input.mean();
        float[] std = input.std();
        if (mean.length != channels || std.length != channels) {
            throw new CorruptFileException(file, "has " + mean.length + " 'input.mean' and " + std.length
                    + " 'input.std' values for " + channels + " input channels." + FIX);
        }
        for (int c = 0; c < channels; c++) {
            if (!Float.isFinite(mean[c]) || !Float.isFinite(std[c]) || std[c] <= 0) {
                throw new CorruptFileException(file, "has 'input.mean' " + mean[c] + " and 'input.std' " + std[c]
                        + " for channel " + c + "; a standardisation is finite and divides by more than 0." + FIX);
            }
        }
        TestSetDescription test = input.testSet();
        if (test != null && (test.limit() < 0 || test.images() != null && (test.images() < 0
                || test.limit() > 0 && test.images() > test.limit()))) {
            throw new CorruptFileException(file, "has 'input.testSet' of " + test.images() + " images with limit "
                    + test.limit() + "; a count is not negative, and not above the limit when there is one." + FIX);
        }
    }
}
