package org.supertickets.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.Supernet;

/**
 * The segmentation run's window on what its network sees: the first {@value #CANVASES} test canvases, read once,
 * predicted at every evaluation. The forward pass of six 64 x 64 canvases through the demo's supernet took 90-170 ms
 * on a loaded 2-core machine, next to 1.0-1.7 s for the 120 validation canvases the evaluation measures (plus its BN
 * re-estimation): under 1 % of the demo run's time. A record of six class maps deflates to about 2 KB.
 */
final class PredictionPreview {

    /** How many test canvases are shown: enough to see several objects per class, few enough to fit a screen. */
    static final int CANVASES = 6;

    private final TrainingData data;
    private final int[] indices;
    /** The canvases normalised, as the network takes them. */
    private final float[] images;
    private final long[] labels;

    private PredictionPreview(TrainingData data, int[] indices) {
        this.data = data;
        this.indices = indices;
        this.images = new float[indices.length * data.channels() * data.height() * data.width()];
        this.labels = new long[indices.length * data.labelsPerImage()];
        data.fillTest(indices, images, labels);
    }

    /** The preview of a segmentation run's data; null for classification or without test images. */
    static PredictionPreview of(TrainingData data) {
        if (data.labelsPerImage() <= 1 || data.testSize() == 0) {
            return null;
        }
        int n = Math.min(CANVASES, data.testSize());
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return new PredictionPreview(data, indices);
    }

    /** The canvases and their truth, to be recorded once. */
    PredictionCanvases canvases(long step, double epoch) {
        byte[] raw = data.testImageBytes(indices);
        byte[] pixels = raw != null ? raw : rescaled(images, indices.length * data.channels(),
                data.height() * data.width());
        byte[] truth = new byte[labels.length];
        for (int k = 0; k < labels.length; k++) {
            truth[k] = (byte) labels[k];
        }
        return PredictionCanvases.of(step, epoch, indices, data.channels(), data.height(), data.width(),
                data.classes(), pixels, truth);
    }

    /** The class {@code net} predicts for every pixel of the canvases (BN as in evaluation). */
    PredictedMasks predict(Supernet net, long step, double epoch, String source) {
        byte[] classes = new byte[labels.length];
        try (NDScope scope = new NDScope()) {
            NDArray x = net.manager().create(images, new Shape(indices.length, data.channels(), data.height(),
                    data.width()));
            long[] predicted = net.forward(x, BatchNormMode.EVAL).argMax(1).toLongArray();
            for (int k = 0; k < classes.length; k++) {
                classes[k] = (byte) predicted[k];
            }
        }
        return PredictedMasks.of(step, epoch, source, indices.length, data.height(), data.width(), classes);
    }

    /**
     * Normalised planes back to 8 bits, each plane stretched over 0..255: normalisation is affine per channel, so
     * this gives back what a person saw, up to brightness and contrast (only for data that keep no 8-bit copy).
     */
    static byte[] rescaled(float[] values, int planes, int plane) {
        byte[] out = new byte[planes * plane];
        for (int p = 0; p < planes; p++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = p * plane; k < (p + 1) * plane; k++) {
                min = Math.min(min, values[k]);
                max = Math.max(max, values[k]);
            }
            float range = max > min ? max - min : 1;
            for (int k = p * plane; k < (p + 1) * plane; k++) {
                out[k] = (byte) Math.round((values[k] - min) / range * 255);
            }
        }
        return out;
    }
}
