package org.supertickets.ui.monitor;

/**
 * A series' points summarised in aligned buckets of {@code width} consecutive points (a power of two): per
 * bucket the first index and the indices of its minimum and maximum. It is updated in constant time per point
 * and holds at most {@link #MAX_BUCKETS}; when full, neighbouring buckets merge and the width doubles. Reading
 * any range of buckets back never rescans the points.
 */
final class BucketSummary {
    static final int MAX_BUCKETS = 2048;

    private final int[] first = new int[MAX_BUCKETS];
    private final int[] min = new int[MAX_BUCKETS];
    private final int[] max = new int[MAX_BUCKETS];
    private int width = 1;
    private int count;

    int count() {
        return count;
    }

    /** Points per bucket (the last bucket may hold fewer). */
    int width() {
        return width;
    }

    void clear() {
        width = 1;
        count = 0;
    }

    /** Takes point {@code index} (the next one) with its value in {@code ys[index]}. */
    void add(int index, double[] ys) {
        int bucket = index / width;
        if (bucket == count) {
            if (count == MAX_BUCKETS) {
                halve(ys);
                add(index, ys);
                return;
            }
            first[count] = index;
            min[count] = index;
            max[count] = index;
            count++;
            return;
        }
        if (ys[index] < ys[min[bucket]]) {
            min[bucket] = index;
        }
        if (ys[index] > ys[max[bucket]]) {
            max[bucket] = index;
        }
    }

    /** {first, min, max} point indices over buckets {@code [from, to)}. */
    int[] merged(int from, int to, double[] ys) {
        int lo = min[from];
        int hi = max[from];
        for (int b = from + 1; b < to; b++) {
            if (ys[min[b]] < ys[lo]) {
                lo = min[b];
            }
            if (ys[max[b]] > ys[hi]) {
                hi = max[b];
            }
        }
        return new int[] {first[from], lo, hi};
    }

    private void halve(double[] ys) {
        int merged = (count + 1) / 2;
        for (int b = 0; b < merged; b++) {
            int[] pair = merged(2 * b, Math.min(2 * b + 2, count), ys);
            first[b] = pair[0];
            min[b] = pair[1];
            max[b] = pair[2];
        }
        count = merged;
        width *= 2;
    }
}
