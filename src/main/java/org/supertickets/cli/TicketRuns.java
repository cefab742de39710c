package org.supertickets.cli;

import org.supertickets.run.LocalRun;
import org.supertickets.run.RunSetupException;
import java.io.IOException;
import java.nio.file.Path;
import org.supertickets.model.CorruptFileException;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketRunPlan;
import org.supertickets.ticket.TicketStart;

/** Runs a plan on a ticket the way {@code run} runs a config. */
final class TicketRuns {

    private TicketRuns() {
    }

    /** Retrains or fine-tunes the ticket in {@code ticketPath}: the plan of {@code retrain} and {@code finetune}. */
    static int retrain(Path ticketPath, TicketStart.Weights weights, boolean randomMasks, long randomSeed,
            TicketRunOptions options) {
        TicketRunPlan plan;
        try {
            Ticket ticket = TicketIo.read(ticketPath);
            plan = TicketRunPlan.retrain(ticket, weights, randomMasks, options.epochs, options.learningRate,
                    randomSeed);
        } catch (IOException | CorruptFileException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        return run(plan, options);
    }

    static int run(TicketRunPlan plan, TicketRunOptions options) {
        try (TerminalProgress progress = new TerminalProgress(options.quiet)) {
            LocalRun run = LocalRun.start(plan.config(), options.out, options.device, progress, plan.start());
            return RunWaiter.await(run, progress);
        } catch (RunSetupException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
    }
}
