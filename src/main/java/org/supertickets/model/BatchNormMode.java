package org.supertickets.model;

/**
 * How batch normalisation behaves in a forward pass.
 *
 * @param training     true = normalise with batch statistics and update the running ones
 * @param keepFraction share of the old running statistics kept at each update (DJL's "momentum", the
 *                     complement of PyTorch's): 0.9 while training; (i-1)/i on the i-th batch of a BN
 *                     re-estimation, which makes the running statistics the plain average of those batches
 */
public record BatchNormMode(boolean training, float keepFraction) {

    /** Training with the default {@code network.bnMomentum} 0.1 (PyTorch's sense): keeps 0.9. */
    public static final BatchNormMode TRAIN = new BatchNormMode(true, 0.9f);
    public static final BatchNormMode EVAL = new BatchNormMode(false, 0.9f);
    /**
     * Normalise with the batch's statistics and keep the running ones as they are: a forward pass that must not
     * touch the network's statistics, nor trust them (e.g. right after new masks, before a re-estimation).
     */
    public static final BatchNormMode BATCH_STATISTICS_ONLY = new BatchNormMode(true, 1f);

    /**
     * Training whose running statistics take {@code momentum} of each batch's, PyTorch's sense ({@code
     * network.bnMomentum}; DJL's keep fraction is its complement).
     */
    public static BatchNormMode training(double momentum) {
        return new BatchNormMode(true, (float) (1 - momentum));
    }

    /** The mode for the {@code i}-th (1-based) batch of a BN re-estimation. */
    public static BatchNormMode recalibration(int i) {
        return new BatchNormMode(true, (i - 1) / (float) i);
    }
}
