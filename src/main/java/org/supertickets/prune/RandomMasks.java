package org.supertickets.prune;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.space.LayerShape;

/**
 * The random-pruning control: masks that keep exactly as many weights in every layer as the given network's
 * masks do, at random positions. If a ticket's accuracy comes from where its surviving weights are, these
 * masks should do worse.
 */
public final class RandomMasks {

    private RandomMasks() {
    }

    /** New masks by mask tensor name with the same per-layer alive counts as {@code network}'s, drawn from seed. */
    public static Map<String, HostTensor> samePerLayerSparsity(NetworkState network, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, HostTensor> result = new LinkedHashMap<>();
        for (LayerShape layer : network.architecture().layers()) {
            if (!layer.prunable()) {
                continue;
            }
            String name = TensorNames.mask(layer.name());
            HostTensor mask = network.tensor(name);
            int alive = 0;
            for (float m : mask.data()) {
                alive += m != 0f ? 1 : 0;
            }
            result.put(name, new HostTensor(randomSubset(mask.size(), alive, random), mask.shape().clone()));
        }
        return result;
    }

    /**
     * New masks by mask tensor name keeping {@code densities.get(layer)} of each named prunable layer's weights (the
     * nearest whole count) at random positions, drawn from seed: RigL's starting topology.
     */
    public static Map<String, HostTensor> withDensities(NetworkState network, Map<String, Double> densities,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, HostTensor> result = new LinkedHashMap<>();
        for (LayerShape layer : network.architecture().layers()) {
            Double density = densities.get(layer.name());
            if (!layer.prunable() || density == null) {
                continue;
            }
            String name = TensorNames.mask(layer.name());
            HostTensor mask = network.tensor(name);
            int alive = (int) Math.round(density * mask.size());
            result.put(name, new HostTensor(randomSubset(mask.size(), alive, random), mask.shape().clone()));
        }
        return result;
    }

    /** Ones at {@code alive} positions chosen uniformly (a partial Fisher-Yates shuffle), zeros elsewhere. */
    private static float[] randomSubset(int size, int alive, SplittableRandom random) {
        int[] positions = new int[size];
        for (int i = 0; i < size; i++) {
            positions[i] = i;
        }
        float[] mask = new float[size];
        for (int i = 0; i < alive; i++) {
            int j = i + random.nextInt(size - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
            mask[positions[i]] = 1f;
        }
        return mask;
    }
}
