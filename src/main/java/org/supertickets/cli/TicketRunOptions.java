package org.supertickets.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every run on a ticket shares (retrain, fine-tune, transfer). */
final class TicketRunOptions {

    @Option(names = "--epochs", paramLabel = "N", description = "epochs (default: a quarter of the original run)")
    Integer epochs;

    @Option(names = "--lr", paramLabel = "RATE", description = "peak learning rate (default: the original)")
    Double learningRate;

    @Option(names = "--out", paramLabel = "DIR", converter = OutFolderOption.class,
            defaultValue = "runs", description = "where run folders go")
    Path out;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "override the device")
    String device;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;
}
