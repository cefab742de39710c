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

    /**
     * Loss and accuracy (per pixel for segmentation), with the segmentation metrics (null for classification), or
     * for classification the confusion matrix and its most-confused pairs with their first images (null for
     * segmentation, whose per-class IoU is its own; null both when the split is empty).
     */
    record Result(double loss, double accuracy, SegmentationMetrics segmentation, ConfusionMatrix confusion,
            java.util.List<ConfusedPair> mostConfused) {

        static Result nothing() {
            return new Result(Double.NaN, Double.NaN, null, null, null);
        }
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
        CalibrationBatches.of(data, batchSize, recalibrationBatches).recalibrate(net);
    }

    Result evaluate(Supernet net, Split split) {
        int size = split == Split.VALIDATION ? data.validationSize() : data.testSize();
        if (size == 0) {
            return Result.nothing();
        }
        double lossSum = 0;
        long correct = 0;
        int perImage = data.labelsPerImage();
        SegmentationScores scores = perImage > 1 ? new SegmentationScores(data.classes()) : null;
        ConfusionTally tally = perImage == 1 ? new ConfusionTally(data.classes()) : null;
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
                // The arg-max once, counted here: what CrossEntropy.correct counts, and the matrix's entries.
                long[] predicted = CrossEntropy.rows(logits).argMax(1).toLongArray();
                correct += agreeing(predicted, labels, n * perImage);
                if (scores != null) {
                    scores.add(predicted, labels, n * perImage);
                } else {
                    tally.add(predicted, labels, n, start);
                }
            }
        }
        return new Result(lossSum / size, (double) correct / ((long) size * perImage),
                scores == null ? null : SegmentationMetrics.of(scores), tally == null ? null : tally.matrix(),
                tally == null ? null : tally.mostConfused());
    }

    /** How many of the first {@code n} predictions equal their labels. */
    private static long agreeing(long[] predicted, long[] labels, int n) {
        long same = 0;
        for (int i = 0; i < n; i++) {
            same += predicted[i] == labels[i] ? 1 : 0;
        }
        return same;
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
