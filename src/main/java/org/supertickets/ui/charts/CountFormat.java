package org.supertickets.ui.charts;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.supertickets.ui.graph.GraphViewModel;

/** Counts on chart axes and in tables: 2650000 → "2.65 M", 8.5e11 → "850.0 G", 1.2e13 → "12.00 T". */
public final class CountFormat extends NumberFormat {

    /** The text of one count; NaN → "n/a". */
    public static String text(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 1e12 ? String.format(Locale.ROOT, "%.2f T", value / 1e12)
                : GraphViewModel.human(value);
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
