package org.supertickets.train;

import java.util.Map;
import org.supertickets.model.Supernet;
import org.supertickets.space.TrainingConfig;

/**
 * Updates a network's trained tensors from their gradients. Every optimiser completes the task gradient with the
 * two regularisers of the official loss (see {@link RegularizedOptimizer}) and keeps its state keyed by tensor
 * name, so that a shrink can slice it like the weights.
 */
public interface Optimizer {

    /**
     * Applies one update to every trained tensor of {@code net} and zeroes the gradients.
     *
     * @param l1Strength per BN-scale tensor name, {@code rho(t) * pen}; tensors not named get no L1
     * @return the global L2 norm of the task-loss gradients (before the regularisers), to catch explosions
     */
    double step(Supernet net, double learningRate, Map<String, Double> l1Strength);

    /** The state on the heap (checkpoints, shrinking). */
    OptimizerState state();

    /** Replaces the state (after a shrink or a resume); it is placed on {@code net}'s device. */
    void load(OptimizerState state, Supernet net);

    /** The optimiser a (resolved) training section names. */
    static Optimizer of(TrainingConfig t) {
        double momentum = t.momentum();
        double weightDecay = t.weightDecay();
        return switch (t.optimizer()) {
            case "sgd" -> new SgdOptimizer(momentum, weightDecay, Boolean.TRUE.equals(t.nesterov()));
            case "rmsprop" -> new RmsPropOptimizer(momentum, weightDecay, t.rmspropDecay(), t.optimizerEpsilon());
            case "adamw" -> new AdamWOptimizer(weightDecay, AdamWOptimizer.BETA1, AdamWOptimizer.BETA2,
                    t.optimizerEpsilon());
            default -> throw new IllegalStateException("unknown optimizer " + t.optimizer());
        };
    }
}
