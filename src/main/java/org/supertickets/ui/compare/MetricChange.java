package org.supertickets.ui.compare;

import java.util.Locale;
import org.supertickets.ui.graph.GraphViewModel;

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
            return String.format(Locale.ROOT, "%s%.2f pp", sign(d), Math.abs(100 * d));
        }
        String relative = a == 0 ? "" : String.format(Locale.ROOT, " (%s%.1f%%)", sign(d), Math.abs(100 * d / a));
        return sign(d) + GraphViewModel.human(Math.abs(d)) + relative;
    }

    private String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return unit == Unit.SHARE ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : GraphViewModel.human(v);
    }

    private static String sign(double d) {
        return d > 0 ? "+" : d < 0 ? "−" : "±";
    }
}
