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
        return run(ticketPath, ticket -> TicketRunPlan.retrain(ticket, weights, randomMasks, options.epochs,
                options.learningRate, randomSeed), options);
    }

    /** Makes a ticket's run plan; may refuse with an IllegalArgumentException whose message names the fix. */
    interface Planner {
        TicketRunPlan plan(Ticket ticket) throws IOException;
    }

    /**
     * Reads the ticket in {@code ticketPath}, plans its run and runs it: what retrain, fine-tune, prune and transfer
     * share. An unreadable ticket or a refused plan is bad input, told in one line.
     */
    static int run(Path ticketPath, Planner planner, TicketRunOptions options) {
        TicketRunPlan plan;
        try {
            plan = planner.plan(TicketIo.read(ticketPath));
        } catch (IOException | CorruptFileException e) {
            System.err.println(unusableTicket(e));
            return Main.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        return run(plan, options);
    }

    /** A ticket that cannot be read: the reader's message (file and problem) and how to get an intact one. */
    static String unusableTicket(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Fix:")) {
            return message;
        }
        String stem = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        return stem + ". Fix: point at an intact ticket folder (ticket.json and weights.safetensors, written to "
                + "<run>/ticket/ when a run completes; resume an interrupted run to write it again), or restore the "
                + "files from a copy.";
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
