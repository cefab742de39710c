package org.supertickets.ui.compare;

import java.util.Locale;
import org.supertickets.report.CountFormat;

/** How the Compare tab writes its numbers: shares in percent, counts with k/M/G/T, durations in h/min/s. */
final class CompareFormat {

    private CompareFormat() {
    }

    /** 0.8123 → "81.23%"; NaN → "n/a". */
    static String percent(double share, int decimals) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * share);
    }

    /** 1234567 → "1.23 M"; training compute reaches tera-MACs: 1.2e13 → "12.00 T". */
    static String count(double value) {
        return CountFormat.text(value);
    }

    /** 3725 → "1 h 02 min"; 200 → "3 min 20 s"; 12.4 → "12 s". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }
}
