package org.supertickets.data;

import java.util.SplittableRandom;

/**
 * Random crop with zero padding (2 px for images up to 28 px, 4 px above) and, for colour images, a random
 * horizontal flip. The randomness of each image is a pure function of (seed, epoch, position, slot), so a
 * resumed run augments exactly as the uninterrupted one would.
 */
public final class Augmentation {

    private final long seed;

    public Augmentation(long seed) {
        this.seed = seed;
    }

    /**
     * Copies one image from {@code src} (at {@code srcOffset}) into {@code dst} (at {@code dstOffset}), augmented.
     */
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int channels, int height, int width,
            int epoch, int position, int slot) {
        SplittableRandom random = new SplittableRandom(mix(seed, epoch, position, slot));
        int pad = Math.max(height, width) <= 28 ? 2 : 4;
        int dy = random.nextInt(2 * pad + 1) - pad;
        int dx = random.nextInt(2 * pad + 1) - pad;
        boolean flip = channels == 3 && random.nextBoolean();
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                for (int x = 0; x < width; x++) {
                    int sx = (flip ? width - 1 - x : x) + dx;
                    float v = sy < 0 || sy >= height || sx < 0 || sx >= width ? 0f
                            : src[srcOffset + c * plane + sy * width + sx];
                    dst[dstOffset + c * plane + y * width + x] = v;
                }
            }
        }
    }

    static long mix(long seed, long a, long b, long c) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = (h ^ a) * 0xBF58476D1CE4E5B9L;
        h = (h ^ b) * 0x94D049BB133111EBL;
        h = (h ^ c) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }
}
