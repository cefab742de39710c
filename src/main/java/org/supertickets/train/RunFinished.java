package org.supertickets.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The run ended.
 *
 * @param step            steps done
 * @param epoch           epochs done
 * @param outcome         how it ended
 * @param message         a readable sentence (the error, for a failed run)
 * @param testAccuracy    the ticket's test accuracy (after BN re-estimation); NaN when not evaluated
 * @param testLoss        its test loss; NaN when not evaluated
 * @param validationAccuracy the ticket's validation accuracy; NaN when not evaluated
 * @param sparsity        the ticket's weight sparsity
 * @param macs            the ticket's dense MACs (shrunk network)
 * @param sparseMacs      official sparse MACs of the ticket
 * @param params          the ticket's dense parameters
 * @param wallSeconds     wall time of the whole run: every segment of a stopped and resumed run, up to the
 *                        checkpoint the next one resumed from, and this last one
 * @param trainingMacs    MACs spent on training so far (forward x 3 per image, of the network active then)
 * @param testSegmentation the ticket's test mIoU and per-class IoU (segmentation; its accuracy is per pixel); null
 *                        for classification or when not evaluated, and then left out of the log
 * @param testConfusionMatrix the ticket's predictions on the test set, true class x predicted class
 *                        (classification); null for segmentation, when not evaluated, and in logs written before it
 *                        was recorded, and then left out of the log
 * @param mostConfused    the fullest off-diagonal cells of {@code testConfusionMatrix}, most first (at most five),
 *                        each with its first test images; null when the matrix is
 */
public record RunFinished(
        long step,
        double epoch,
        Outcome outcome,
        String message,
        double testAccuracy,
        double testLoss,
        double validationAccuracy,
        double sparsity,
        long macs,
        long sparseMacs,
        long params,
        double wallSeconds,
        double trainingMacs,
        @JsonInclude(JsonInclude.Include.NON_NULL) SegmentationMetrics testSegmentation,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConfusionMatrix testConfusionMatrix,
        @JsonInclude(JsonInclude.Include.NON_NULL) java.util.List<ConfusedPair> mostConfused)
        implements TrainingEvent {

    public RunFinished {
        mostConfused = mostConfused == null ? null : java.util.List.copyOf(mostConfused);
    }

    /** A run that measured no segmentation metrics (classification, or not evaluated). */
    public RunFinished(long step, double epoch, Outcome outcome, String message, double testAccuracy, double testLoss,
            double validationAccuracy, double sparsity, long macs, long sparseMacs, long params, double wallSeconds,
            double trainingMacs) {
        this(step, epoch, outcome, message, testAccuracy, testLoss, validationAccuracy, sparsity, macs, sparseMacs,
                params, wallSeconds, trainingMacs, null, null, null);
    }

    /** A run with its segmentation metrics (null for classification) and no confusion matrix. */
    public RunFinished(long step, double epoch, Outcome outcome, String message, double testAccuracy, double testLoss,
            double validationAccuracy, double sparsity, long macs, long sparseMacs, long params, double wallSeconds,
            double trainingMacs, SegmentationMetrics testSegmentation) {
        this(step, epoch, outcome, message, testAccuracy, testLoss, validationAccuracy, sparsity, macs, sparseMacs,
                params, wallSeconds, trainingMacs, testSegmentation, null, null);
    }

    /** An accuracy for logs: "0.8123", or "not evaluated" for the NaN of a cancelled or failed run. */
    public static String accuracyText(double accuracy) {
        return Double.isNaN(accuracy) ? "not evaluated" : String.format(java.util.Locale.ROOT, "%.4f", accuracy);
    }

    /** How a run ended. */
    public enum Outcome {
        COMPLETED,
        CANCELLED,
        FAILED
    }
}
