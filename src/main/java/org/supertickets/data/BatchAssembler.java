package org.supertickets.data;

import java.util.Objects;

/**
 * Turns image indices into the normalised (and, for training, augmented) batch buffers the trainer wraps in
 * tensors. The caller owns the buffers, so one pair is reused for every batch.
 */
public final class BatchAssembler {

    private final ImageDataset data;
    private final Normalization normalization;
    private final Augmentation augmentation;

    /**
     * @param data          the split to draw from
     * @param normalization statistics of the training split
     * @param augmentation  {@code null} = no augmentation (validation, test)
     */
    public BatchAssembler(ImageDataset data, Normalization normalization, Augmentation augmentation) {
        this.data = Objects.requireNonNull(data, "data");
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        this.augmentation = augmentation;
        if (normalization.channels() != data.channels()) {
            throw new IllegalArgumentException("normalization has " + normalization.channels() + " channels, "
                    + data.name() + " has " + data.channels());
        }
    }

    /**
     * Fills {@code images} with the normalised images at {@code indices} (NCHW, image {@code i} at
     * {@code i * C * H * W}) and {@code labels} with their labels. Augmentation draws from (seed, {@code epoch},
     * {@code position}, slot {@code i}), so the same batch of the same epoch is always augmented alike.
     *
     * @param indices  image indices into the split
     * @param epoch    current epoch (seeds the augmentation)
     * @param position batch position within the epoch (seeds the augmentation)
     * @param images   receives {@code indices.length * C * H * W} values; may be longer
     * @param labels   receives {@code indices.length} labels; may be longer
     */
    public void fill(int[] indices, int epoch, int position, float[] images, long[] labels) {
        int p = data.pixelsPerImage();
        if ((long) indices.length * p > images.length || indices.length > labels.length) {
            throw new IllegalArgumentException("buffers for " + images.length / p + " images and " + labels.length
                    + " labels cannot hold a batch of " + indices.length);
        }
        int plane = data.height() * data.width();
        float[] pixels = data.pixels();
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= data.size()) {
                throw new IndexOutOfBoundsException(data.name() + ": image " + index + " of " + data.size());
            }
            if (augmentation != null) {
                augmentation.apply(pixels, index * p, images, i * p, data.channels(), data.height(), data.width(),
                        epoch, position, i);
            } else {
                System.arraycopy(pixels, index * p, images, i * p, p);
            }
            normalization.applyInPlace(images, i * p, plane);
            labels[i] = data.labels()[index];
        }
    }

    /**
     * The shuffled order of {@code n} training images in {@code epoch}: a pure function of (seed, epoch), so a
     * resumed run sees the same order.
     */
    public static int[] epochOrder(int n, long seed, int epoch) {
        return Seeds.permutation(n, Seeds.mix(seed, epoch, 0x5EED, 1));
    }
}
