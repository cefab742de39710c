package org.supertickets.cli;

import java.nio.file.Path;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunSetupException;
import org.supertickets.ticket.TicketRunPlan;

/** Runs a plan on a ticket the way {@code run} runs a config. */
final class TicketRuns {

    private TicketRuns() {
    }

    static int run(TicketRunPlan plan, Path out, String device, boolean quiet) {
        try (TerminalProgress progress = new TerminalProgress(quiet)) {
            LocalRun run = LocalRun.start(plan.config(), out, device, progress, plan.start());
            return RunWaiter.await(run, progress);
        } catch (RunSetupException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
    }
}
