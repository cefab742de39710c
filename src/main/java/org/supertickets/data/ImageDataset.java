package org.supertickets.data;

/**
 * Images in memory: pixels in [0, 1], NCHW, row-major.
 *
 * @param name     dataset name, for messages
 * @param channels channels per image
 * @param height   image height
 * @param width    image width
 * @param classes  number of classes
 * @param pixels   {@code size * channels * height * width} values
 * @param labels   one class index per image
 */
public record ImageDataset(String name, int channels, int height, int width, int classes, float[] pixels,
        int[] labels) {

    public int size() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return channels * height * width;
    }

    /** The images at {@code indices}, in that order (a copy). */
    public ImageDataset subset(int[] indices) {
        int p = pixelsPerImage();
        float[] px = new float[indices.length * p];
        int[] lb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * p, px, i * p, p);
            lb[i] = labels[indices[i]];
        }
        return new ImageDataset(name, channels, height, width, classes, px, lb);
    }
}
