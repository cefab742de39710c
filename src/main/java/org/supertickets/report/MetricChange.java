package org.supertickets.report;

import java.util.Locale;

/**
 * One summary number of two tickets and its difference.
 *
 * @param name what it is ("test accuracy", "MACs", …)
 * @param a    value in ticket A
 * @param b    value in ticket B
 * @param unit how it is written
 */
public record MetricChange(String name, double a, double b, Unit unit) {

    /** How a value is written. */
    public enum Unit {
        /** A share, written in percent; differences in percentage points. */
        SHARE,
        /** A count (MACs, parameters), written with k/M/G; differences also relative. */
        COUNT
    }

    /** B minus A. */
    public double delta() {
        return b - a;
    }

    public String formatA() {
        return format(a);
    }

    public String formatB() {
        return format(b);
    }

    /** E.g. {@code +1.25 pp} or {@code −120.0 k (−12.5%)}; "n/a" when a side was not measured. */
    public String formatDelta() {
        double d = delta();
        if (Double.isNaN(d)) {
            return "n/a";
        }
        if (unit == Unit.SHARE) {
            String points = String.format(Locale.ROOT, "%.2f", Math.abs(100 * d));
            return sign(d, points) + points + " pp";
        }
        String amount = CountFormat.human(Math.abs(d));
        String percent = String.format(Locale.ROOT, "%.1f", Math.abs(100 * d / a));
        return sign(d, amount) + amount + (a == 0 ? "" : " (" + sign(d, percent) + percent + "%)");
    }

    private String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return unit == Unit.SHARE ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : CountFormat.human(v);
    }

    /** The sign of a difference as written: "±" when it rounds to zero, so no "−0.00" appears. */
    private static String sign(double d, String written) {
        return written.matches("[0.]+") ? "±" : d > 0 ? "+" : "−";
    }
}
