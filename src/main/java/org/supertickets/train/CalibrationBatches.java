package org.supertickets.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.Supernet;

/**
 * The training batches a run re-estimates its BN statistics on before every evaluation: the first ones of a
 * dedicated shuffle (epoch -1), never augmented, the same at every evaluation. Held as one array, so that a network
 * looked at outside the run (a what-if, one test image) is re-estimated exactly as the run's evaluations do without
 * keeping the training set.
 *
 * @param images    {@code batches * batchSize} images, row-major
 * @param batches   how many batches {@code images} holds
 * @param batchSize images per batch
 * @param channels  image channels
 * @param height    image height
 * @param width     image width
 */
public record CalibrationBatches(float[] images, int batches, int batchSize, int channels, int height, int width) {

    /** The first {@code wanted} batches of {@code batchSize} (fewer when the training split is smaller). */
    public static CalibrationBatches of(TrainingData data, int batchSize, int wanted) {
        int[] order = data.epochOrder(-1);
        int batches = wanted <= 0 ? 0 : Math.min(wanted, Math.max(1, order.length / batchSize));
        int pixels = data.channels() * data.height() * data.width();
        float[] images = new float[batches * batchSize * pixels];
        float[] one = new float[batchSize * pixels];
        long[] ignored = new long[batchSize * data.labelsPerImage()];
        for (int b = 0; b < batches; b++) {
            data.fillTrain(Evaluator.slice(order, b * batchSize, batchSize), -1, b, one, ignored);
            System.arraycopy(one, 0, images, b * one.length, one.length);
        }
        return new CalibrationBatches(images, batches, batchSize, data.channels(), data.height(), data.width());
    }

    /** Resets every BN's statistics and re-estimates them, cumulatively, over these batches (none: unchanged). */
    public void recalibrate(Supernet net) {
        if (batches == 0) {
            return;
        }
        net.resetBatchNormStatistics();
        int perBatch = batchSize * channels * height * width;
        for (int b = 0; b < batches; b++) {
            try (NDScope scope = new NDScope()) {
                NDArray x = net.manager().create(FloatBuffer.wrap(images, b * perBatch, perBatch),
                        new Shape(batchSize, channels, height, width));
                net.forward(x, BatchNormMode.recalibration(b + 1));
            }
        }
    }
}
