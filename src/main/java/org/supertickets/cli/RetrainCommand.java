package org.supertickets.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.supertickets.ticket.TicketStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retrain TICKET}: train a ticket with its architecture and masks frozen. */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Train a ticket with architecture and masks frozen: from its rewound initial weights "
                + "(is it a lottery ticket?), from random weights (the control), or from its own weights "
                + "(fine-tuning).")
final class RetrainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TICKET", description = "a ticket folder (e.g. runs/<run>/ticket)")
    Path ticketPath;

    @Option(names = "--from", defaultValue = "REWOUND", paramLabel = "rewound|random|ticket",
            description = "starting weights (default: ${DEFAULT-VALUE}); 'ticket' = fine-tune",
            converter = WeightsConverter.class)
    TicketStart.Weights from;

    @Option(names = "--masks", defaultValue = "ticket", paramLabel = "ticket|random",
            description = "'random' = random masks with the ticket's per-layer sparsity (the random-pruning "
                    + "control; default: ${DEFAULT-VALUE})")
    String masks;

    @Mixin
    TicketRunOptions options;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "seed of the random weights "
            + "for --from random and --masks random (default: ${DEFAULT-VALUE})")
    long randomSeed;


    @Override
    public Integer call() {
        if (!masks.equals("ticket") && !masks.equals("random")) {
            System.err.println("--masks " + masks + " is not 'ticket' or 'random'");
            return Main.EXIT_BAD_INPUT;
        }
        return TicketRuns.retrain(ticketPath, from, masks.equals("random"), randomSeed, options);
    }

    /** Accepts the weight choices in any case. */
    static final class WeightsConverter implements picocli.CommandLine.ITypeConverter<TicketStart.Weights> {
        @Override
        public TicketStart.Weights convert(String value) {
            return TicketStart.Weights.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
