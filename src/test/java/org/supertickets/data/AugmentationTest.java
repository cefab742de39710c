package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    /** Distinct positive values, so any shift or flip is visible. */
    private static float[] image(int channels, int side) {
        float[] src = new float[channels * side * side];
        for (int i = 0; i < src.length; i++) {
            src[i] = 1 + i;
        }
        return src;
    }

    /** {@code src} shifted by (dy, dx) with zeros shifted in, mirrored first when {@code flip}. */
    private static float[] shifted(float[] src, int channels, int side, int dy, int dx, boolean flip) {
        float[] out = new float[src.length];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int sy = y + dy;
                    int sx = (flip ? side - 1 - x : x) + dx;
                    if (sy >= 0 && sy < side && sx >= 0 && sx < side) {
                        out[(c * side + y) * side + x] = src[(c * side + sy) * side + sx];
                    }
                }
            }
        }
        return out;
    }

    /** The (dy, dx, flip) that explains {@code out}, or null. */
    private static int[] explain(float[] src, float[] out, int channels, int side, int pad) {
        for (int flip = 0; flip < 2; flip++) {
            for (int dy = -pad; dy <= pad; dy++) {
                for (int dx = -pad; dx <= pad; dx++) {
                    if (Arrays.equals(out, shifted(src, channels, side, dy, dx, flip == 1))) {
                        return new int[] {dy, dx, flip};
                    }
                }
            }
        }
        return null;
    }

    @Test
    void paddingFollowsTheImageSize() {
        assertEquals(2, Augmentation.padding(28, 28));
        assertEquals(2, Augmentation.padding(8, 8));
        assertEquals(4, Augmentation.padding(32, 32));
    }

    @Test
    void isAPureFunctionOfSeedEpochPositionAndSlot() {
        float[] src = image(1, 28);
        float[] a = new float[src.length];
        float[] b = new float[src.length];
        new Augmentation(5).apply(src, 0, a, 0, 1, 28, 28, 2, 3, 1);
        new Augmentation(5).apply(src, 0, b, 0, 1, 28, 28, 2, 3, 1);
        assertArrayEquals(a, b);
        int differing = 0;
        for (int epoch = 0; epoch < 10; epoch++) {
            new Augmentation(5).apply(src, 0, b, 0, 1, 28, 28, 3 + epoch, 3, 1);
            differing += Arrays.equals(a, b) ? 0 : 1;
        }
        assertTrue(differing >= 7, "other epochs get other crops: " + differing + " of 10");
        new Augmentation(6).apply(src, 0, b, 0, 1, 28, 28, 2, 3, 1);
        float[] c = new float[src.length];
        new Augmentation(6).apply(src, 0, c, 0, 1, 28, 28, 2, 3, 1);
        assertArrayEquals(b, c);
    }

    @Test
    void greyImagesAreShiftedWithinTwoPixelsAndNeverFlipped() {
        float[] src = image(1, 28);
        float[] out = new float[src.length];
        boolean[] seen = new boolean[5];
        for (int slot = 0; slot < 60; slot++) {
            new Augmentation(11).apply(src, 0, out, 0, 1, 28, 28, 0, 0, slot);
            int[] how = explain(src, out, 1, 28, 2);
            assertTrue(how != null && how[2] == 0, "slot " + slot + " is a plain shift");
            seen[how[0] + 2] = true;
        }
        for (boolean s : seen) {
            assertTrue(s, "every vertical shift in -2..2 occurs");
        }
    }

    @Test
    void colourImagesAreShiftedWithinFourPixelsAndSometimesFlipped() {
        float[] src = image(3, 32);
        float[] out = new float[src.length + 7];
        int flipped = 0;
        for (int slot = 0; slot < 40; slot++) {
            new Augmentation(11).apply(src, 0, out, 7, 3, 32, 32, 1, 4, slot);
            int[] how = explain(src, Arrays.copyOfRange(out, 7, out.length), 3, 32, 4);
            assertTrue(how != null, "slot " + slot + " is a shift within 4 px, maybe mirrored");
            flipped += how[2];
        }
        assertTrue(flipped > 5 && flipped < 35, "about half are mirrored: " + flipped);
    }
}
