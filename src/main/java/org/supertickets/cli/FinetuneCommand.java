package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.supertickets.model.CorruptFileException;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketRunPlan;
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
        TicketRunPlan plan;
        try {
            Ticket ticket = TicketIo.read(ticketPath);
            plan = TicketRunPlan.retrain(ticket, TicketStart.Weights.TICKET, options.epochs, options.learningRate, 0);
        } catch (IOException | CorruptFileException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        return TicketRuns.run(plan, options);
    }
}
