package org.supertickets.train;

import ai.djl.ndarray.NDArray;

/**
 * The official code's RMSProp (its ImageNet optimiser), which follows TensorFlow in putting epsilon inside the
 * square root: {@code s = a s + (1 - a) g^2}, {@code b = mu b + g / sqrt(s + eps)}, {@code w -= lr b}; without
 * momentum {@code w -= lr g / sqrt(s + eps)}. Both buffers start at zero, as in the official PyTorch port.
 * The gradient {@code g} includes the official loss's regularisers ({@link RegularizedOptimizer}).
 */
public final class RmsPropOptimizer extends RegularizedOptimizer {

    private final double momentum;
    private final double decay;
    private final double epsilon;

    /**
     * @param decay   the squared-gradient average's decay {@code a} (official {@code alpha} 0.9)
     * @param epsilon added inside the square root (official 1e-3)
     */
    public RmsPropOptimizer(double momentum, double weightDecay, double decay, double epsilon) {
        super(weightDecay);
        this.momentum = momentum;
        this.decay = decay;
        this.epsilon = epsilon;
    }

    @Override
    protected void update(String name, NDArray weight, NDArray gradient, double learningRate) {
        NDArray squareAverage = zerosIfAbsent(second, name, weight);
        squareAverage.muli(decay).addi(gradient.square().muli(1 - decay));
        NDArray scaled = gradient.div(squareAverage.add(epsilon).sqrt());
        if (momentum > 0) {
            NDArray buffer = zerosIfAbsent(first, name, weight);
            buffer.muli(momentum).addi(scaled);
            weight.subi(buffer.mul(learningRate));
        } else {
            weight.subi(scaled.muli(learningRate));
        }
    }
}
