package org.supertickets.data;

import java.util.Objects;

/**
 * Images in memory: pixels in [0, 1], NCHW, row-major. The arrays are shared, not copied, to keep 60,000
 * images cheap; treat them as read-only.
 *
 * @param name     dataset and split name, for messages (e.g. {@code fashion-mnist-train})
 * @param channels channels per image (1 grey, 3 RGB)
 * @param height   image height in pixels
 * @param width    image width in pixels
 * @param classes  number of classes; every label is in {@code 0..classes-1}
 * @param pixels   {@code size * channels * height * width} values
 * @param labels   one class index per image
 */
public record ImageDataset(String name, int channels, int height, int width, int classes, float[] pixels,
        int[] labels) {

    public ImageDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (channels <= 0 || height <= 0 || width <= 0 || classes <= 0) {
            throw new IllegalArgumentException(name + ": shape " + channels + "x" + height + "x" + width + ", "
                    + classes + " classes");
        }
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel values for " + labels.length
                    + " images of " + channels + "x" + height + "x" + width);
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException(name + ": label " + label + " outside 0.." + (classes - 1));
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** {@code channels * height * width}. */
    public int pixelsPerImage() {
        return channels * height * width;
    }

    /** The images at {@code indices}, in that order (a copy). */
    public ImageDataset subset(int[] indices) {
        int p = pixelsPerImage();
        float[] px = new float[Math.multiplyExact(indices.length, p)];
        int[] lb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * p, px, i * p, p);
            lb[i] = labels[indices[i]];
        }
        return new ImageDataset(name, channels, height, width, classes, px, lb);
    }

    /** The first {@code n} images (all of them when {@code n} is at least {@link #size()}). */
    public ImageDataset first(int n) {
        if (n >= size()) {
            return this;
        }
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return subset(indices);
    }

    /** The same images under another name. */
    public ImageDataset named(String newName) {
        return new ImageDataset(newName, channels, height, width, classes, pixels, labels);
    }
}
