package org.supertickets.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Images with one class index per pixel, in memory. Both arrays hold bytes to keep the data small: a pixel value is
 * {@code (pixels[k] & 0xff) / 255f}, in [0, 1] (the sources are 8-bit, so nothing is lost; see {@link #image}), and
 * a mask value is {@code masks[k] & 0xff}. The arrays are shared, not copied; treat them as read-only.
 *
 * @param name     dataset and split name, for messages (e.g. {@code fashion-mnist-canvas-train})
 * @param channels channels per image (1 grey, 3 RGB)
 * @param height   image height in pixels
 * @param width    image width in pixels
 * @param classes  number of classes, at most 256; every mask value is in {@code 0..classes-1}
 * @param pixels   {@code size * channels * height * width} unsigned 8-bit values, NCHW, row-major
 * @param masks    {@code size * height * width} unsigned 8-bit class indices, one per pixel, row-major
 */
public record SegmentationDataset(String name, int channels, int height, int width, int classes, byte[] pixels,
        byte[] masks) {

    /** The most classes a byte mask can index. */
    public static final int MAX_CLASSES = 256;

    public SegmentationDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(masks, "masks");
        if (channels <= 0 || height <= 0 || width <= 0 || classes <= 0 || classes > MAX_CLASSES) {
            throw new IllegalArgumentException(name + ": shape " + channels + "x" + height + "x" + width + ", "
                    + classes + " classes");
        }
        int plane = height * width;
        if (masks.length % plane != 0
                || (long) (masks.length / plane) * channels * plane != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel values and " + masks.length
                    + " mask values do not make whole images of " + channels + "x" + height + "x" + width);
        }
        for (int k = 0; k < masks.length; k++) {
            if ((masks[k] & 0xff) >= classes) {
                throw new IllegalArgumentException(name + ": image " + k / plane + " has class " + (masks[k] & 0xff)
                        + " outside 0.." + (classes - 1));
            }
        }
    }

    /** Number of images. */
    public int size() {
        return masks.length / (height * width);
    }

    /** {@code channels * height * width}. */
    public int pixelsPerImage() {
        return channels * height * width;
    }

    /** Image {@code index} as values in [0, 1], NCHW (a copy). */
    public float[] image(int index) {
        Objects.checkIndex(index, size());
        int p = pixelsPerImage();
        float[] out = new float[p];
        for (int k = 0; k < p; k++) {
            out[k] = (pixels[index * p + k] & 0xff) / 255f;
        }
        return out;
    }

    /** The class indices of image {@code index}, row-major (a copy). */
    public int[] mask(int index) {
        Objects.checkIndex(index, size());
        int plane = height * width;
        int[] out = new int[plane];
        for (int k = 0; k < plane; k++) {
            out[k] = masks[index * plane + k] & 0xff;
        }
        return out;
    }

    /** The images at {@code indices}, in that order (a copy). */
    public SegmentationDataset subset(int[] indices) {
        int p = pixelsPerImage();
        int plane = height * width;
        byte[] px = new byte[Math.multiplyExact(indices.length, p)];
        byte[] mk = new byte[Math.multiplyExact(indices.length, plane)];
        for (int i = 0; i < indices.length; i++) {
            Objects.checkIndex(indices[i], size());
            System.arraycopy(pixels, indices[i] * p, px, i * p, p);
            System.arraycopy(masks, indices[i] * plane, mk, i * plane, plane);
        }
        return new SegmentationDataset(name, channels, height, width, classes, px, mk);
    }

    /** The first {@code n} images (all of them when {@code n} is at least {@link #size()}). */
    public SegmentationDataset first(int n) {
        if (n >= size()) {
            return this;
        }
        int plane = height * width;
        return new SegmentationDataset(name, channels, height, width, classes,
                Arrays.copyOf(pixels, n * channels * plane), Arrays.copyOf(masks, n * plane));
    }

    /** The same images under another name. */
    public SegmentationDataset named(String newName) {
        return new SegmentationDataset(newName, channels, height, width, classes, pixels, masks);
    }
}
