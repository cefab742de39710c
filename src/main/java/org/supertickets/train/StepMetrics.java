package org.supertickets.train;

/**
 * Training progress averaged over the steps since the previous report.
 *
 * @param step            steps done
 * @param epoch           epochs done
 * @param trainLoss       mean task loss (cross-entropy) over the window
 * @param trainAccuracy   mean accuracy over the window
 * @param learningRate    learning rate of the last step
 * @param rho             penalty strength of the last step
 * @param gradientNorm    L2 norm of the task gradients of the last step
 * @param imagesPerSecond training throughput over the window
 */
public record StepMetrics(
        long step,
        double epoch,
        double trainLoss,
        double trainAccuracy,
        double learningRate,
        double rho,
        double gradientNorm,
        double imagesPerSecond) implements TrainingEvent {
}
