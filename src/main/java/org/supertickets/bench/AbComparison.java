package org.supertickets.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rounds of ours and the yardstick measured alternately (A B A B …), and the ratios per round: ours / theirs for
 * images per second (higher is better), ours / theirs for CPU seconds per step (lower is better).
 */
public final class AbComparison {

    /** One round: both sides measured back to back. */
    public record Round(double oursImagesPerSecond, double theirsImagesPerSecond, double oursCpuPerStep,
            double theirsCpuPerStep) {

        double throughputRatio() {
            return oursImagesPerSecond / theirsImagesPerSecond;
        }

        double cpuRatio() {
            return oursCpuPerStep / theirsCpuPerStep;
        }
    }

    /** Median, minimum and maximum of a ratio over the rounds. */
    public record Spread(double median, double min, double max) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f× (rounds %.2f–%.2f)", median, min, max);
        }
    }

    private final List<Round> rounds = new ArrayList<>();

    public void add(Round round) {
        rounds.add(round);
    }

    public Spread throughputRatio() {
        return spread(rounds.stream().map(Round::throughputRatio).toList());
    }

    public Spread cpuRatio() {
        return spread(rounds.stream().map(Round::cpuRatio).toList());
    }

    private static Spread spread(List<Double> values) {
        return new Spread(TrainingBench.median(values), values.stream().mapToDouble(d -> d).min().orElse(Double.NaN),
                values.stream().mapToDouble(d -> d).max().orElse(Double.NaN));
    }

    /** The rounds and the ratios as Markdown. */
    public String table() {
        StringBuilder out = new StringBuilder(
                "| round | ours images/s | PyTorch images/s | ratio | ours CPU s/step | PyTorch CPU s/step | ratio |\n"
                        + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            out.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %.3f | %.3f | %.2f |%n", i + 1,
                    r.oursImagesPerSecond(), r.theirsImagesPerSecond(), r.throughputRatio(), r.oursCpuPerStep(),
                    r.theirsCpuPerStep(), r.cpuRatio()));
        }
        out.append("\nthroughput ours/PyTorch: ").append(throughputRatio())
                .append("; CPU time per step ours/PyTorch: ").append(cpuRatio()).append('\n');
        return out.toString();
    }
}
