package org.supertickets.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.supertickets.run.RunSummary;

/** What {@code compare --out DIR} writes: the two CSVs and the three plots, rendered headless. */
public final class ComparisonFiles {

    /** Says what {@link #write} wrote, after the folder's name. */
    public static final String WRITTEN = "wrote comparison.csv, by-method.csv and 3 plots to ";

    private ComparisonFiles() {
    }

    /** Writes {@code comparison.csv}, {@code by-method.csv} and the PNG plots into {@code out}, creating it. */
    public static void write(Path out, List<RunSummary> summaries) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("comparison.csv"), ComparisonCsv.runs(summaries), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("by-method.csv"), ComparisonCsv.methods(MethodSummary.of(summaries)),
                StandardCharsets.UTF_8);
        ComparisonCharts.savePng(ComparisonCharts.accuracyVsWeightsRemaining(summaries),
                out.resolve("accuracy-vs-weights-remaining.png").toFile());
        ComparisonCharts.savePng(ComparisonCharts.accuracyVsMacs(summaries),
                out.resolve("accuracy-vs-macs.png").toFile());
        ComparisonCharts.savePng(ComparisonCharts.accuracyVsTrainingCompute(summaries),
                out.resolve("accuracy-vs-training-compute.png").toFile());
    }
}
