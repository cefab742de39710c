package org.supertickets.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.space.EmaConfig;

/**
 * The official code's exponential moving average of the weights (its port of TensorFlow's): every trained tensor
 * and every BN running statistic of the network, averaged after each step as
 * {@code a = d a + (1 - d) x} with {@code d = min(decay, (1 + n) / (10 + n))} at global step {@code n} when the
 * warm-up is on. The average starts as a copy of the network (no zero debiasing). Masks are not averaged: the
 * averaged copy is evaluated with the masks of the network being trained.
 *
 * <p>Keyed by tensor name, so a shrink slices it like the weights and the optimiser state.
 */
public final class WeightAverage {

    private final double decay;
    private final boolean warmup;
    private final Map<String, NDArray> average = new LinkedHashMap<>();

    /**
     * @param decay  the decay per step (already adjusted to the batch size, see {@link #decayPerStep})
     * @param warmup the official warm-up of the decay
     */
    public WeightAverage(double decay, boolean warmup) {
        this.decay = decay;
        this.warmup = warmup;
    }

    /** The average a (resolved) config asks for at {@code batchSize} images per step. */
    public static WeightAverage of(EmaConfig config, int batchSize) {
        return new WeightAverage(decayPerStep(config.decay(), config.decayBaseBatch(), batchSize), config.warmup());
    }

    /**
     * The official adjustment: {@code decay^(batchSize / baseBatch)}, so that at a smaller batch (more steps per
     * epoch) the average still spans the same number of images; {@code baseBatch <= 0} = no adjustment.
     */
    public static double decayPerStep(double decay, int baseBatch, int batchSize) {
        return baseBatch <= 0 ? decay : Math.pow(decay, (double) batchSize / baseBatch);
    }

    /** The decay used by the update at global step {@code n} (counted after the step, from 1). */
    public double decayAt(long n) {
        return warmup ? Math.min(decay, (1.0 + n) / (10.0 + n)) : decay;
    }

    /** Whether a tensor of that name is averaged: trained tensors and BN running statistics. */
    public static boolean isAveraged(String name) {
        return Supernet.isTrainable(name) || name.endsWith(TensorNames.RUNNING_MEAN)
                || name.endsWith(TensorNames.RUNNING_VAR);
    }

    /** The averaged arrays by tensor name, live (an update changes them in place; a shrink replaces them). */
    public Map<String, NDArray> arrays() {
        return java.util.Collections.unmodifiableMap(average);
    }

    /** Starts the average as a copy of {@code net}. */
    public void register(Supernet net) {
        load(averagedPart(net.toHost()), net);
    }

    /** Folds the network's current values in, after global step {@code n}. */
    public void update(Supernet net, long n) {
        double d = decayAt(n);
        for (Map.Entry<String, NDArray> e : average.entrySet()) {
            NDArray x = net.tensor(e.getKey());
            try (NDArray scaled = x.mul(1 - d)) {
                e.getValue().muli(d).addi(scaled);
            }
        }
    }

    /** The averaged value of one tensor, on the heap. */
    public HostTensor averaged(String name) {
        NDArray a = average.get(name);
        if (a == null) {
            throw new IllegalStateException("no average of " + name);
        }
        return Supernet.toHost(a);
    }

    /** The network with its averaged tensors replaced by their averages (masks and architecture as given). */
    public NetworkState applyTo(NetworkState network) {
        return network.withTensors(toHost());
    }

    /** The average on the heap, by tensor name (checkpoints, shrinking). */
    public Map<String, HostTensor> toHost() {
        Map<String, HostTensor> host = new LinkedHashMap<>();
        average.forEach((name, a) -> host.put(name, Supernet.toHost(a)));
        return host;
    }

    /** Replaces the average (after a shrink or a resume); it is placed on {@code net}'s device. */
    public void load(Map<String, HostTensor> state, Supernet net) {
        // The old arrays belong to the old network's manager and are freed with it.
        average.clear();
        state.forEach((name, t) -> average.put(name, net.manager().create(t.data(), new Shape(t.shape()))));
    }

    /** Only the tensors an average keeps. */
    static Map<String, HostTensor> averagedPart(NetworkState network) {
        Map<String, HostTensor> part = new LinkedHashMap<>();
        network.tensors().forEach((name, t) -> {
            if (isAveraged(name)) {
                part.put(name, t);
            }
        });
        return part;
    }
}
