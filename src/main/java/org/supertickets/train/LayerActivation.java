package org.supertickets.train;

import org.supertickets.model.ActivationTap;

/**
 * One layer's activations for one image: its feature maps, channel after channel, row-major.
 *
 * @param point    where in the network
 * @param block    the block's index; -1 for the stem, the number of blocks for the head
 * @param kernel   the branch's kernel size; 0 where this is not a branch
 * @param channels the supernet's index of each channel (a shrunk branch keeps some of its channels; the rest are gone)
 * @param height   map height
 * @param width    map width
 * @param values   {@code channels.length * height * width} activations
 */
public record LayerActivation(ActivationTap.Point point, int block, int kernel, int[] channels, int height, int width,
        float[] values) {

    public LayerActivation {
        channels = channels.clone();
        if (values.length != channels.length * height * width) {
            throw new IllegalArgumentException(values.length + " values for " + channels.length + " maps of "
                    + height + "x" + width);
        }
    }

    @Override
    public int[] channels() {
        return channels.clone();
    }

    /** The number of maps. */
    public int mapCount() {
        return channels.length;
    }

    /** The value at row {@code y}, column {@code x} of map {@code map}. */
    public float at(int map, int y, int x) {
        return values[(map * height + y) * width + x];
    }

    /** The mean of map {@code map}: how strongly this channel responds to the image. */
    public double mean(int map) {
        double sum = 0;
        int from = map * height * width;
        for (int i = from; i < from + height * width; i++) {
            sum += values[i];
        }
        return sum / (height * width);
    }

    /** Whether this is the same place in the network as {@code other} (of another network of the same space). */
    public boolean samePlace(LayerActivation other) {
        return point == other.point && block == other.block && kernel == other.kernel;
    }

    /** A name for a person: {@code stem}, {@code block 2 · 5×5 branch}, {@code block 2 output}, {@code head}. */
    public String title() {
        return switch (point) {
            case STEM -> "stem";
            case BRANCH -> "block " + block + " · " + kernel + "×" + kernel + " branch";
            case BLOCK -> "block " + block + " output";
            case HEAD -> "head";
        };
    }
}
