package org.supertickets.space;

/**
 * An exponential moving average of the weights, as the official code keeps one (after its TensorFlow original):
 * every trained tensor and every BN running statistic is averaged after each step, evaluation and the ticket use
 * the averaged copy, and a channel is removed only when its averaged |gamma| is dead too.
 *
 * @param enabled        false = no average (evaluate and gate on the weights being trained)
 * @param decay          the decay per step at {@code decayBaseBatch} images per step (official 0.9999)
 * @param decayBaseBatch the batch size {@code decay} is meant for; the decay per step is
 *                       {@code decay^(batchSize / decayBaseBatch)} so the average spans the same number of images
 *                       at any batch size (official 4096); 0 = use {@code decay} as it is
 * @param warmup         official: the decay at step n is {@code min(decay, (1 + n) / (10 + n))}, so the average
 *                       follows the fast-moving early weights instead of holding on to the initialisation
 */
public record EmaConfig(
        Boolean enabled,
        Double decay,
        Integer decayBaseBatch,
        Boolean warmup) {

    /** The same average switched on or off. */
    public EmaConfig withEnabled(boolean on) {
        return new EmaConfig(on, decay, decayBaseBatch, warmup);
    }
}
