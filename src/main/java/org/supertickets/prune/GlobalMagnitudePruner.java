package org.supertickets.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.model.HostTensor;

/**
 * Unstructured pruning with ONE global magnitude threshold over all prunable weights of the current network
 * (not per layer), as the official code does. The new mask replaces the old one: weights are ranked by their
 * raw |w| whether they were pruned or not, so a pruned weight that grew back above the threshold is
 * reactivated ("re-ranking"). With re-ranking off, pruned weights stay pruned and only alive ones compete.
 *
 * <p>Exactly {@code round(ratio * total)} weights end up pruned; ties in |w| are broken by position, so the
 * result is deterministic.
 */
public final class GlobalMagnitudePruner {

    private GlobalMagnitudePruner() {
    }

    /**
     * @param weights  raw weights of every prunable layer, by layer name, in a stable order
     * @param oldMasks the masks the network holds now, by layer name (same shapes)
     * @param ratio    share of all weights to prune, in [0, 1)
     * @param rerank   true = pruned weights compete again (official); false = they stay pruned
     */
    public static PruneResult prune(Map<String, HostTensor> weights, Map<String, HostTensor> oldMasks, double ratio,
            boolean rerank) {
        return prune(weights, oldMasks, oldMasks, ratio, rerank);
    }

    /**
     * As {@link #prune(Map, Map, double, boolean)}, counting reactivated and newly pruned weights against
     * {@code referenceMasks} — the masks right after the previous event, carried through any shrink since — so
     * the counts say how the ticket's connectivity changed from one event to the next even when a shrink reset
     * the masks in between. Weights a reset had turned on ({@code oldMasks} alive, reference pruned) are counted
     * apart from those back by re-ranking ({@link MaskChange}).
     */
    public static PruneResult prune(Map<String, HostTensor> weights, Map<String, HostTensor> oldMasks,
            Map<String, HostTensor> referenceMasks, double ratio, boolean rerank) {
        return prune(weights, oldMasks, referenceMasks, ratio, rerank, 0);
    }

    /**
     * As {@link #prune(Map, Map, Map, double, boolean)}, with a floor (OURS, {@code pruning.minLayerDensity}): in
     * every layer the {@code ceil(minLayerDensity · size)} largest weights that may compete are never pruned, and
     * the event's whole budget is taken from the other weights, lowest first. With a floor of 0 the result is the
     * official global threshold exactly. The floor must not exceed {@code 1 - ratio} (the config validator checks
     * it); where it does, fewer than the budget are pruned.
     */
    public static PruneResult prune(Map<String, HostTensor> weights, Map<String, HostTensor> oldMasks,
            Map<String, HostTensor> referenceMasks, double ratio, boolean rerank, double minLayerDensity) {
        if (ratio < 0 || ratio >= 1) {
            throw new IllegalArgumentException("pruning ratio must be in [0, 1): " + ratio);
        }
        List<String> layers = new ArrayList<>(weights.keySet());
        int total = weights.values().stream().mapToInt(HostTensor::size).sum();
        int target = (int) Math.round(ratio * total);

        // Sort keys: |w| as int bits (non-negative floats sort like ints) in the high half, position low.
        long[] keys = new long[total];
        boolean[] forced = new boolean[total];
        int pos = 0;
        int alreadyPruned = 0;
        for (String layer : layers) {
            float[] w = weights.get(layer).data();
            float[] old = oldMasks.get(layer).data();
            for (int i = 0; i < w.length; i++) {
                keys[pos] = ((long) Float.floatToIntBits(Math.abs(w[i])) << 32) | pos;
                if (!rerank && old[i] == 0f) {
                    forced[pos] = true;
                    alreadyPruned++;
                }
                pos++;
            }
        }
        boolean[] pruned = forced.clone();
        boolean[] protectedByFloor = minLayerDensity > 0 ? largestOfEachLayer(weights, forced, minLayerDensity)
                : new boolean[total];
        int toPrune = Math.max(0, target - alreadyPruned);
        Arrays.sort(keys);
        double threshold = 0;
        for (int i = 0; i < keys.length && toPrune > 0; i++) {
            int index = (int) (keys[i] & 0xffffffffL);
            if (!pruned[index] && !protectedByFloor[index]) {
                pruned[index] = true;
                toPrune--;
                threshold = Float.intBitsToFloat((int) (keys[i] >>> 32));
            }
        }

        Map<String, HostTensor> masks = new LinkedHashMap<>();
        List<LayerPruneStats> stats = new ArrayList<>();
        pos = 0;
        for (String layer : layers) {
            HostTensor w = weights.get(layer);
            float[] old = referenceMasks.get(layer).data();
            float[] held = oldMasks.get(layer).data();
            float[] mask = new float[w.size()];
            long kept = 0;
            long[] changes = new long[MaskChange.values().length];
            for (int i = 0; i < mask.length; i++) {
                boolean alive = !pruned[pos++];
                mask[i] = alive ? 1f : 0f;
                if (alive) {
                    kept++;
                }
                changes[MaskChange.atPrune(old[i] != 0f, held[i] != 0f, alive).ordinal()]++;
            }
            masks.put(layer, new HostTensor(mask, w.shape()));
            long resetKept = changes[MaskChange.RESET_KEPT.ordinal()];
            stats.add(new LayerPruneStats(layer, mask.length, kept,
                    changes[MaskChange.BACK_BY_RERANKING.ordinal()] + resetKept,
                    changes[MaskChange.NEWLY_PRUNED.ordinal()], resetKept,
                    changes[MaskChange.RESET_PRUNED_AGAIN.ordinal()]));
        }
        return new PruneResult(masks, threshold, stats);
    }

    /**
     * Marks, layer by layer (positions in the order of {@code weights}), the {@code ceil(density · size)} largest
     * |w| among the weights that may compete (not {@code forced}); ties go to the earlier position, as in the
     * global ranking.
     */
    private static boolean[] largestOfEachLayer(Map<String, HostTensor> weights, boolean[] forced, double density) {
        boolean[] kept = new boolean[forced.length];
        int offset = 0;
        for (HostTensor layer : weights.values()) {
            float[] w = layer.data();
            int floor = (int) Math.ceil(density * w.length - 1e-9);
            long[] keys = new long[w.length];
            int candidates = 0;
            for (int i = 0; i < w.length; i++) {
                if (!forced[offset + i]) {
                    // largest |w| first: the bits inverted sort descending; the position breaks ties ascending
                    keys[candidates++] = ((long) ~Float.floatToIntBits(Math.abs(w[i])) << 32) | i;
                }
            }
            Arrays.sort(keys, 0, candidates);
            for (int k = 0; k < Math.min(floor, candidates); k++) {
                kept[offset + (int) (keys[k] & 0xffffffffL)] = true;
            }
            offset += w.length;
        }
        return kept;
    }
}
