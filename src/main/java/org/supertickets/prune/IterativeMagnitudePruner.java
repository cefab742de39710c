package org.supertickets.prune;

import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.space.LayerShape;

/**
 * One level of iterative magnitude pruning (lottery-ticket style): the smallest alive weights of a trained
 * network are pruned until {@code sparsity} of the prunable weights are; weights pruned at earlier levels stay
 * pruned (no re-ranking), so each level's mask is a subset of the previous one.
 */
public final class IterativeMagnitudePruner {

    private IterativeMagnitudePruner() {
    }

    /** The new masks by mask tensor name, for the prunable layers of {@code trained}. */
    public static Map<String, HostTensor> masks(NetworkState trained, double sparsity, PruneScope scope) {
        Map<String, HostTensor> weights = new LinkedHashMap<>();
        Map<String, HostTensor> masks = new LinkedHashMap<>();
        for (LayerShape layer : trained.architecture().layers()) {
            if (layer.prunable()) {
                weights.put(layer.name(), trained.tensor(TensorNames.weight(layer.name())));
                masks.put(layer.name(), trained.tensor(TensorNames.mask(layer.name())));
            }
        }
        Map<String, HostTensor> result = new LinkedHashMap<>();
        if (scope == PruneScope.GLOBAL) {
            GlobalMagnitudePruner.prune(weights, masks, sparsity, false).masks()
                    .forEach((layer, mask) -> result.put(TensorNames.mask(layer), mask));
        } else {
            for (String layer : weights.keySet()) {
                PruneResult one = GlobalMagnitudePruner.prune(Map.of(layer, weights.get(layer)),
                        Map.of(layer, masks.get(layer)), sparsity, false);
                result.put(TensorNames.mask(layer), one.masks().get(layer));
            }
        }
        return result;
    }
}
