package org.supertickets.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.Supernet;

/**
 * Re-estimates BN statistics on a few training batches (the official code does this before every
 * evaluation, since the running statistics lag behind a network that is being shrunk and pruned), then
 * measures loss and accuracy on a held-out set.
 */
final class Evaluator {

    /** Which held-out set to measure. */
    enum Split {
        VALIDATION,
        TEST
    }

    /** Loss and accuracy (per pixel for segmentation), with the segmentation metrics (null for classification). */
    record Result(double loss, double accuracy, SegmentationMetrics segmentation) {
    }

    private final TrainingData data;
    private final int batchSize;
    private final int evalBatchSize;
    private final int recalibrationBatches;

    Evaluator(TrainingData data, int batchSize, int evalBatchSize, int recalibrationBatches) {
        this.data = data;
        this.batchSize = batchSize;
        this.evalBatchSize = evalBatchSize;
        this.recalibrationBatches = recalibrationBatches;
    }

    /** Cumulative re-estimation over fixed batches (the first ones of a dedicated shuffle). */
    void recalibrate(Supernet net) {
        if (recalibrationBatches <= 0) {
            return;
        }
        net.resetBatchNormStatistics();
        int[] order = data.epochOrder(-1);
        int batches = Math.min(recalibrationBatches, Math.max(1, order.length / batchSize));
        float[] images = new float[batchSize * pixelsPerImage()];
        long[] labels = new long[batchSize * data.labelsPerImage()];
        for (int b = 0; b < batches; b++) {
            int[] indices = slice(order, b * batchSize, batchSize);
            data.fillTrain(indices, -1, b, images, labels);
            try (NDScope scope = new NDScope()) {
                NDArray x = net.manager().create(images, new Shape(batchSize, data.channels(), data.height(),
                        data.width()));
                net.forward(x, BatchNormMode.recalibration(b + 1));
            }
        }
    }

    Result evaluate(Supernet net, Split split) {
        int size = split == Split.VALIDATION ? data.validationSize() : data.testSize();
        if (size == 0) {
            return new Result(Double.NaN, Double.NaN, null);
        }
        double lossSum = 0;
        long correct = 0;
        int perImage = data.labelsPerImage();
        SegmentationScores scores = perImage > 1 ? new SegmentationScores(data.classes()) : null;
        float[] images = new float[evalBatchSize * pixelsPerImage()];
        long[] labels = new long[evalBatchSize * data.labelsPerImage()];
        for (int start = 0; start < size; start += evalBatchSize) {
            int n = Math.min(evalBatchSize, size - start);
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                indices[i] = start + i;
            }
            if (split == Split.VALIDATION) {
                data.fillValidation(indices, images, labels);
            } else {
                data.fillTest(indices, images, labels);
            }
            try (NDScope scope = new NDScope()) {
                NDArray x = net.manager().create(java.nio.FloatBuffer.wrap(images, 0, n * pixelsPerImage()),
                        new Shape(n, data.channels(), data.height(), data.width()));
                NDArray y = net.manager().create(java.util.Arrays.copyOf(labels, n * data.labelsPerImage()));
                NDArray logits = net.forward(x, BatchNormMode.EVAL);
                lossSum += CrossEntropy.loss(logits, y, 0).getFloat() * n;
                correct += CrossEntropy.correct(logits, y);
                if (scores != null) {
                    scores.add(CrossEntropy.rows(logits).argMax(1).toLongArray(), labels, n * perImage);
                }
            }
        }
        return new Result(lossSum / size, (double) correct / ((long) size * perImage),
                scores == null ? null : SegmentationMetrics.of(scores));
    }

    private int pixelsPerImage() {
        return data.channels() * data.height() * data.width();
    }

    static int[] slice(int[] order, int from, int length) {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = order[(from + i) % order.length];
        }
        return out;
    }
}
