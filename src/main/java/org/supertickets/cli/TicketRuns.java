package org.supertickets.cli;

import org.supertickets.run.LocalRun;
import org.supertickets.run.RunSetupException;
import org.supertickets.ticket.TicketRunPlan;

/** Runs a plan on a ticket the way {@code run} runs a config. */
final class TicketRuns {

    private TicketRuns() {
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
