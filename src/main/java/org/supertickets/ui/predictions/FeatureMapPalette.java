package org.supertickets.ui.predictions;

/**
 * The colours of feature maps. A map after a ReLU (never negative) takes the confusion matrix's one-hue ramp
 * ({@link ConfusionPalette}), zero lightest; a block's output, which can be negative, takes ColorBrewer's PuOr
 * diverging ramp — orange below zero, purple above, white at zero — which reads the same with every common
 * colour-vision deficiency. Every map of a layer is coloured on that layer's one scale, so maps compare.
 */
public final class FeatureMapPalette {

    /** ColorBrewer PuOr, 11 classes, from orange (most negative) through white to purple (most positive). */
    private static final int[] PU_OR = {0x7f3b08, 0xb35806, 0xe08214, 0xfdb863, 0xfee0b6, 0xf7f7f7, 0xd8daeb,
        0xb2abd2, 0x8073ac, 0x542788, 0x2d004b};

    /** The dark theme's ends and middle of the diverging ramp. */
    private static final int DARK_ZERO = 0x262d38;
    private static final int DARK_NEGATIVE = 0xfdb863;
    private static final int DARK_POSITIVE = 0xc2b5e8;

    private FeatureMapPalette() {
    }

    /** The ARGB pixels of {@code values} on the scale {@code [-scale, scale]} (signed) or {@code [0, scale]}. */
    public static int[] argb(float[] values, float scale, boolean signed, boolean dark) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = argb(values[i], scale, signed, dark);
        }
        return out;
    }

    /** The colour of one value. */
    public static int argb(float value, float scale, boolean signed, boolean dark) {
        double s = scale > 0 ? value / scale : 0;
        if (!signed) {
            return ConfusionPalette.argb(s, false, dark);
        }
        double clamped = Math.max(-1, Math.min(1, s));
        if (dark) {
            // From the page's near-black at zero to a light orange or lavender: brighter means larger, as in the
            // dark theme's one-hue ramp.
            return 0xFF000000 | ConfusionPalette.mix(DARK_ZERO, clamped < 0 ? DARK_NEGATIVE : DARK_POSITIVE,
                    Math.abs(clamped));
        }
        double position = (clamped + 1) / 2 * (PU_OR.length - 1);
        int i = Math.min(PU_OR.length - 2, (int) Math.floor(position));
        return 0xFF000000 | ConfusionPalette.mix(PU_OR[i], PU_OR[i + 1], position - i);
    }
}
