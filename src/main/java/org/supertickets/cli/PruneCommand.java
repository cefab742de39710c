package org.supertickets.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.supertickets.space.ConfigDefaults;
import org.supertickets.ticket.TicketRunPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prune TICKET}: one-shot pruning of a ticket (e.g. a nas-only run's), then retraining with masks fixed. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Prune a ticket once to a sparsity by a criterion (one global ranking, before the first step), "
                + "then retrain it with masks and architecture fixed; --epochs 0 evaluates it without retraining. "
                + "Of a nas-only run's ticket this is the paper's baseline 'NAS + one-shot pruning' (ours).")
final class PruneCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TICKET", description = "a ticket folder (e.g. runs/<nas-only run>/ticket)")
    Path ticketPath;

    @Option(names = "--sparsity", required = true, paramLabel = "S",
            description = "share of the ticket's prunable weights to prune, in [0, 0.99]")
    double sparsity;

    @Option(names = "--criterion", defaultValue = "magnitude", paramLabel = "C",
            description = "magnitude, random, snip, synflow or grasp (default: ${DEFAULT-VALUE})")
    String criterion;

    @Mixin
    TicketRunOptions options;

    @Override
    public Integer call() {
        if (!ConfigDefaults.PRUNING_CRITERIA.contains(criterion)) {
            System.err.println("--criterion " + criterion + " is not one of " + ConfigDefaults.PRUNING_CRITERIA);
            return Main.EXIT_BAD_INPUT;
        }
        if (options.epochs != null && options.epochs < 0) {
            System.err.println("--epochs " + options.epochs + " is negative; give 0 (no retraining) or more");
            return Main.EXIT_BAD_INPUT;
        }
        return TicketRuns.run(ticketPath, ticket -> TicketRunPlan.pruneOnce(ticket, criterion, sparsity,
                options.epochs, options.learningRate), options);
    }
}
