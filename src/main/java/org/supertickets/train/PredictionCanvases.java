package org.supertickets.train;

import java.util.Objects;
import org.supertickets.prune.MaskCodec;

/**
 * The few test canvases a segmentation run predicts at every evaluation ({@link PredictedMasks}), recorded once, at
 * the start: what they show and their true class per pixel. Always the same canvases (the first of the test
 * split), so predictions of different evaluations, and of different runs on the same data, can be put side by side.
 *
 * @param step        steps done (0, or the step a run started from)
 * @param epoch       epochs done
 * @param testIndices the canvases' indices in the test split, in row order
 * @param channels    channels per canvas (1 grey, 3 RGB)
 * @param height      canvas height in pixels
 * @param width       canvas width in pixels
 * @param classes     number of classes, background (0) included
 * @param images      the canvases' 8-bit values as stored (before normalisation), NCHW, deflated and base64-encoded
 *                    ({@link MaskCodec#encodeBytes})
 * @param truth       their true class per pixel, one byte each, row-major, canvas after canvas, encoded the same way
 */
public record PredictionCanvases(long step, double epoch, int[] testIndices, int channels, int height, int width,
        int classes, String images, String truth) implements TrainingEvent {

    public PredictionCanvases {
        Objects.requireNonNull(testIndices, "testIndices");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(truth, "truth");
    }

    /** Encodes the raw bytes: {@code images} NCHW, {@code truth} one class index per pixel. */
    public static PredictionCanvases of(long step, double epoch, int[] testIndices, int channels, int height,
            int width, int classes, byte[] images, byte[] truth) {
        int plane = height * width;
        if (images.length != testIndices.length * channels * plane || truth.length != testIndices.length * plane) {
            throw new IllegalArgumentException(images.length + " image values and " + truth.length + " labels for "
                    + testIndices.length + " canvases of " + channels + "x" + height + "x" + width);
        }
        return new PredictionCanvases(step, epoch, testIndices.clone(), channels, height, width, classes,
                MaskCodec.encodeBytes(images), MaskCodec.encodeBytes(truth));
    }

    /** How many canvases. */
    public int count() {
        return testIndices.length;
    }

    /**
     * The 8-bit values, NCHW (decoded on each call).
     *
     * @throws IllegalArgumentException when the record is damaged
     */
    public byte[] imageBytes() {
        return MaskCodec.decodeBytes(images, count() * channels * height * width);
    }

    /**
     * The true class per pixel, canvas after canvas (decoded on each call).
     *
     * @throws IllegalArgumentException when the record is damaged
     */
    public byte[] truthBytes() {
        return MaskCodec.decodeBytes(truth, count() * height * width);
    }
}
