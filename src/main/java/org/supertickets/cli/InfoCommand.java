package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.supertickets.data.DatasetDescription;
import org.supertickets.model.CorruptFileException;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderReader;
import org.supertickets.space.ConfigIo;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketLayer;
import org.supertickets.ticket.TicketManifest;
import org.supertickets.train.ConfusionMatrix;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.RunFinished;
import org.supertickets.train.SegmentationMetrics;
import org.supertickets.train.RunStarted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code info RUN_DIR|TICKET}: what a run did, or what a ticket holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Summarise a run folder (progress, events, ticket) or a ticket folder (per-layer table).")
final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR|TICKET", description = "a run folder or a ticket folder")
    Path target;

    @Override
    public Integer call() {
        try {
            if (Files.isRegularFile(target.resolve(TicketIo.MANIFEST)) || target.endsWith(TicketIo.MANIFEST)) {
                printTicket(TicketIo.read(target));
            } else {
                printRun(RunFolder.open(target));
            }
            return 0;
        } catch (IOException | CorruptFileException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
    }

    private static void printRun(RunFolder folder) throws IOException {
        System.out.println("run " + folder.name());
        RunTally tally = new RunTally();
        int skipped = RunFolderReader.forEachMetric(folder, tally::add);
        RunStarted started = tally.started;
        EvalMetrics lastEval = tally.lastEval;
        RunFinished finished = tally.finished;
        int shrinks = tally.shrinks;
        int prunes = tally.prunes;
        if (started != null) {
            System.out.printf(Locale.ROOT, "  %d steps planned on %s (%s); supernet %,d MACs, %,d params%n",
                    started.totalSteps(), started.device(), started.engine(), started.supernetMacs(),
                    started.supernetParams());
        }
        if (lastEval != null) {
            System.out.printf(Locale.ROOT, "  last evaluation at epoch %.2f: val acc %.4f%s, sparsity %.4f, %,d "
                    + "MACs%n", lastEval.epoch(), lastEval.validationAccuracy(),
                    SegmentationMetrics.suffix(lastEval.segmentation()), lastEval.sparsity(), lastEval.macs());
        }
        System.out.printf(Locale.ROOT, "  %d shrinks, %d pruning events%n", shrinks, prunes);
        if (prunes > 0 || shrinks > 0) {
            System.out.println("  in all: " + tally.countsText());
        }
        System.out.println(finished == null ? "  status: running or interrupted (resume with: resume " + folder.path()
                + ")" : "  status: " + finished.outcome() + " - " + finished.message());
        printTestConfusion(folder, finished, lastEval);
        if (Files.isRegularFile(folder.ticket().resolve(TicketIo.MANIFEST))) {
            System.out.println("  ticket: " + folder.ticket());
        }
        if (skipped > 0) {
            System.out.println("  note: " + skipped + " damaged log lines were skipped");
        }
    }

    /** The ticket's test confusion matrix of a completed classification run, or that the run did not record it. */
    private static void printTestConfusion(RunFolder folder, RunFinished finished, EvalMetrics lastEval) {
        if (finished == null || finished.outcome() != RunFinished.Outcome.COMPLETED
                || finished.testSegmentation() != null || lastEval != null && lastEval.segmentation() != null) {
            return;
        }
        ConfusionMatrix matrix = finished.testConfusionMatrix();
        if (matrix == null) {
            System.out.println("  test confusion matrix: not recorded in this run (its metrics.jsonl was written "
                    + "before the workbench recorded one)");
            return;
        }
        System.out.printf(Locale.ROOT, "  the ticket's test confusion matrix (rows: true class, columns: predicted "
                + "class; %,d images, %,d right = accuracy %.4f):%n", matrix.total(), matrix.correct(),
                matrix.accuracy());
        ConfusionTable.lines(matrix, classNames(folder, matrix.classes()), finished.mostConfused(), "    ")
                .forEach(System.out::println);
    }

    /** The class names of the run's dataset, or numbers when its config cannot be read or names none. */
    private static List<String> classNames(RunFolder folder, int classes) {
        try {
            return DatasetDescription.of(ConfigIo.loadRecorded(folder.config()).data()).classNamesOrNumbers(classes);
        } catch (org.supertickets.space.ConfigException | RuntimeException e) {
            return new DatasetDescription("", null, "", null, null, null).classNamesOrNumbers(classes);
        }
    }

    private static void printTicket(Ticket ticket) {
        TicketManifest m = ticket.manifest();
        // The hash is not checked on reading (nothing computes with it): shortened when it is long enough.
        String hash = String.valueOf(m.provenance().configHash());
        System.out.printf(Locale.ROOT, "ticket from run %s (seed %d, config %s)%n", m.provenance().sourceRun(),
                m.provenance().seed(), hash.substring(0, Math.min(12, hash.length())));
        System.out.printf(Locale.ROOT, "  test accuracy %.4f, sparsity %.4f, %,d MACs dense (supernet %,d), %,d "
                + "params (%,d alive)%n", m.metrics().testAccuracy(), m.metrics().sparsity(), m.metrics().macs(),
                m.metrics().supernetMacs(), m.metrics().params(), m.metrics().keptParams());
        System.out.printf(Locale.ROOT, "  %-22s %-10s %-16s %10s %10s %9s %12s%n", "layer", "kind", "shape",
                "weights", "kept", "sparsity", "MACs");
        for (TicketLayer l : m.layers()) {
            System.out.printf(Locale.ROOT, "  %-22s %-10s %-16s %10d %10d %9.3f %12d%n", l.name(), l.kind(),
                    java.util.Arrays.toString(l.shape()).replace(" ", ""), l.weights(), l.kept(), l.sparsity(),
                    l.macs());
        }
    }
}
