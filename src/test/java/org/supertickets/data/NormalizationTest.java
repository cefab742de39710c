package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    /** Two images of 2 channels x 1 x 2 pixels: channel 0 holds 0, 1, 1, 1; channel 1 holds 0.5 everywhere. */
    private static ImageDataset handMade() {
        float[] pixels = {0f, 1f, 0.5f, 0.5f, 1f, 1f, 0.5f, 0.5f};
        return new ImageDataset("hand", 2, 1, 2, 2, pixels, new int[] {0, 1});
    }

    @Test
    void computesPerChannelMeanAndStd() {
        Normalization n = Normalization.of(handMade());
        // Channel 0: mean 0.75, variance 0.75 - 0.5625 = 0.1875.
        assertEquals(0.75f, n.mean()[0], 1e-6);
        assertEquals((float) Math.sqrt(0.1875), n.std()[0], 1e-6);
        // Channel 1 is constant: the std is floored instead of dividing by zero.
        assertEquals(0.5f, n.mean()[1], 1e-6);
        assertEquals(Normalization.MIN_STD, n.std()[1], 0f);
        assertEquals(2, n.channels());
    }

    @Test
    void appliesIntoABufferLikeTheSingleValueForm() {
        Normalization n = new Normalization(new float[] {0.5f, 0.25f}, new float[] {0.5f, 2f});
        float[] buffer = {9f, 0f, 1f, 1f, 0.25f};
        n.applyInPlace(buffer, 1, 2);
        assertArrayEquals(new float[] {9f, -1f, 1f, 0.375f, 0f}, buffer);
        assertEquals(-1f, n.apply(0f, 0));
        assertEquals(0.375f, n.apply(1f, 1));
    }

    @Test
    void standardisedTrainingDataHaveMeanZeroAndStdOne() {
        ImageDataset data = handMade();
        Normalization n = Normalization.of(data);
        float[] px = data.pixels().clone();
        n.applyInPlace(px, 0, 2);
        n.applyInPlace(px, 4, 2);
        float[] channel0 = {px[0], px[1], px[4], px[5]};
        double mean = 0;
        double sq = 0;
        for (float v : channel0) {
            mean += v / 4;
            sq += v * v / 4;
        }
        assertEquals(0, mean, 1e-6);
        assertEquals(1, sq, 1e-6);
    }

    @Test
    void isImmutableAndRejectsBadStatistics() {
        float[] mean = {0.5f};
        Normalization n = new Normalization(mean, new float[] {1f});
        mean[0] = 9f;
        n.mean()[0] = 9f;
        assertEquals(0.5f, n.mean()[0]);
        assertEquals(new Normalization(new float[] {0.5f}, new float[] {1f}), n);
        assertThrows(IllegalArgumentException.class, () -> new Normalization(new float[] {0f}, new float[] {0f}));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(new float[] {0f}, new float[2]));
    }
}
