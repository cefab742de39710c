package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.supertickets.model.CorruptFileException;
import org.supertickets.space.DataConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketRunPlan;
import org.supertickets.ticket.TicketStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code transfer TICKET --data OTHER}: the ticket on another dataset, with a new classifier. */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = "Keep a ticket's architecture, masks and weights, replace its classifier and fine-tune it on "
                + "another dataset.")
final class TransferCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TICKET", description = "a ticket folder")
    Path ticketPath;

    @Option(names = "--data", required = true, paramLabel = "DATASET",
            description = "target dataset: mnist, fashion-mnist, idx, cifar10 or image-folder")
    String dataset;

    @Option(names = "--path", paramLabel = "DIR", description = "folder of the target data (idx, cifar10, "
            + "image-folder)")
    String path;

    @Option(names = "--weights", defaultValue = "TICKET", paramLabel = "ticket|rewound",
            description = "'ticket' keeps the ticket's trained weights (default); 'rewound' transfers only "
                    + "architecture and masks, from the supernet's initial weights",
            converter = RetrainCommand.WeightsConverter.class)
    TicketStart.Weights weights;

    @Mixin
    TicketRunOptions options;

    @Override
    public Integer call() {
        TicketRunPlan plan;
        try {
            Ticket ticket = TicketIo.read(ticketPath);
            if (ticket.network().architecture().segments()) {
                throw new IllegalArgumentException(ticketPath + " is a segmentation ticket; transfer across tasks is "
                        + "not implemented yet. Fix: retrain or finetune it on segmentation data");
            }
            DataConfig source = ticket.manifest().provenance().config().data();
            DataConfig target = new DataConfig(dataset, path, null, null, null, null, source.validationFraction(),
                    0, 0, source.augment());
            if (weights == TicketStart.Weights.RANDOM) {
                throw new IllegalArgumentException("--weights random is not offered for transfer; use ticket or "
                        + "rewound");
            }
            plan = TicketRunPlan.transfer(ticket, weights, target, options.epochs, options.learningRate);
        } catch (IOException | CorruptFileException e) {
            System.err.println(TicketRuns.unusableTicket(e));
            return Main.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        return TicketRuns.run(plan, options);
    }
}
