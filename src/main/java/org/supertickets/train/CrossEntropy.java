package org.supertickets.train;

import ai.djl.ndarray.NDArray;

/** Softmax cross-entropy with optional label smoothing (mean over the batch). */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /**
     * @param logits    {@code [N, K]}, or {@code [N, K, H, W]} for segmentation (then the loss is the mean over every
     *                  pixel: per-pixel cross-entropy)
     * @param labels    {@code [N]} int64 class indices, or {@code [N * H * W]} (row-major per image)
     * @param smoothing 0 = plain cross-entropy; e = target (1-e) on the label and e/K spread over all classes
     */
    public static NDArray loss(NDArray logits, NDArray labels, double smoothing) {
        logits = rows(logits);
        int classes = (int) logits.getShape().get(1);
        NDArray target = labels.oneHot(classes);
        if (smoothing > 0) {
            target = target.mul(1 - smoothing).add(smoothing / classes);
        }
        return softTargets(logits, target);
    }

    /**
     * Cross-entropy against a distribution instead of a label: {@code -sum_k p_k log softmax(logits)_k}, mean over
     * the batch. Against a teacher's softmax this is the KL divergence to it plus the teacher's entropy, which has
     * no gradient, so it distils the same.
     *
     * @param probabilities {@code [N, K]}, each row summing to 1
     */
    public static NDArray softTargets(NDArray logits, NDArray probabilities) {
        return logits.logSoftmax(1).mul(probabilities).sum(new int[] {1}).neg().mean();
    }

    /** Number of rows (images, or pixels) whose arg-max equals the label. */
    public static long correct(NDArray logits, NDArray labels) {
        return rows(logits).argMax(1).eq(labels).sum().getLong();
    }

    /**
     * Per-pixel logits {@code [N, K, H, W]} as rows {@code [N * H * W, K]} in the labels' order (image, row,
     * column); classification logits unchanged.
     */
    public static NDArray rows(NDArray logits) {
        if (logits.getShape().dimension() != 4) {
            return logits;
        }
        return logits.transpose(0, 2, 3, 1).reshape(-1, logits.getShape().get(1));
    }
}
