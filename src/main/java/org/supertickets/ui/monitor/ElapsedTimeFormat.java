package org.supertickets.ui.monitor;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Seconds as a stopwatch reads them, {@code m:ss} under an hour and {@code h:mm:ss} from one on: the ticks of the
 * Monitor's relative time axis and its hover read-out. Formatting only; parsing is not needed by a chart axis.
 */
public final class ElapsedTimeFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    /** {@code seconds} rounded to whole seconds, e.g. 75 as {@code 1:15} and 3723 as {@code 1:02:03}. */
    public static String elapsed(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "–";
        }
        long s = Math.round(Math.abs(seconds));
        String sign = seconds < 0 && s > 0 ? "-" : "";
        long h = s / 3600;
        long m = s / 60 % 60;
        return h > 0 ? String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, h, m, s % 60)
                : String.format(Locale.ROOT, "%s%d:%02d", sign, m, s % 60);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(elapsed(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(elapsed((double) number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("an axis format: formatting only");
    }
}
