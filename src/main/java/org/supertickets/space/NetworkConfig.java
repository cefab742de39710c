package org.supertickets.space;

/**
 * How the layers of the supernet compute and start: the skip path of a non-identity block, the batch
 * normalisation settings and the weight initialisation. Each default is the official code's value; the
 * workbench's values from before these settings existed (ours) are one edit away (docs/method.md), and a run folder
 * or ticket written before them reads as it ran ({@link ConfigIo#asRecorded}).
 *
 * @param skipPath       {@code dense} (ours: dense 1x1 conv + BN) or {@code grouped} (official: 1x1 conv with
 *                       {@code groups = gcd(in, out)}, no BN)
 * @param bnEpsilon      the epsilon of every BN, {@code (x - mean) / sqrt(var + eps)} (ours 1e-5, official 1e-3)
 * @param bnMomentum     the share of a training batch's statistics in the running ones, PyTorch's sense (ours 0.1,
 *                       official 0.01); BN re-estimation always takes the plain average of its batches
 * @param initialization {@code mobilenetv2} (ours: Kaiming normal fan-out with the grouped fan-out, classifier
 *                       N(0, 0.01)) or {@code mnas} (the official {@code reset_param_method: mnas})
 */
public record NetworkConfig(
        String skipPath,
        Double bnEpsilon,
        Double bnMomentum,
        String initialization) {
}
