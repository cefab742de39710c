package org.supertickets.tensorboard;

/**
 * Values counted as TensorBoard's {@code HistogramProto} holds them: bucket {@code i} counts the values in
 * {@code (bucketLimits[i-1], bucketLimits[i]]}, bucket 0 those up to {@code bucketLimits[0]}. The buckets are
 * {@link #BUCKETS} equal widths from the smallest value to the largest (one bucket when all values are equal);
 * TensorBoard re-bins them for its charts, so a fixed count that spans the data is all it needs.
 *
 * @param min          the smallest value
 * @param max          the largest value, also the last bucket limit
 * @param num          how many values
 * @param sum          their sum
 * @param sumSquares   the sum of their squares
 * @param bucketLimits the right edge of each bucket
 * @param bucketCounts the values in each bucket
 */
record Histogram(double min, double max, long num, double sum, double sumSquares, double[] bucketLimits,
        long[] bucketCounts) {

    /** Buckets of a histogram whose values are not all equal. */
    static final int BUCKETS = 30;

    /** The histogram of the finite values (a diverged run's NaN has no bucket); null when there are none. */
    static Histogram of(double[] all) {
        double[] values = java.util.Arrays.stream(all).filter(Double::isFinite).toArray();
        if (values.length == 0) {
            return null;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSquares = 0;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumSquares += v * v;
        }
        if (min == max) {
            return new Histogram(min, max, values.length, sum, sumSquares, new double[] {max},
                    new long[] {values.length});
        }
        double width = (max - min) / BUCKETS;
        double[] limits = new double[BUCKETS];
        for (int i = 0; i < BUCKETS - 1; i++) {
            limits[i] = min + (i + 1) * width;
        }
        limits[BUCKETS - 1] = max;
        long[] counts = new long[BUCKETS];
        for (double v : values) {
            counts[bucketOf(v, min, width, limits)]++;
        }
        return new Histogram(min, max, values.length, sum, sumSquares, limits, counts);
    }

    /** The bucket whose half-open range holds v: estimated from the width, then settled against the limits
     *  themselves, so a value on an edge (up to rounding) lands where a reader of the limits expects it. */
    private static int bucketOf(double v, double min, double width, double[] limits) {
        int i = Math.max(0, Math.min(limits.length - 1, (int) Math.ceil((v - min) / width) - 1));
        while (i > 0 && v <= limits[i - 1]) {
            i--;
        }
        while (v > limits[i]) {
            i++;
        }
        return i;
    }
}
