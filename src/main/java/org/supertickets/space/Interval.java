package org.supertickets.space;

/**
 * The numbers a config field may take: an interval whose ends are each included or not; an end that does not
 * bound is infinite. Written as the validator's messages write it: {@code 0..0.99} when both ends are included,
 * {@code (0, 10]} or {@code [0, 1)} otherwise.
 *
 * @param min          lower end ({@link Double#NEGATIVE_INFINITY} when unbounded)
 * @param minIncluded  whether {@code min} itself is allowed
 * @param max          upper end ({@link Double#POSITIVE_INFINITY} when unbounded)
 * @param maxIncluded  whether {@code max} itself is allowed
 */
record Interval(double min, boolean minIncluded, double max, boolean maxIncluded) {

    /** {@code [min, max]}. */
    static Interval closed(double min, double max) {
        return new Interval(min, true, max, true);
    }

    /** {@code (min, max]}: a number above {@code min}, at most {@code max}. */
    static Interval leftOpen(double min, double max) {
        return new Interval(min, false, max, true);
    }

    /** {@code [min, max)}: a number from {@code min}, below {@code max}. */
    static Interval rightOpen(double min, double max) {
        return new Interval(min, true, max, false);
    }

    /** {@code [min, ∞)}. */
    static Interval atLeast(double min) {
        return closed(min, Double.POSITIVE_INFINITY);
    }

    /** {@code (min, ∞)}. */
    static Interval above(double min) {
        return leftOpen(min, Double.POSITIVE_INFINITY);
    }

    /** False for NaN. */
    boolean contains(double v) {
        return (minIncluded ? v >= min : v > min) && (maxIncluded ? v <= max : v < max);
    }

    /** The same interval ending at {@code newMax} (included): a field the rest of the config bounds further. */
    Interval upTo(double newMax) {
        return new Interval(min, minIncluded, newMax, true);
    }

    /** The same interval starting at {@code newMin} (included). */
    Interval from(double newMin) {
        return new Interval(newMin, true, max, maxIncluded);
    }

    boolean boundedBelow() {
        return min != Double.NEGATIVE_INFINITY;
    }

    boolean boundedAbove() {
        return max != Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        String low = ValidationFindings.fmt(min);
        String high = ValidationFindings.fmt(max);
        if (minIncluded && maxIncluded) {
            return low + ".." + high;
        }
        return (minIncluded ? "[" : "(") + low + ", " + high + (maxIncluded ? "]" : ")");
    }
}
