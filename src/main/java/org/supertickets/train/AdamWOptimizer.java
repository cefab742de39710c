package org.supertickets.train;

import ai.djl.ndarray.NDArray;

/**
 * The official code's AdamW with its defaults ({@code betas} 0.9, 0.999): {@code m = b1 m + (1 - b1) g},
 * {@code v = b2 v + (1 - b2) g^2}, {@code w -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}. The
 * official runs give it no decoupled weight decay (their L2 is part of the loss), so none is applied here; the
 * gradient {@code g} includes the official loss's regularisers ({@link RegularizedOptimizer}).
 */
public final class AdamWOptimizer extends RegularizedOptimizer {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public AdamWOptimizer(double weightDecay, double beta1, double beta2, double epsilon) {
        super(weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected void update(String name, NDArray weight, NDArray gradient, double learningRate) {
        NDArray m = zerosIfAbsent(first, name, weight);
        NDArray v = zerosIfAbsent(second, name, weight);
        m.muli(beta1).addi(gradient.mul(1 - beta1));
        v.muli(beta2).addi(gradient.square().muli(1 - beta2));
        double correction1 = 1 - Math.pow(beta1, updates);
        double correction2 = 1 - Math.pow(beta2, updates);
        NDArray denominator = v.sqrt().divi(Math.sqrt(correction2)).addi(epsilon);
        weight.subi(m.div(denominator).muli(learningRate / correction1));
    }
}
