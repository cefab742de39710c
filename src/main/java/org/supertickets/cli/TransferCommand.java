package org.supertickets.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.supertickets.space.DataConfig;
import org.supertickets.ticket.TicketRunPlan;
import org.supertickets.ticket.TicketStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code transfer TICKET --data OTHER} or {@code --task OTHER}: the ticket's body on another dataset or task, with a
 * new head.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = "Keep a ticket's architecture, masks and weights, replace its head and fine-tune it on "
                + "another dataset or task (classification <-> segmentation), with no search or pruning.")
final class TransferCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TICKET", description = "a ticket folder")
    Path ticketPath;

    @Option(names = "--data", paramLabel = "DATASET",
            description = "target dataset: mnist, fashion-mnist, idx, cifar10, image-folder (classification); "
                    + "fashion-mnist-canvas, mnist-canvas, mask-folder (segmentation). Default with --task: the "
                    + "ticket's own images for that task")
    String dataset;

    @Option(names = "--task", paramLabel = "classification|segmentation",
            description = "target task (default: the one --data labels for)")
    String task;

    @Option(names = "--train-limit", paramLabel = "N", description = "use only the first N training images or "
            + "canvases (default: all)")
    Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", description = "evaluate on only the first N test images or "
            + "canvases (default: all)")
    Integer testLimit;

    @Option(names = "--path", paramLabel = "DIR", description = "folder of the target data (idx, cifar10, "
            + "image-folder, mask-folder)")
    String path;

    @Option(names = "--weights", defaultValue = "TICKET", paramLabel = "ticket|rewound|random",
            description = "'ticket' keeps the ticket's trained weights (default); 'rewound' transfers only "
                    + "architecture and masks, from the supernet's initial weights; 'random' from fresh random "
                    + "weights (the control)",
            converter = RetrainCommand.WeightsConverter.class)
    TicketStart.Weights weights;

    @Mixin
    TicketRunOptions options;

    @Override
    public Integer call() {
        return TicketRuns.run(ticketPath, ticket -> {
            DataConfig source = ticket.manifest().provenance().config().data();
            String targetDataset = TransferTarget.dataset(dataset, task, source.dataset());
            DataConfig target = new DataConfig(targetDataset, path, null, null, null, null,
                    source.validationFraction(), trainLimit == null ? 0 : trainLimit,
                    testLimit == null ? 0 : testLimit, source.augment());
            return TicketRunPlan.transfer(ticket, weights, target, options.epochs, options.learningRate);
        }, options);
    }
}
