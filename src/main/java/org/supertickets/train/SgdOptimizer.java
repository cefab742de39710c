package org.supertickets.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * SGD with momentum, PyTorch semantics: {@code v = mu v + g} ({@code v = g} at the first step), then
 * {@code w -= lr v}, or with Nesterov momentum {@code w -= lr (g + mu v)}. The gradient {@code g} includes the
 * official loss's regularisers ({@link RegularizedOptimizer}).
 */
public final class SgdOptimizer extends RegularizedOptimizer {

    private final double momentum;
    private final boolean nesterov;

    public SgdOptimizer(double momentum, double weightDecay) {
        this(momentum, weightDecay, false);
    }

    public SgdOptimizer(double momentum, double weightDecay, boolean nesterov) {
        super(weightDecay);
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(String name, NDArray weight, NDArray gradient, double learningRate) {
        NDArray v = first.get(name);
        if (v == null) {
            v = gradient.duplicate();
            NDScope.unregister(v); // lives as long as the optimiser, not the step
            first.put(name, v);
        } else {
            v.muli(momentum).addi(gradient);
        }
        if (nesterov) {
            weight.subi(gradient.add(v.mul(momentum)).muli(learningRate));
        } else {
            weight.subi(v.mul(learningRate));
        }
    }
}
