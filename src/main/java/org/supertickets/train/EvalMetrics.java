package org.supertickets.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An evaluation on the validation set (after BN re-estimation), with the state of the network then. A run that
 * holds out no validation split is evaluated on the test set instead, as the official code does; {@code heldOut}
 * says which, so its curves are labelled as test-set curves (the test set then steers nothing but the curves).
 *
 * @param step              steps done
 * @param epoch             epochs done
 * @param validationLoss    mean cross-entropy (on the set {@code heldOut} names)
 * @param validationAccuracy accuracy
 * @param sparsity          share of prunable weights masked (official: over the current network)
 * @param plannedSparsity   what the schedule planned for now
 * @param macs              dense MACs of the current (shrunk) network
 * @param sparseMacs        official sparse MACs: dense MACs x kept fraction
 * @param exactSparseMacs   ours: MACs of the surviving weights, layer by layer (+ the dense classifier)
 * @param params            dense parameters of the current network
 * @param keptParams        parameters alive under the masks
 * @param hiddenChannels    hidden channels left in all blocks
 * @param liveBranches      branches left
 * @param liveBlocks        blocks whose body is left
 * @param heldOut           {@code validation} or {@code test}: the set measured (null in logs written before
 *                          test-set curves existed = validation)
 * @param segmentation      mean and per-class IoU of a segmentation run (its accuracy is the pixel accuracy); null
 *                          for classification, and then left out of the log
 * @param confusionMatrix   a classification run's predictions on the set {@code heldOut} names, true class x
 *                          predicted class; null for segmentation and in logs written before it was recorded, and
 *                          then left out of the log
 * @param mostConfused      the fullest off-diagonal cells of {@code confusionMatrix}, most first (at most five), each
 *                          with its first images as indices into the split {@code heldOut} names; null where
 *                          {@code confusionMatrix} is, and in logs written before they were recorded per evaluation
 */
public record EvalMetrics(
        long step,
        double epoch,
        double validationLoss,
        double validationAccuracy,
        double sparsity,
        double plannedSparsity,
        long macs,
        long sparseMacs,
        long exactSparseMacs,
        long params,
        long keptParams,
        int hiddenChannels,
        int liveBranches,
        int liveBlocks,
        String heldOut,
        @JsonInclude(JsonInclude.Include.NON_NULL) SegmentationMetrics segmentation,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConfusionMatrix confusionMatrix,
        @JsonInclude(JsonInclude.Include.NON_NULL) java.util.List<ConfusedPair> mostConfused) implements TrainingEvent {

    public EvalMetrics {
        mostConfused = mostConfused == null ? null : java.util.List.copyOf(mostConfused);
    }

    public static final String VALIDATION = "validation";
    public static final String TEST = "test";

    /** An evaluation on the validation set. */
    public EvalMetrics(long step, double epoch, double validationLoss, double validationAccuracy, double sparsity,
            double plannedSparsity, long macs, long sparseMacs, long exactSparseMacs, long params, long keptParams,
            int hiddenChannels, int liveBranches, int liveBlocks) {
        this(step, epoch, validationLoss, validationAccuracy, sparsity, plannedSparsity, macs, sparseMacs,
                exactSparseMacs, params, keptParams, hiddenChannels, liveBranches, liveBlocks, VALIDATION, null, null,
                null);
    }

    /** An evaluation of a classification run on the set {@code heldOut} names. */
    public EvalMetrics(long step, double epoch, double validationLoss, double validationAccuracy, double sparsity,
            double plannedSparsity, long macs, long sparseMacs, long exactSparseMacs, long params, long keptParams,
            int hiddenChannels, int liveBranches, int liveBlocks, String heldOut) {
        this(step, epoch, validationLoss, validationAccuracy, sparsity, plannedSparsity, macs, sparseMacs,
                exactSparseMacs, params, keptParams, hiddenChannels, liveBranches, liveBlocks, heldOut, null, null,
                null);
    }

    /** An evaluation with its segmentation metrics (null for classification) and no confusion matrix. */
    public EvalMetrics(long step, double epoch, double validationLoss, double validationAccuracy, double sparsity,
            double plannedSparsity, long macs, long sparseMacs, long exactSparseMacs, long params, long keptParams,
            int hiddenChannels, int liveBranches, int liveBlocks, String heldOut, SegmentationMetrics segmentation) {
        this(step, epoch, validationLoss, validationAccuracy, sparsity, plannedSparsity, macs, sparseMacs,
                exactSparseMacs, params, keptParams, hiddenChannels, liveBranches, liveBlocks, heldOut, segmentation,
                null, null);
    }

    /** An evaluation with its confusion matrix and no most-confused pairs (as logs before them recorded it). */
    public EvalMetrics(long step, double epoch, double validationLoss, double validationAccuracy, double sparsity,
            double plannedSparsity, long macs, long sparseMacs, long exactSparseMacs, long params, long keptParams,
            int hiddenChannels, int liveBranches, int liveBlocks, String heldOut, SegmentationMetrics segmentation,
            ConfusionMatrix confusionMatrix) {
        this(step, epoch, validationLoss, validationAccuracy, sparsity, plannedSparsity, macs, sparseMacs,
                exactSparseMacs, params, keptParams, hiddenChannels, liveBranches, liveBlocks, heldOut, segmentation,
                confusionMatrix, null);
    }

    /** Whether this evaluation measured the test set (no validation split was held out). */
    public boolean onTestSet() {
        return TEST.equals(heldOut);
    }
}
