package org.supertickets.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * How the workbench writes counts (MACs, parameters, weights), in the window and in reports alike: on chart axes and
 * in tables 2650000 → "2.65 M", 8.5e11 → "850.0 G", 1.2e13 → "12.00 T" ({@link #text}); in running text
 * 1234567 → "1.23 M" ({@link #human}).
 */
public final class CountFormat extends NumberFormat {

    /** The text of one count; NaN → "n/a". */
    public static String text(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 1e12 ? String.format(Locale.ROOT, "%.2f T", value / 1e12)
                : human(value);
    }

    /** 1234567 → "1.23 M", up to giga ("1500.00 G"); NaN → "NaN". */
    public static String human(double value) {
        double v = Math.abs(value);
        if (v >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", value / 1e9);
        } else if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", value / 1e6);
        } else if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
        return to.append(text(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
        return format((double) number, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("format only");
    }
}
