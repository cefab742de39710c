package org.supertickets.prune;

import java.util.List;
import java.util.Map;
import org.supertickets.model.HostTensor;

/**
 * The outcome of one global pruning event.
 *
 * @param masks     the new mask of every prunable layer, by layer name (1 = alive, 0 = pruned)
 * @param threshold the largest pruned |w| (0 when nothing was pruned)
 * @param perLayer  per-layer counts, in layer order
 */
public record PruneResult(Map<String, HostTensor> masks, double threshold, List<LayerPruneStats> perLayer) {

    public long total() {
        return perLayer.stream().mapToLong(LayerPruneStats::total).sum();
    }

    public long kept() {
        return perLayer.stream().mapToLong(LayerPruneStats::kept).sum();
    }

    public long reactivated() {
        return perLayer.stream().mapToLong(LayerPruneStats::reactivated).sum();
    }

    public long newlyPruned() {
        return perLayer.stream().mapToLong(LayerPruneStats::newlyPruned).sum();
    }

    public long resetKept() {
        return perLayer.stream().mapToLong(LayerPruneStats::resetKept).sum();
    }

    public long resetPrunedAgain() {
        return perLayer.stream().mapToLong(LayerPruneStats::resetPrunedAgain).sum();
    }

    public double sparsity() {
        long total = total();
        return total == 0 ? 0 : 1.0 - (double) kept() / total;
    }
}
