package org.supertickets.ticket;

import java.util.List;
import java.util.function.UnaryOperator;
import org.supertickets.model.NetworkState;
import org.supertickets.prune.RandomMasks;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigDefaults;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.ConfigValidator;
import org.supertickets.space.DataConfig;
import org.supertickets.space.Initialization;
import org.supertickets.space.PruningConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.Task;
import org.supertickets.space.ValidationIssue;

/**
 * A frozen-architecture run on a ticket — retrain, fine-tune or transfer — as a config (search and pruning off,
 * so architecture and masks stay as they are) and the network it starts from.
 *
 * @param config the resolved config of the run
 * @param start  the network it starts from
 */
public record TicketRunPlan(SearchSpaceConfig config, NetworkState start) {

    /** Default length of a run on a ticket: a quarter of the run that found it (official: 12-25%). */
    public static final double DEFAULT_EPOCH_SHARE = 0.25;

    /** Names a one-shot pruning of a ticket: {@code <ticket's run>-pruned-<criterion>[-retrained]}. */
    public static final String PRUNED_SUFFIX = "-pruned-";
    public static final String RETRAINED_SUFFIX = "-retrained";

    /** Ends the name of a transfer from a dense run (search and pruning off): the dense-body control. */
    public static final String DENSE_BODY_SUFFIX = "-dense-body";

    /**
     * Retrain (from the rewound or random weights) or fine-tune (from the ticket's weights) on the ticket's own data.
     *
     * @param epochs       epochs, or null for a quarter of the original run
     * @param learningRate peak learning rate, or null for the original one
     */
    public static TicketRunPlan retrain(Ticket ticket, TicketStart.Weights weights, Integer epochs,
            Double learningRate, long randomSeed) {
        return retrain(ticket, weights, false, epochs, learningRate, randomSeed);
    }

    /**
     * As {@link #retrain(Ticket, TicketStart.Weights, Integer, Double, long)}; with {@code randomMasks} the
     * ticket's masks are replaced by random ones with the same per-layer sparsity (the random-pruning control),
     * drawn from {@code randomSeed}.
     */
    public static TicketRunPlan retrain(Ticket ticket, TicketStart.Weights weights, boolean randomMasks,
            Integer epochs, Double learningRate, long randomSeed) {
        SearchSpaceConfig base = ticket.manifest().provenance().config();
        String suffix = (weights == TicketStart.Weights.TICKET ? "-finetune" : "-retrain-" + weights.name()
                .toLowerCase()) + (randomMasks ? "-random-masks" : "");
        NetworkState start = TicketStart.network(ticket, weights, randomSeed);
        if (randomMasks) {
            start = start.withTensors(RandomMasks.samePerLayerSparsity(start, randomSeed));
        }
        return new TicketRunPlan(configFor(base, base.data(), suffix, epochs, learningRate), start);
    }

    /**
     * One-shot pruning of a ticket (ours; the baseline "NAS, then one-shot pruning" of the paper's comparison): the
     * ticket's architecture and weights, its masks redrawn before the first step at {@code sparsity} by
     * {@code criterion} (one global ranking), then trained with the masks fixed for {@code epochs} — 0 evaluates the
     * pruned network without retraining.
     *
     * @param epochs epochs of retraining, or null for a quarter of the original run
     * @throws IllegalArgumentException when the criterion or sparsity is invalid (the message names the field)
     */
    public static TicketRunPlan pruneOnce(Ticket ticket, String criterion, double sparsity, Integer epochs,
            Double learningRate) {
        SearchSpaceConfig base = ticket.manifest().provenance().config();
        boolean retrained = epochs == null || epochs > 0;
        SearchSpaceConfig config = configFor(base, base.data(), PRUNED_SUFFIX + criterion
                + (retrained ? RETRAINED_SUFFIX : ""), epochs, learningRate, c -> {
                    PruningConfig p = c.pruning();
                    return c.withSearchAndPruning(c.search(), new PruningConfig(true, sparsity, p.intervalEpochs(),
                            ConfigDefaults.SCHEDULE_AT_START, p.increment(), p.cubicEndEpoch(), p.rerank(),
                            p.reuseMask(), p.resetMaskAfterPrune(), p.zeroPrunedWeights(), criterion, 0.0,
                            false, 0.0));
                });
        return new TicketRunPlan(config, ticket.network());
    }

    /**
     * Transfer: keep architecture, masks and weights, replace the classifier for the target data, fine-tune.
     *
     * @throws IllegalArgumentException when the target's input channels differ from the ticket's (the message says
     *                                  which and why)
     */
    public static TicketRunPlan transfer(Ticket ticket, DataConfig target, Integer epochs, Double learningRate) {
        return transfer(ticket, TicketStart.Weights.TICKET, target, epochs, learningRate);
    }

    /**
     * As {@link #transfer(Ticket, DataConfig, Integer, Double)}, starting from the ticket's own weights
     * ({@code TICKET}), only its architecture and masks at the supernet's initial weights ({@code REWOUND}), or at
     * fresh random weights ({@code RANDOM}, the control). The task is the one the target dataset labels for.
     */
    public static TicketRunPlan transfer(Ticket ticket, TicketStart.Weights weights, DataConfig target,
            Integer epochs, Double learningRate) {
        SearchSpaceConfig base = ticket.manifest().provenance().config();
        DataConfig source = base.data();
        Task task = Task.labelledBy(target.dataset());
        // Data read from disk has no known shape: it takes the ticket's input shape unless the caller gave one.
        DataConfig withShape = new DataConfig(target.dataset(), target.path(),
                target.channels() != null ? target.channels() : knownOr(target.dataset(), source).channels(),
                target.height() != null ? target.height() : knownOr(target.dataset(), source).height(),
                target.width() != null ? target.width() : knownOr(target.dataset(), source).width(),
                target.classes() != null ? target.classes() : knownOr(target.dataset(), source).classes(),
                target.validationFraction(), target.trainLimit(), target.testLimit(),
                task == base.taskKind() && target.augment());
        DataConfig resolvedData = ConfigResolver.resolve(base.withTask(task).withData(withShape)).data();
        if (resolvedData.channels().intValue() != source.channels().intValue()) {
            throw new IllegalArgumentException("the ticket takes " + source.channels() + "-channel images but "
                    + target.dataset() + " has " + resolvedData.channels() + "; a transferred ticket keeps its stem, "
                    + "so the input channels must match");
        }
        // A dense run's "ticket" is the whole supernet, unpruned: its transfer is the dense-body control, named so.
        TicketMetrics measured = ticket.manifest().metrics();
        boolean denseSource = measured.sparsity() == 0 && measured.macs() == measured.supernetMacs();
        SearchSpaceConfig config = configFor(base.withTask(task), resolvedData, "-to-" + target.dataset()
                + (weights == TicketStart.Weights.TICKET ? "" : "-" + weights.name().toLowerCase())
                + (denseSource ? DENSE_BODY_SUFFIX : ""), epochs, learningRate);
        Architecture head = ticket.network().architecture().withHead(task, resolvedData.height(),
                resolvedData.width(), resolvedData.classes());
        NetworkState body = TicketStart.network(ticket, weights, base.seed() + 2);
        return new TicketRunPlan(config, TicketStart.withNewHead(body, head, Initialization.of(config),
                base.seed() + 1));
    }

    /**
     * The config of a frozen-architecture run derived from {@code base} (search and pruning off, renamed with
     * {@code suffix}): a stage of a pipeline.
     *
     * @throws IllegalArgumentException when the derived config is invalid (the message names the field)
     */
    public static SearchSpaceConfig frozenConfig(SearchSpaceConfig base, String suffix, int epochs) {
        return configFor(base, base.data(), suffix, epochs, null);
    }

    /** The dataset's own shape when the workbench knows it (embedded, CIFAR-10), else the ticket's. */
    private static org.supertickets.space.ConfigDefaults.InputShape knownOr(String dataset, DataConfig ticketData) {
        return org.supertickets.space.ConfigDefaults.knownShape(dataset).orElse(
                new org.supertickets.space.ConfigDefaults.InputShape(ticketData.channels(), ticketData.height(),
                        ticketData.width(), ticketData.classes()));
    }

    private static SearchSpaceConfig configFor(SearchSpaceConfig base, DataConfig data, String suffix,
            Integer epochs, Double learningRate) {
        return configFor(base, data, suffix, epochs, learningRate, UnaryOperator.identity());
    }

    /** As above, with {@code adjust} applied to the frozen config before it is resolved and validated. */
    private static SearchSpaceConfig configFor(SearchSpaceConfig base, DataConfig data, String suffix,
            Integer epochs, Double learningRate, UnaryOperator<SearchSpaceConfig> adjust) {
        int n = epochs != null ? epochs
                : Math.max(1, (int) Math.round(base.training().epochs() * DEFAULT_EPOCH_SHARE));
        SearchSpaceConfig config = base.withData(data).withNameSuffix(suffix).frozen()
                .withTraining(base.training().withEpochs(n));
        if (learningRate != null) {
            config = config.withTraining(config.training().withLearningRate(learningRate));
        }
        config = ConfigResolver.resolve(n == 0 ? adjust.apply(config) : clampIntervals(adjust.apply(config)));
        List<ValidationIssue> issues = ConfigValidator.validate(config);
        if (!issues.isEmpty()) {
            throw new IllegalArgumentException(issues.get(0).toString());
        }
        return config;
    }

    /** Intervals longer than the shorter run are cut to its length so the run still evaluates. */
    private static SearchSpaceConfig clampIntervals(SearchSpaceConfig c) {
        double epochs = c.training().epochs();
        var s = c.search();
        var p = c.pruning();
        return c.withSearchAndPruning(new org.supertickets.space.SearchConfig(s.enabled(), s.rho(),
                        Math.min(s.rhoWarmupEpochs(), epochs), s.gammaThreshold(), s.minShrinkMacs(),
                        Math.min(s.evalIntervalEpochs(), epochs),
                        s.bnRecalibrationBatches(), s.macsTarget(), Math.min(s.macsTargetEndEpoch(), epochs)),
                new org.supertickets.space.PruningConfig(p.enabled(), p.targetSparsity(),
                        Math.min(p.intervalEpochs(), epochs), p.schedule(), p.increment(),
                        Math.min(p.cubicEndEpoch(), epochs), p.rerank(), p.reuseMask(), p.resetMaskAfterPrune(),
                        p.zeroPrunedWeights(), p.criterion(), p.minLayerDensity(), p.lrRestartAtTarget(),
                        p.distillAtTarget()));
    }
}
