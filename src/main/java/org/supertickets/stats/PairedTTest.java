package org.supertickets.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Whether A and B differ over matched seeds (A and B run with the same seeds, so the seed's share of the
 * variance cancels in the differences): the paired t test on {@code d_i = a_i - b_i}, with
 * {@code t = mean(d) / (sd(d) / sqrt(n))} on {@code n - 1} degrees of freedom, the two-sided p-value
 * ({@code P(|T| >= |t|)}: which of the two is better is read off the data, so both tails count) and the 95%
 * interval of the mean difference.
 *
 * @param pairs          matched seeds
 * @param meanDifference mean of {@code a - b}
 * @param low            lower end of the 95% interval of the mean difference
 * @param high           upper end
 * @param t              the t statistic (infinite when every difference is the same non-zero value)
 * @param pValue         two-sided p-value of "A and B differ"; NaN with fewer than two pairs
 */
public record PairedTTest(int pairs, double meanDifference, double low, double high, double t, double pValue) {

    /**
     * @param a A's measure per seed
     * @param b B's measure for the same seeds, in the same order
     */
    public static PairedTTest of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values need the same seeds: " + a.length + " and "
                    + b.length + " values");
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        SeedStatistics s = SeedStatistics.of(d);
        if (s.n() < 2) {
            return new PairedTTest(s.n(), s.mean(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double standardError = s.sd() / Math.sqrt(s.n());
        double t;
        if (standardError > 0) {
            t = s.mean() / standardError;
        } else {
            t = s.mean() == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, s.mean());
        }
        double p = Double.isInfinite(t) ? 0
                : 2 * (1 - new TDistribution(null, s.n() - 1).cumulativeProbability(Math.abs(t)));
        return new PairedTTest(s.n(), s.mean(), s.low(), s.high(), t, p);
    }

    /** Whether A and B differ at the 5% level (two-sided): the 95% interval excludes 0. */
    public boolean significant() {
        return pValue < 1 - SeedStatistics.CONFIDENCE;
    }
}
