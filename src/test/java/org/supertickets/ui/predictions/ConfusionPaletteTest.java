package org.supertickets.ui.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ramp carries the share by lightness alone, in both themes, and every count stays readable on its cell. */
class ConfusionPaletteTest {

    @Test
    void lightnessAloneGrowsWithTheShareAwayFromThePage() {
        for (boolean dark : new boolean[] {false, true}) {
            double previous = Double.NaN;
            for (int i = 0; i <= 100; i++) {
                double l = ConfusionPalette.luminance(ConfusionPalette.argb(i / 100.0, i > 0, dark));
                if (!Double.isNaN(previous)) {
                    // Light theme: darker as the share grows; dark theme: lighter.
                    assertTrue(dark ? l >= previous - 1e-9 : l <= previous + 1e-9, "share " + i + " % dark " + dark);
                }
                previous = l;
            }
            double empty = ConfusionPalette.luminance(ConfusionPalette.argb(0, false, dark));
            double full = ConfusionPalette.luminance(ConfusionPalette.argb(1, true, dark));
            assertTrue(contrast(empty, full) > 7, "the ends differ by far: " + contrast(empty, full));
        }
    }

    @Test
    void aSingleImageInALargeRowIsStillVisibleAndEveryCountIsReadable() {
        for (boolean dark : new boolean[] {false, true}) {
            assertNotEquals(ConfusionPalette.argb(0, false, dark), ConfusionPalette.argb(0.0001, true, dark));
            for (int i = 0; i <= 100; i++) {
                int fill = ConfusionPalette.argb(i / 100.0, i > 0, dark);
                double ratio = contrast(ConfusionPalette.luminance(fill),
                        ConfusionPalette.luminance(ConfusionPalette.textArgb(fill)));
                assertTrue(ratio >= 4.5, "WCAG AA for the count at " + i + " % (dark " + dark + "): " + ratio);
            }
        }
        assertEquals(0xFF000000, ConfusionPalette.textArgb(0xFFF7FBFF));
        assertEquals(0xFFFFFFFF, ConfusionPalette.textArgb(0xFF08306B));
    }

    private static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
}
