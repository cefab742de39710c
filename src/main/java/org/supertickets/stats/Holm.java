package org.supertickets.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for testing several hypotheses at once: the i-th smallest of {@code m} p-values is
 * multiplied by {@code m - i} (i from 0), kept at least as large as the one before it and capped at 1. A difference
 * "survives" when its adjusted p stays below the level; the chance of any false claim among all of them is then at
 * most that level, without assuming the tests are independent.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order given; NaN (an untestable pair) stays NaN and does not count in m. */
    public static double[] adjust(double[] p) {
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < order.length; rank++) {
            running = Math.max(running, Math.min(1, (order.length - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
