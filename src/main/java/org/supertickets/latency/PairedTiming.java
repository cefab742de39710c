package org.supertickets.latency;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Times two networks pass by pass, alternately, until the speed-up's confidence interval is tight or a time
 * cap is reached. Pairs measured back to back, in alternating order, see the same machine: a load that comes and
 * goes (another process, a frequency change) slows both passes of a pair and cancels out of its ratio.
 *
 * @param minPairs   pairs timed before the interval is first checked
 * @param maxPairs   pairs after which it stops whatever the interval
 * @param precision  relative half-width of the 95% interval that counts as tight, e.g. 0.05
 * @param maxSeconds time cap for the timed pairs, warm-up excluded
 * @param warmup     untimed passes of each network first (allocation, JIT, kernel choice)
 */
public record PairedTiming(int minPairs, int maxPairs, double precision, double maxSeconds, int warmup) {

    /** One forward pass of a network; it must finish its work before it returns (read the result back). */
    @FunctionalInterface
    public interface Pass {
        void run();
    }

    /**
     * What was measured.
     *
     * @param referenceMs per-pair times of the reference (the supernet), ms
     * @param candidateMs per-pair times of the candidate (the ticket), ms
     * @param interval    the speed-up of the candidate with its 95% interval
     * @param tight       whether the interval reached the precision (false: the time cap or maxPairs came first)
     * @param seconds     time spent on the timed pairs
     */
    public record Result(double[] referenceMs, double[] candidateMs, SpeedupInterval interval, boolean tight,
            double seconds) {
    }

    public PairedTiming {
        if (minPairs < MIN_PAIRS_FOR_AN_INTERVAL || maxPairs < minPairs || !(precision > 0) || !(maxSeconds > 0)
                || warmup < 0) {
            throw new IllegalArgumentException("need 6 <= minPairs <= maxPairs, precision > 0, maxSeconds > 0 and "
                    + "warmup >= 0; got " + minPairs + ", " + maxPairs + ", " + precision + ", " + maxSeconds + ", "
                    + warmup);
        }
    }

    private static final int MIN_PAIRS_FOR_AN_INTERVAL = 6;

    /** Checking the interval sorts all ratios; every few pairs is often enough. */
    private static final int CHECK_EVERY = 5;

    /** Measures with {@code nanoTime} as the clock (System::nanoTime, or a scripted one in tests). */
    public Result measure(Pass reference, Pass candidate, LongSupplier nanoTime) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(candidate, "candidate");
        for (int i = 0; i < warmup; i++) {
            reference.run();
            candidate.run();
        }
        double[] ref = new double[Math.min(maxPairs, 1024)];
        double[] cand = new double[ref.length];
        long start = nanoTime.getAsLong();
        int n = 0;
        SpeedupInterval interval = null;
        boolean tight = false;
        while (n < maxPairs) {
            if (n == ref.length) {
                ref = Arrays.copyOf(ref, Math.min(maxPairs, 2 * n));
                cand = Arrays.copyOf(cand, ref.length);
            }
            // Alternate which goes first, so neither always runs on the warmer cache.
            if (n % 2 == 0) {
                ref[n] = time(reference, nanoTime);
                cand[n] = time(candidate, nanoTime);
            } else {
                cand[n] = time(candidate, nanoTime);
                ref[n] = time(reference, nanoTime);
            }
            n++;
            // The cap wins over minPairs for slow networks, down to the 6 pairs a 95% interval needs at least.
            boolean outOfTime = n >= MIN_PAIRS_FOR_AN_INTERVAL && (nanoTime.getAsLong() - start) / 1e9 >= maxSeconds;
            if (outOfTime || n == maxPairs || n >= minPairs && n % CHECK_EVERY == 0) {
                interval = SpeedupInterval.of(Arrays.copyOf(ref, n), Arrays.copyOf(cand, n));
                tight = interval.isTight(precision);
                if (tight || outOfTime) {
                    break;
                }
            }
        }
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        return new Result(Arrays.copyOf(ref, n), Arrays.copyOf(cand, n), interval, tight, seconds);
    }

    private static double time(Pass pass, LongSupplier nanoTime) {
        long t0 = nanoTime.getAsLong();
        pass.run();
        return (nanoTime.getAsLong() - t0) / 1e6;
    }
}
