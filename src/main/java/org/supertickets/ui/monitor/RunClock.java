package org.supertickets.ui.monitor;

import java.time.Instant;
import java.util.Arrays;

/**
 * Where a run was when: the (epoch, step) and (epoch, wall-clock time) pairs of its events, and any epoch — a
 * plotted point, a shaded span, the time cursor, the planned sparsity — put on another horizontal axis
 * ({@link XAxis}) by piecewise-linear interpolation between them. One mapping for points and markers alike, so a
 * marker at an evaluation's epoch stays on the evaluation's point whatever the axis.
 *
 * <p>Several events share an epoch (the last steps, the evaluation, a prune); the first of them gives the epoch's
 * time: when the run got there. A time axis has no x before the first timed event or after the newest one — the
 * run's future is not guessed (the planned sparsity stops at "now" there) — while steps go on beyond the known
 * pairs, since a run's steps per epoch never change. Not thread-safe: one thread builds it, or a {@link #copy()}
 * is handed over.
 */
public final class RunClock {

    private final Knots steps;
    private final Knots millis;

    public RunClock() {
        this(new Knots(), new Knots());
    }

    private RunClock(Knots steps, Knots millis) {
        this.steps = steps;
        this.millis = millis;
    }

    /** Learns one event's moment; {@code time} null when its log line has none (it then teaches the step only). */
    public void add(double epoch, long step, Instant time) {
        steps.add(epoch, step);
        if (time != null && (millis.size == 0 || time.toEpochMilli() >= millis.lastY())) {
            // a clock stepped back (rare) is skipped, so the map stays monotone and the hover can invert it
            millis.add(epoch, time.toEpochMilli());
        }
    }

    public void clear() {
        steps.size = 0;
        millis.size = 0;
    }

    /** An independent copy (to hand curves built on one thread to another). */
    public RunClock copy() {
        return new RunClock(steps.copy(), millis.copy());
    }

    /** Whether any event had a wall-clock time: the time axes need at least one. */
    public boolean hasTimes() {
        return millis.size > 0;
    }

    /** Whether two events at different epochs told the steps per epoch: the step axis needs them. */
    public boolean hasSteps() {
        return steps.size > 1;
    }

    /** Whether the axis can place this run's points at all. */
    public boolean supports(XAxis axis) {
        return switch (axis) {
            case EPOCH -> true;
            case STEP -> hasSteps();
            case RELATIVE, WALL -> hasTimes();
        };
    }

    /** The newest epoch with a place on {@code axis}: the newest timed event on a time axis, else no end. */
    public double knownUntil(XAxis axis) {
        return axis.timed() ? (millis.size == 0 ? Double.NaN : millis.lastX()) : Double.POSITIVE_INFINITY;
    }

    /** {@code epoch} on {@code axis}; NaN where the axis has no place for it (see the class comment). */
    public double toAxis(double epoch, XAxis axis) {
        return switch (axis) {
            case EPOCH -> epoch;
            case STEP -> steps.at(epoch, true);
            case RELATIVE -> millis.size == 0 ? Double.NaN : (millis.at(epoch, false) - millis.ys[0]) / 1000;
            case WALL -> millis.at(epoch, false);
        };
    }

    /**
     * How far one epoch reaches on {@code axis}, on average over the known moments (a bar's width there); NaN until
     * two moments are known.
     */
    public double perEpoch(XAxis axis) {
        Knots k = axis == XAxis.STEP ? steps : millis;
        if (axis == XAxis.EPOCH) {
            return 1;
        }
        if (k.size < 2) {
            return Double.NaN;
        }
        double slope = (k.lastY() - k.ys[0]) / (k.lastX() - k.xs[0]);
        return axis == XAxis.RELATIVE ? slope / 1000 : slope;
    }

    /**
     * The epoch at a value of {@code axis} (the hover's mouse position). On a time axis a value before the run's
     * first moment is before every epoch (-∞) and one after its newest after every epoch (+∞), so the read-out
     * there shows nothing, or the newest values, as it does left and right of the points on epochs; NaN without
     * times.
     */
    public double toEpoch(double value, XAxis axis) {
        return switch (axis) {
            case EPOCH -> value;
            case STEP -> steps.inverse(value, true);
            case RELATIVE -> millis.size == 0 ? Double.NaN : timeToEpoch(value * 1000 + millis.ys[0]);
            case WALL -> timeToEpoch(value);
        };
    }

    private double timeToEpoch(double epochMillis) {
        if (millis.size == 0 || Double.isNaN(epochMillis)) {
            return Double.NaN;
        }
        if (epochMillis < millis.ys[0]) {
            return Double.NEGATIVE_INFINITY;
        }
        return epochMillis > millis.lastY() ? Double.POSITIVE_INFINITY : millis.inverse(epochMillis, false);
    }

    /** A piecewise-linear function through points of strictly increasing x (a repeated x keeps its first y). */
    private static final class Knots {
        private double[] xs = new double[64];
        private double[] ys = new double[64];
        private int size;

        void add(double x, double y) {
            if (size > 0 && x <= xs[size - 1]) {
                return;
            }
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            xs[size] = x;
            ys[size] = y;
            size++;
        }

        double lastX() {
            return xs[size - 1];
        }

        double lastY() {
            return ys[size - 1];
        }

        Knots copy() {
            Knots k = new Knots();
            k.xs = Arrays.copyOf(xs, Math.max(1, size));
            k.ys = Arrays.copyOf(ys, Math.max(1, size));
            k.size = size;
            return k;
        }

        double at(double x, boolean extrapolate) {
            return interpolate(xs, ys, x, extrapolate);
        }

        /** The x where the function reaches {@code y}; the ys are non-decreasing (steps and a forward clock). */
        double inverse(double y, boolean extrapolate) {
            return interpolate(ys, xs, y, extrapolate);
        }

        private double interpolate(double[] from, double[] to, double v, boolean extrapolate) {
            if (size == 0 || Double.isNaN(v)) {
                return Double.NaN;
            }
            if (size == 1) {
                return v == from[0] ? to[0] : Double.NaN;
            }
            int i;
            if (v < from[0]) {
                if (!extrapolate) {
                    return Double.NaN;
                }
                i = 0;
            } else if (v > from[size - 1]) {
                if (!extrapolate) {
                    return Double.NaN;
                }
                i = size - 2;
            } else {
                i = Arrays.binarySearch(from, 0, size, v);
                if (i >= 0) {
                    return to[i];
                }
                i = Math.min(-i - 2, size - 2); // the segment [i, i + 1] around v
            }
            double span = from[i + 1] - from[i];
            return span == 0 ? to[i] : to[i] + (v - from[i]) * (to[i + 1] - to[i]) / span;
        }
    }
}
