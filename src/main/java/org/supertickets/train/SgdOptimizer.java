package org.supertickets.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.model.HostTensor;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;

/**
 * SGD with momentum (PyTorch semantics: {@code v = mu v + g; w -= lr v}) where the gradient of each tensor is
 * completed by hand with the two regularisers of the official loss, which is cheaper than adding them to the
 * loss and gives the same gradient:
 * <ul>
 *   <li>L2 on the RAW conv/linear weights, pruned ones included: {@code g += wd w} (from {@code 0.5 wd w^2});</li>
 *   <li>the FLOPs-weighted L1 on the BN scales after depthwise convs: {@code g += rho pen sign(gamma)}.</li>
 * </ul>
 * The momentum buffers are keyed by tensor name, so a shrink can slice them like the weights.
 */
public final class SgdOptimizer {

    private final double momentum;
    private final double weightDecay;
    private final Map<String, NDArray> velocity = new LinkedHashMap<>();

    public SgdOptimizer(double momentum, double weightDecay) {
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    /**
     * Applies one update to every trained tensor of {@code net} and zeroes the gradients.
     *
     * @param l1Strength per BN-scale tensor name, {@code rho(t) * pen}; tensors not named get no L1
     * @return the global L2 norm of the task-loss gradients (before the regularisers), to catch explosions
     */
    public double step(Supernet net, double learningRate, Map<String, Double> l1Strength) {
        try (NDScope scope = new NDScope()) {
            NDList squaredNorms = new NDList();
            for (String name : net.trainableNames()) {
                NDArray weight = net.tensor(name);
                NDArray gradient = weight.getGradient();
                squaredNorms.add(gradient.square().sum());
                NDArray update = gradient.duplicate();
                if (weightDecay > 0 && name.endsWith(TensorNames.WEIGHT)) {
                    update.addi(weight.mul(weightDecay));
                }
                Double l1 = l1Strength.get(name);
                if (l1 != null && l1 > 0) {
                    update.addi(weight.sign().muli(l1));
                }
                NDArray v = velocity.get(name);
                if (v == null) {
                    v = update.duplicate();
                    NDScope.unregister(v); // lives as long as the optimiser, not the step
                    velocity.put(name, v);
                } else {
                    v.muli(momentum).addi(update);
                }
                weight.subi(v.mul(learningRate));
                gradient.subi(gradient); // zeroes the real gradient: the handle shares its storage
            }
            return Math.sqrt(NDArrays.stack(squaredNorms).sum().getFloat());
        }
    }

    /** Momentum buffers on the heap, for checkpoints and shrinking. */
    public Map<String, HostTensor> stateToHost() {
        Map<String, HostTensor> host = new LinkedHashMap<>();
        velocity.forEach((name, v) -> host.put(name, Supernet.toHost(v)));
        return host;
    }

    /** Replaces the momentum buffers (after a shrink or a resume); they are placed on {@code net}'s device. */
    public void loadState(Map<String, HostTensor> state, Supernet net) {
        velocity.clear();
        state.forEach((name, t) -> {
            NDArray v = net.manager().create(t.data(), new Shape(t.shape()));
            velocity.put(name, v);
        });
    }
}
