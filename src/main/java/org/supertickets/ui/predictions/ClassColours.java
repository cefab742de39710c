package org.supertickets.ui.predictions;

import java.util.Locale;

/**
 * One colour per segmentation class, the same in the masks and the legend: background black (as in the canvases,
 * so a mask reads like its image), the object classes first in the Okabe-Ito palette the graph uses (distinguishable
 * with the common colour-vision deficiencies), then white, grey and a violet. Ten object classes are more than any
 * palette keeps apart for everyone, so the legend names every colour and the IoU table repeats it.
 */
public final class ClassColours {

    /** The background's colour (class 0). */
    public static final int BACKGROUND = 0xFF000000;

    private static final int[] OBJECTS = {
        0xFFE69F00, // orange
        0xFF56B4E9, // sky blue
        0xFF009E73, // bluish green
        0xFFF0E442, // yellow
        0xFF0072B2, // blue
        0xFFD55E00, // vermillion
        0xFFCC79A7, // reddish purple
        0xFFFFFFFF, // white
        0xFF999999, // grey
        0xFF9A6BE0, // violet
    };

    private ClassColours() {
    }

    /** The ARGB colour of class {@code c} (0 = background); classes past the palette repeat it. */
    public static int argb(int c) {
        return c <= 0 ? BACKGROUND : OBJECTS[(c - 1) % OBJECTS.length];
    }

    /** {@code #rrggbb} of an ARGB colour, for CSS. */
    public static String hex(int argb) {
        return String.format(Locale.ROOT, "#%06x", argb & 0xFFFFFF);
    }
}
