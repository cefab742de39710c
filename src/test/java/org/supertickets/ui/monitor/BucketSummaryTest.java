package org.supertickets.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BucketSummaryTest {

    @Test
    void everyBucketKnowsItsFirstPointAndExtremesAsARescanWould() {
        for (int n : new int[] {1, 7, 2048, 2049, 10_000, 300_001}) {
            double[] ys = randomWalk(n, n);
            BucketSummary summary = new BucketSummary();
            for (int i = 0; i < n; i++) {
                summary.add(i, ys);
            }
            int width = summary.width();
            assertTrue(summary.count() <= BucketSummary.MAX_BUCKETS);
            assertEquals((n + width - 1) / width, summary.count(), "buckets for " + n + " points");
            for (int b = 0; b < summary.count(); b++) {
                int from = b * width;
                int to = Math.min(n, from + width);
                int lo = from;
                int hi = from;
                for (int i = from + 1; i < to; i++) {
                    lo = ys[i] < ys[lo] ? i : lo;
                    hi = ys[i] > ys[hi] ? i : hi;
                }
                int[] picks = summary.merged(b, b + 1, ys);
                assertEquals(from, picks[0]);
                assertEquals(lo, picks[1], "min of bucket " + b + " of " + n);
                assertEquals(hi, picks[2], "max of bucket " + b + " of " + n);
            }
        }
    }

    @Test
    void aMillionPointSeriesShowsItsGlobalExtremesInOrderAndEndsOnTheNewest() {
        SeriesModel s = new SeriesModel("loss", SeriesModel.Style.LINE);
        double[] ys = randomWalk(1_000_000, 3);
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < ys.length; i++) {
            s.add(i * 0.001, ys[i]);
            lo = Math.min(lo, ys[i]);
            hi = Math.max(hi, ys[i]);
        }
        double[][] shown = s.display(600);
        assertTrue(shown[0].length <= 601, "points " + shown[0].length);
        double shownLo = Double.MAX_VALUE;
        double shownHi = -Double.MAX_VALUE;
        for (int i = 0; i < shown[0].length; i++) {
            shownLo = Math.min(shownLo, shown[1][i]);
            shownHi = Math.max(shownHi, shown[1][i]);
            if (i > 0) {
                assertTrue(shown[0][i] >= shown[0][i - 1], "x order at " + i);
            }
        }
        assertEquals(lo, shownLo);
        assertEquals(hi, shownHi);
        assertEquals(999.999, shown[0][shown[0].length - 1], 1e-9);
        s.clear();
        s.add(0, 1);
        assertEquals(1, s.display(600)[0].length, "clear starts the summary over");
    }

    private static double[] randomWalk(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] ys = new double[n];
        for (int i = 1; i < n; i++) {
            ys[i] = ys[i - 1] + r.nextGaussian();
        }
        return ys;
    }
}
