package org.supertickets.latency;

import java.util.Arrays;
import java.util.Objects;

/**
 * The speed-up of one network over another from paired timings (one pass of each, measured back to back), with
 * a distribution-free 95% confidence interval: the median of the per-pair ratios and the order statistics
 * around it that the sign test gives. Medians and order statistics, not means, because timings have heavy tails
 * (a garbage collection or another process stalls one pass by several times its length).
 *
 * @param speedup   median of {@code slower / faster} per pair: above 1 when the second network is faster
 * @param low       lower bound of the interval
 * @param high      upper bound of the interval
 * @param pairs     number of pairs
 * @param confident whether there were enough pairs for a 95% interval (at least 6)
 */
public record SpeedupInterval(double speedup, double low, double high, int pairs, boolean confident) {

    /** Two-sided level of the interval. */
    public static final double ALPHA = 0.05;

    /**
     * The interval from paired timings: {@code referenceMs[i]} and {@code candidateMs[i]} measured together.
     *
     * @throws IllegalArgumentException when the arrays differ in length, are empty or hold a time that is not
     *                                  positive
     */
    public static SpeedupInterval of(double[] referenceMs, double[] candidateMs) {
        Objects.requireNonNull(referenceMs, "referenceMs");
        Objects.requireNonNull(candidateMs, "candidateMs");
        if (referenceMs.length != candidateMs.length || referenceMs.length == 0) {
            throw new IllegalArgumentException("need the same positive number of timings of both networks, got "
                    + referenceMs.length + " and " + candidateMs.length);
        }
        int n = referenceMs.length;
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(referenceMs[i] > 0 && candidateMs[i] > 0)) {
                throw new IllegalArgumentException("timing pair " + i + " is not positive: " + referenceMs[i] + ", "
                        + candidateMs[i]);
            }
            ratios[i] = referenceMs[i] / candidateMs[i];
        }
        Arrays.sort(ratios);
        double median = n % 2 == 1 ? ratios[n / 2] : Math.sqrt(ratios[n / 2 - 1] * ratios[n / 2]);
        int k = signTestRank(n);
        boolean confident = k >= 1;
        int lowRank = Math.max(1, k);
        return new SpeedupInterval(median, ratios[lowRank - 1], ratios[n - lowRank], n, confident);
    }

    /**
     * The largest rank {@code k} such that [{@code x(k)}, {@code x(n+1-k)}] covers the median with probability at
     * least 95%: {@code 2 P(B <= k-1) <= ALPHA} for B ~ Binomial(n, 1/2); 0 when even the extremes do not.
     */
    static int signTestRank(int n) {
        double log2 = Math.log(2);
        double logChoose = 0; // log C(n, 0)
        double cumulative = 0;
        int k = 0;
        for (int j = 0; j < n; j++) {
            cumulative += Math.exp(logChoose - n * log2); // P(B <= j)
            if (2 * cumulative > ALPHA) {
                break;
            }
            k = j + 1;
            logChoose += Math.log(n - j) - Math.log(j + 1);
        }
        return k;
    }

    /** True when the interval includes 1: the timings do not tell the two networks apart. */
    public boolean includesOne() {
        return low <= 1 && 1 <= high;
    }

    /**
     * True when the 95% interval lies within {@code ±precision} of the estimate (relative), e.g. 0.05 for ±5%.
     */
    public boolean isTight(double precision) {
        return confident && high - low <= 2 * precision * speedup;
    }
}
