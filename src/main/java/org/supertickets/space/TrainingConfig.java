package org.supertickets.space;

/**
 * How the supernet is trained.
 *
 * @param epochs          training epochs
 * @param batchSize       images per step
 * @param optimizer       {@code sgd} (with momentum), {@code rmsprop} (the official ImageNet optimiser, TensorFlow
 *                        style: epsilon inside the square root) or {@code adamw} (official; its decoupled decay is
 *                        0, as in the official runs, since the L2 is part of the loss)
 * @param learningRate    peak learning rate
 * @param momentum        SGD and RMSProp momentum
 * @param weightDecay     L2 on the raw conv/linear weights (0.5 wd sum w^2; BN excluded)
 * @param lrSchedule      {@code cosine} (after a linear warm-up), {@code constant}
 * @param lrWarmupEpochs  linear learning-rate warm-up
 * @param labelSmoothing  0 = off
 * @param evalBatchSize   images per evaluation batch
 * @param device          {@code auto} (GPU when DJL sees one), {@code cpu} or {@code gpu}
 * @param nesterov        SGD only: Nesterov momentum (PyTorch semantics)
 * @param rmspropDecay    RMSProp's decay of the squared-gradient average (official {@code alpha} 0.9)
 * @param optimizerEpsilon RMSProp's and AdamW's epsilon (official 1e-3; inside the square root for RMSProp)
 * @param ema             the moving average of the weights
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
        String device,
        Boolean nesterov,
        Double rmspropDecay,
        Double optimizerEpsilon,
        EmaConfig ema) {

    /** A training section of the fields every config had before the official recipe's optimisers and average. */
    public TrainingConfig(Integer epochs, Integer batchSize, String optimizer, Double learningRate, Double momentum,
            Double weightDecay, String lrSchedule, Double lrWarmupEpochs, Double labelSmoothing,
            Integer evalBatchSize, String device) {
        this(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, lrSchedule, lrWarmupEpochs,
                labelSmoothing, evalBatchSize, device, null, null, null, null);
    }

    /** The same training section with another number of epochs. */
    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(newEpochs, batchSize, optimizer, learningRate, momentum, weightDecay,
                lrSchedule, lrWarmupEpochs, labelSmoothing, evalBatchSize, device, nesterov, rmspropDecay,
                optimizerEpsilon, ema);
    }

    /** The same training section on another device. */
    public TrainingConfig withDevice(String newDevice) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, momentum, weightDecay,
                lrSchedule, lrWarmupEpochs, labelSmoothing, evalBatchSize, newDevice, nesterov, rmspropDecay,
                optimizerEpsilon, ema);
    }

    /** The same training section with another peak learning rate. */
    public TrainingConfig withLearningRate(double newRate) {
        return new TrainingConfig(epochs, batchSize, optimizer, newRate, momentum, weightDecay, lrSchedule,
                lrWarmupEpochs, labelSmoothing, evalBatchSize, device, nesterov, rmspropDecay, optimizerEpsilon,
                ema);
    }

    /** The same training section with another moving average of the weights. */
    public TrainingConfig withEma(EmaConfig newEma) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, lrSchedule,
                lrWarmupEpochs, labelSmoothing, evalBatchSize, device, nesterov, rmspropDecay, optimizerEpsilon,
                newEma);
    }

    /** The same training section with another optimiser. */
    public TrainingConfig withOptimizer(String newOptimizer, boolean newNesterov) {
        return new TrainingConfig(epochs, batchSize, newOptimizer, learningRate, momentum, weightDecay, lrSchedule,
                lrWarmupEpochs, labelSmoothing, evalBatchSize, device, newNesterov, rmspropDecay, optimizerEpsilon,
                ema);
    }
}
