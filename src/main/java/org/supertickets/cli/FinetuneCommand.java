package org.supertickets.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.supertickets.ticket.TicketStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code finetune TICKET}: keep training a ticket from its own weights, architecture and masks frozen. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Keep training a ticket from its own weights with architecture and masks frozen (the "
                + "official 'SuperTicket + retraining'); the same as retrain --from ticket.")
final class FinetuneCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TICKET", description = "a ticket folder (e.g. runs/<run>/ticket)")
    Path ticketPath;

    @Mixin
    TicketRunOptions options;

    @Override
    public Integer call() {
        return TicketRuns.retrain(ticketPath, TicketStart.Weights.TICKET, false, 0, options);
    }
}
