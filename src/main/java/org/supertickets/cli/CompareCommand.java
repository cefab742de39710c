package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.supertickets.report.ComparedRuns;
import org.supertickets.report.ComparisonFiles;
import org.supertickets.report.ComparisonTables;
import org.supertickets.report.MethodSummary;
import org.supertickets.report.PairedComparison;
import org.supertickets.run.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare RUN...}: a table, a CSV and the comparison plots of finished runs. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare finished runs: table (method, accuracy, sparsity, MACs, params, training compute, "
                + "wall time), CSV, and plots of accuracy vs weights remaining, vs MACs (Pareto front) and vs "
                + "training compute.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "run folders and pipeline folders (imp)")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", converter = OutFolderOption.class,
            description = "write comparison.csv, by-method.csv and the PNG plots here; for a sparsity sweep also "
                    + "sweep.csv and the plots of its curves (mean per target sparsity, 95 %% interval over seeds)")
    Path out;

    @Override
    public Integer call() {
        List<RunSummary> summaries = new ArrayList<>();
        try {
            for (Path p : runs) {
                summaries.add(ComparedRuns.read(p));
            }
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        System.out.println(ComparisonTables.runs(summaries));
        List<MethodSummary> byMethod = MethodSummary.of(summaries);
        boolean seeds = byMethod.stream().anyMatch(m -> m.runs() > 1);
        if (seeds) {
            System.out.println(ComparisonTables.methods(byMethod));
            List<PairedComparison> pairs = PairedComparison.of(summaries);
            if (!pairs.isEmpty()) {
                System.out.println(ComparisonTables.pairs(pairs));
            }
        }
        if (out != null) {
            try {
                System.out.println(ComparisonFiles.write(out, summaries));
            } catch (IOException e) {
                System.err.println("Cannot write to " + out + ": " + e.getMessage());
                return Main.EXIT_BAD_INPUT;
            }
        }
        return 0;
    }
}
