package org.supertickets.space;

/**
 * How the supernet is trained.
 *
 * @param epochs          training epochs
 * @param batchSize       images per step
 * @param optimizer       {@code sgd} (with momentum)
 * @param learningRate    peak learning rate
 * @param momentum        SGD momentum
 * @param weightDecay     L2 on the raw conv/linear weights (0.5 wd sum w^2; BN excluded)
 * @param lrSchedule      {@code cosine} (after a linear warm-up), {@code constant}
 * @param lrWarmupEpochs  linear learning-rate warm-up
 * @param labelSmoothing  0 = off
 * @param evalBatchSize   images per evaluation batch
 * @param device          {@code auto} (GPU when DJL sees one), {@code cpu} or {@code gpu}
 */
public record TrainingConfig(
        Integer epochs,
        Integer batchSize,
        String optimizer,
        Double learningRate,
        Double momentum,
        Double weightDecay,
        String lrSchedule,
        Double lrWarmupEpochs,
        Double labelSmoothing,
        Integer evalBatchSize,
        String device) {

    /** The same training section with another number of epochs. */
    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(newEpochs, batchSize, optimizer, learningRate, momentum, weightDecay,
                lrSchedule, lrWarmupEpochs, labelSmoothing, evalBatchSize, device);
    }

    /** The same training section on another device. */
    public TrainingConfig withDevice(String newDevice) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, momentum, weightDecay,
                lrSchedule, lrWarmupEpochs, labelSmoothing, evalBatchSize, newDevice);
    }

    /** The same training section with another peak learning rate. */
    public TrainingConfig withLearningRate(double newRate) {
        return new TrainingConfig(epochs, batchSize, optimizer, newRate, momentum, weightDecay, lrSchedule,
                lrWarmupEpochs, labelSmoothing, evalBatchSize, device);
    }
}
