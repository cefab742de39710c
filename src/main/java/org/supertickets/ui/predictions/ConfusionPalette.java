package org.supertickets.ui.predictions;

import java.util.Locale;

/**
 * The colours of a confusion matrix's cells by row share: a sequential ramp in one hue (ColorBrewer's Blues) whose
 * lightness alone carries the value, so it reads the same with every colour-vision deficiency and in grey print.
 * The light theme runs from near-white (none of the row) to dark blue (all of it); the dark theme runs the other
 * way, from near the background to pale blue, so in both a fuller cell stands out more from the page. The count
 * on a cell is black or white, whichever contrasts more with its fill.
 */
public final class ConfusionPalette {

    /** ColorBrewer Blues, 9 classes, light to dark. */
    private static final int[] BLUES = {0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5,
        0x08519c, 0x08306b};
    /** The dark theme's ramp, dark to light: from a blue just off the background (#23262b) to the palest blue. */
    private static final int[] DARK = {0x262d38, 0x1b4368, 0x1a5a92, 0x2a74b3, 0x4a90cc, 0x74b0dc, 0x9fcbe8,
        0xc9def0, 0xeef5fc};

    private ConfusionPalette() {
    }

    /**
     * The fill of a cell holding {@code share} of its row (0 to 1). A cell with any image at all gets at least the
     * second step of the ramp, so a single mistake in a row of thousands is still visible.
     */
    public static int argb(double share, boolean nonEmpty, boolean dark) {
        int[] ramp = dark ? DARK : BLUES;
        double s = Math.max(0, Math.min(1, Double.isNaN(share) ? 0 : share));
        double position = s * (ramp.length - 1);
        if (nonEmpty) {
            position = Math.max(position, 1);
        }
        int i = Math.min(ramp.length - 2, (int) Math.floor(position));
        double f = position - i;
        return 0xFF000000 | mix(ramp[i], ramp[i + 1], f);
    }

    /** Black or white, whichever contrasts more with {@code argb} (WCAG relative luminance). */
    public static int textArgb(int argb) {
        double l = luminance(argb);
        // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05): equal at l = 0.179.
        return l > 0.179 ? 0xFF000000 : 0xFFFFFFFF;
    }

    /** {@code #rrggbb} of an ARGB colour, for CSS. */
    public static String hex(int argb) {
        return String.format(Locale.ROOT, "#%06x", argb & 0xFFFFFF);
    }

    /** WCAG relative luminance of an ARGB colour (0 black, 1 white). */
    static double luminance(int argb) {
        return 0.2126 * linear(argb >> 16 & 0xff) + 0.7152 * linear(argb >> 8 & 0xff) + 0.0722 * linear(argb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static int mix(int a, int b, double f) {
        int r = (int) Math.round((a >> 16 & 0xff) * (1 - f) + (b >> 16 & 0xff) * f);
        int g = (int) Math.round((a >> 8 & 0xff) * (1 - f) + (b >> 8 & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return r << 16 | g << 8 | bl;
    }
}
