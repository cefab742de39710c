package org.supertickets.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random crop with zero padding (2 px for images up to 28 px, 4 px above, as for CIFAR's 32 px) and, for colour
 * images only, a random horizontal flip (a mirrored digit or letter is another symbol; a mirrored cat is a cat).
 * The randomness of each image is a pure function of (seed, epoch, batch position, slot in the batch), so a
 * resumed run augments exactly as the uninterrupted one would.
 */
public final class Augmentation {

    private final long seed;

    /** @param seed the run's seed */
    public Augmentation(long seed) {
        this.seed = seed;
    }

    /** Zero padding of the random crop for an image of this size. */
    public static int padding(int height, int width) {
        return Math.max(height, width) <= 28 ? 2 : 4;
    }

    /**
     * Copies one NCHW image from {@code src} (at {@code srcOffset}) into {@code dst} (at {@code dstOffset}),
     * shifted by a random offset in {@code [-pad, pad]} per axis with zeros shifted in, and for 3 channels
     * possibly mirrored. The shape is unchanged.
     */
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int channels, int height, int width,
            int epoch, int position, int slot) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, epoch, position, slot));
        int pad = padding(height, width);
        int dy = random.nextInt(2 * pad + 1) - pad;
        int dx = random.nextInt(2 * pad + 1) - pad;
        boolean flip = channels == 3 && random.nextBoolean();
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                int out = dstOffset + c * plane + y * width;
                if (sy < 0 || sy >= height) {
                    Arrays.fill(dst, out, out + width, 0f);
                    continue;
                }
                int in = srcOffset + c * plane + sy * width;
                for (int x = 0; x < width; x++) {
                    int sx = (flip ? width - 1 - x : x) + dx;
                    dst[out + x] = sx < 0 || sx >= width ? 0f : src[in + sx];
                }
            }
        }
    }
}
