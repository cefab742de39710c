package org.supertickets.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against values computed independently (scipy.stats: t.ppf, ttest_rel). */
class StatisticsOverSeedsTest {

    @Test
    void meanStandardDeviationAndTheStudentInterval() {
        SeedStatistics s = SeedStatistics.of(0.80, 0.84, 0.82);
        assertEquals(3, s.n());
        assertEquals(0.82, s.mean(), 1e-12);
        assertEquals(0.02, s.sd(), 1e-12); // sqrt((0.0004 + 0.0004 + 0) / 2)
        double half = 4.302652729749462 * 0.02 / Math.sqrt(3); // t(0.975, 2) = 4.3027
        assertEquals(0.82 - half, s.low(), 1e-9);
        assertEquals(0.82 + half, s.high(), 1e-9);
        assertEquals(half, s.halfWidth(), 1e-9);
    }

    @Test
    void oneSeedHasNoSpreadAndUnmeasuredRunsAreLeftOut() {
        SeedStatistics s = SeedStatistics.of(0.7, Double.NaN);
        assertEquals(1, s.n());
        assertEquals(0.7, s.mean(), 0);
        assertTrue(Double.isNaN(s.sd()) && Double.isNaN(s.low()));
    }

    @Test
    void thePairedTestOfMatchedSeeds() {
        double[] a = {0.81, 0.83, 0.80, 0.84};
        double[] b = {0.80, 0.80, 0.79, 0.82};
        PairedTTest t = PairedTTest.of(a, b);
        assertEquals(4, t.pairs());
        assertEquals(0.0175, t.meanDifference(), 1e-12);
        assertEquals(3.655630775069668, t.t(), 1e-9);
        // two-sided: twice the one-sided tail P(T >= 3.6556) = 0.0176764 on 3 degrees of freedom
        assertEquals(2 * 0.01767642350125852, t.pValue(), 1e-9);
        assertTrue(t.significant());
        PairedTTest reverse = PairedTTest.of(b, a);
        assertEquals(t.pValue(), reverse.pValue(), 1e-12, "the direction is read off the data: both tails count");
        assertTrue(reverse.significant());
    }

    @Test
    void theTwoSidedTailOfStudentsT() {
        // P(|T| >= 2) = 2 * 0.0580583 with 4 degrees of freedom, via differences with mean 2 * sd / sqrt(n) built by
        // hand.
        double[] d = {1, 2, 3, 4, 5};
        double mean = 3;
        double sd = Math.sqrt(2.5);
        double shift = 2 * sd / Math.sqrt(5) - mean;
        double[] a = new double[5];
        double[] zero = new double[5];
        for (int i = 0; i < 5; i++) {
            a[i] = d[i] + shift;
        }
        PairedTTest t = PairedTTest.of(a, zero);
        assertEquals(2, t.t(), 1e-9);
        assertEquals(2 * 0.05805826175840778, t.pValue(), 1e-9);
        assertFalse(t.significant());
    }

    @Test
    void holmAdjustsStepDownInTheOrderGiven() {
        // sorted 0.01, 0.03, 0.04: times 3, 2, 1 = 0.03, 0.06, 0.04 -> kept monotone: 0.03, 0.06, 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, Holm.adjust(new double[] {0.01, 0.04, 0.03}), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.6, 0.7}), 1e-12,
                "capped at 1, kept monotone");
        double[] withUntestable = Holm.adjust(new double[] {Double.NaN, 0.02, 0.04});
        assertTrue(Double.isNaN(withUntestable[0]));
        assertArrayEquals(new double[] {0.04, 0.04}, new double[] {withUntestable[1], withUntestable[2]}, 1e-12,
                "an untestable pair does not count in m");
    }
}
