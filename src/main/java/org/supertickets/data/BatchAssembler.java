package org.supertickets.data;

import java.util.SplittableRandom;

/** Turns image indices into normalised (and optionally augmented) batch buffers. */
public final class BatchAssembler {

    private final ImageDataset data;
    private final Normalization normalization;
    private final Augmentation augmentation;

    /** @param augmentation null = no augmentation */
    public BatchAssembler(ImageDataset data, Normalization normalization, Augmentation augmentation) {
        this.data = data;
        this.normalization = normalization;
        this.augmentation = augmentation;
    }

    /**
     * Fills {@code images} with the normalised images at {@code indices} and {@code labels} with their labels.
     * {@code epoch} and {@code position} seed the augmentation.
     */
    public void fill(int[] indices, int epoch, int position, float[] images, long[] labels) {
        int p = data.pixelsPerImage();
        int plane = data.height() * data.width();
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (augmentation != null) {
                augmentation.apply(data.pixels(), index * p, images, i * p, data.channels(), data.height(),
                        data.width(), epoch, position, i);
            } else {
                System.arraycopy(data.pixels(), index * p, images, i * p, p);
            }
            for (int c = 0; c < data.channels(); c++) {
                int base = i * p + c * plane;
                for (int k = 0; k < plane; k++) {
                    images[base + k] = normalization.apply(images[base + k], c);
                }
            }
            labels[i] = data.labels()[index];
        }
    }

    /** The shuffled order of {@code n} images in {@code epoch}: a pure function of (seed, epoch). */
    public static int[] epochOrder(int n, long seed, int epoch) {
        return shuffled(n, Augmentation.mix(seed, epoch, 0x5EED, 1));
    }

    /** A Fisher-Yates permutation of 0..n-1. */
    public static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
