package org.supertickets.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.supertickets.run.RunSummary;

/**
 * What {@code compare --out DIR} writes: the two CSVs and the three plots, rendered headless; when the runs form a
 * sparsity sweep ({@link SweepCurves#isSweep}) also {@code sweep.csv} and the three plots as sweep curves.
 */
public final class ComparisonFiles {

    /** The plots' files, in the order of {@link ComparisonCharts#plots}; a sweep's have "sweep-" before them. */
    private static final List<String> PLOTS = List.of("accuracy-vs-weights-remaining.png", "accuracy-vs-macs.png",
            "accuracy-vs-training-compute.png");

    private ComparisonFiles() {
    }

    /**
     * Writes {@code comparison.csv}, {@code by-method.csv} and the PNG plots into {@code out}, creating it, and for a
     * sweep {@code sweep.csv} and the {@code sweep-*.png} plots.
     *
     * @return what it wrote, as a line for the terminal ("wrote comparison.csv, by-method.csv and 3 plots to DIR")
     */
    public static String write(Path out, List<RunSummary> summaries) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("comparison.csv"), ComparisonCsv.runs(summaries), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("by-method.csv"), ComparisonCsv.methods(MethodSummary.of(summaries)),
                StandardCharsets.UTF_8);
        savePlots(out, "", ComparisonCharts.plots(summaries));
        SweepCurves sweep = SweepCurves.of(summaries);
        if (!sweep.isSweep()) {
            return "wrote comparison.csv, by-method.csv and 3 plots to " + out;
        }
        Files.writeString(out.resolve("sweep.csv"), ComparisonCsv.sweep(sweep), StandardCharsets.UTF_8);
        savePlots(out, "sweep-", ComparisonCharts.sweepPlots(sweep));
        return "wrote comparison.csv, by-method.csv, sweep.csv, 3 plots and 3 plots of the sweep's curves to " + out;
    }

    private static void savePlots(Path out, String prefix, List<JFreeChart> plots) throws IOException {
        for (int i = 0; i < PLOTS.size(); i++) {
            ComparisonCharts.savePng(plots.get(i), out.resolve(prefix + PLOTS.get(i)).toFile());
        }
    }
}
