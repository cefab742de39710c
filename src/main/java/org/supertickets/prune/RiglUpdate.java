package org.supertickets.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.supertickets.model.HostTensor;

/**
 * One RigL update of every layer (Evci et al. 2020; ours here): drop the {@code fraction} of the layer's live
 * weights with the smallest magnitude, then grow as many among the weights not live after the drop, those with
 * the largest magnitude of the dense gradient. Each layer keeps its count of live weights. A weight grown that was
 * not live before the update starts from zero (RigL's rule); one dropped and grown again keeps its value.
 */
public final class RiglUpdate {

    /**
     * What an update did.
     *
     * @param result the new masks and per-layer counts: {@code reactivated} = weights grown that were not live
     *               before, {@code newlyPruned} = weights live before and dropped; the threshold is the largest
     *               magnitude dropped
     * @param grown  by layer, the positions whose raw weight must be set to zero (grown, not live before)
     */
    public record Move(PruneResult result, Map<String, int[]> grown) {
    }

    private RiglUpdate() {
    }

    /**
     * @param weights   raw weights by layer
     * @param masks     current masks by layer (1 = live)
     * @param gradients gradient of the loss with respect to every weight as the forward pass uses it (dense: also
     *                  at masked positions), by layer
     * @param fraction  share of each layer's live weights to move, in [0, 1]
     */
    public static Move apply(Map<String, HostTensor> weights, Map<String, HostTensor> masks,
            Map<String, HostTensor> gradients, double fraction) {
        Map<String, HostTensor> newMasks = new LinkedHashMap<>();
        Map<String, int[]> grownFromZero = new LinkedHashMap<>();
        List<LayerPruneStats> perLayer = new ArrayList<>();
        double threshold = 0;
        for (Map.Entry<String, HostTensor> e : masks.entrySet()) {
            String layer = e.getKey();
            float[] mask = e.getValue().data();
            float[] w = weights.get(layer).data();
            float[] g = gradients.get(layer).data();
            int[] live = IntStream.range(0, mask.length).filter(i -> mask[i] != 0f).toArray();
            int k = (int) Math.min(Math.floor(fraction * live.length), mask.length - live.length);
            float[] next = mask.clone();
            int[] dropped = smallest(live, i -> Math.abs(w[i]), k);
            for (int i : dropped) {
                next[i] = 0f;
                threshold = Math.max(threshold, Math.abs(w[i]));
            }
            int[] candidates = IntStream.range(0, next.length).filter(i -> next[i] == 0f).toArray();
            int[] grown = smallest(candidates, i -> -Math.abs(g[i]), k);
            for (int i : grown) {
                next[i] = 1f;
            }
            int[] fresh = Arrays.stream(grown).filter(i -> mask[i] == 0f).toArray();
            long droppedForGood = Arrays.stream(dropped).filter(i -> next[i] == 0f).count();
            grownFromZero.put(layer, fresh);
            newMasks.put(layer, new HostTensor(next, e.getValue().shape().clone()));
            perLayer.add(new LayerPruneStats(layer, mask.length, live.length, fresh.length, droppedForGood));
        }
        return new Move(new PruneResult(newMasks, threshold, perLayer), grownFromZero);
    }

    /** The {@code k} positions of {@code among} with the smallest key (ties by position, so it is deterministic). */
    private static int[] smallest(int[] among, java.util.function.IntToDoubleFunction key, int k) {
        if (k <= 0) {
            return new int[0];
        }
        return Arrays.stream(among).boxed()
                .sorted(Comparator.<Integer>comparingDouble(key::applyAsDouble).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
