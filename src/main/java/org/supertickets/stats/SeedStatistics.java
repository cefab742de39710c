package org.supertickets.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * One measure over the seeds of one setting: mean, sample standard deviation and the 95% confidence interval of
 * the mean from Student's t ({@code mean +- t(0.975, n-1) sd / sqrt(n)}). With one seed there is no spread and no
 * interval (NaN).
 *
 * @param n    number of seeds
 * @param mean mean
 * @param sd   sample standard deviation (n - 1 in the denominator)
 * @param low  lower end of the 95% interval of the mean
 * @param high upper end of the 95% interval of the mean
 */
public record SeedStatistics(int n, double mean, double sd, double low, double high) {

    /** Two-sided level of every interval here. */
    public static final double CONFIDENCE = 0.95;

    /** The statistics of the finite values (NaN ones are runs that measured nothing and are left out). */
    public static SeedStatistics of(double... values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = v.length;
        if (n == 0) {
            return new SeedStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(v).average().orElseThrow();
        if (n == 1) {
            return new SeedStatistics(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new SeedStatistics(n, mean, sd, mean - half, mean + half);
    }

    /** {@code t(0.975, df)}: the two-sided 95% quantile. */
    static double tQuantile(int degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    /** Half the interval's width (the "±" of a table); NaN with fewer than two seeds. */
    public double halfWidth() {
        return (high - low) / 2;
    }
}
