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
 * The part every optimiser shares: the gradient of each tensor is completed by hand with the two regularisers of
 * the official loss, which is cheaper than adding them to the loss and gives the same gradient:
 * <ul>
 *   <li>L2 on the RAW conv/linear weights, pruned ones included: {@code g += wd w} (from {@code 0.5 wd w^2});</li>
 *   <li>the FLOPs-weighted L1 on the BN scales after depthwise convs: {@code g += rho pen sign(gamma)}.</li>
 * </ul>
 * Subclasses turn the completed gradient into an update and keep up to two state slots per tensor name.
 */
abstract class RegularizedOptimizer implements Optimizer {

    private final double weightDecay;
    /** First state slot by tensor name; arrays live as long as the optimiser, not the step. */
    protected final Map<String, NDArray> first = new LinkedHashMap<>();
    /** Second state slot by tensor name. */
    protected final Map<String, NDArray> second = new LinkedHashMap<>();
    /** Steps taken, counting this one while {@link #update} runs. */
    protected long updates;

    RegularizedOptimizer(double weightDecay) {
        this.weightDecay = weightDecay;
    }

    @Override
    public final double step(Supernet net, double learningRate, Map<String, Double> l1Strength) {
        updates++;
        try (NDScope scope = new NDScope()) {
            NDList squaredNorms = new NDList();
            for (String name : net.trainableNames()) {
                NDArray weight = net.tensor(name);
                NDArray gradient = weight.getGradient();
                squaredNorms.add(gradient.square().sum());
                NDArray completed = gradient.duplicate();
                if (weightDecay > 0 && name.endsWith(TensorNames.WEIGHT)) {
                    completed.addi(weight.mul(weightDecay));
                }
                Double l1 = l1Strength.get(name);
                if (l1 != null && l1 > 0) {
                    completed.addi(weight.sign().muli(l1));
                }
                update(name, weight, completed, learningRate);
                gradient.subi(gradient); // zeroes the real gradient: the handle shares its storage
            }
            return Math.sqrt(NDArrays.stack(squaredNorms).sum().getFloat());
        }
    }

    /** Applies the update of one tensor in place, given its completed gradient. */
    protected abstract void update(String name, NDArray weight, NDArray gradient, double learningRate);

    /** The slot's buffer for {@code name}, created as zeros shaped like {@code like} on first use. */
    protected static NDArray zerosIfAbsent(Map<String, NDArray> slot, String name, NDArray like) {
        NDArray buffer = slot.get(name);
        if (buffer == null) {
            buffer = like.zerosLike();
            NDScope.unregister(buffer); // lives as long as the optimiser, not the step
            slot.put(name, buffer);
        }
        return buffer;
    }

    @Override
    public final OptimizerState state() {
        return new OptimizerState(toHost(first), toHost(second), updates);
    }

    @Override
    public final void load(OptimizerState state, Supernet net) {
        fromHost(state.first(), first, net);
        fromHost(state.second(), second, net);
        updates = state.updates();
    }

    private static Map<String, HostTensor> toHost(Map<String, NDArray> slot) {
        Map<String, HostTensor> host = new LinkedHashMap<>();
        slot.forEach((name, v) -> host.put(name, Supernet.toHost(v)));
        return host;
    }

    private static void fromHost(Map<String, HostTensor> host, Map<String, NDArray> slot, Supernet net) {
        slot.clear();
        host.forEach((name, t) -> slot.put(name, net.manager().create(t.data(), new Shape(t.shape()))));
    }
}
