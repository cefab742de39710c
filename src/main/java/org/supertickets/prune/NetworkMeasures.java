package org.supertickets.prune;

import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.LayerShape;

/**
 * Size and cost of a network with its masks, in the official conventions (see docs/metrics.md).
 *
 * @param prunableWeights  weights covered by pruning in the current network
 * @param keptWeights      those alive under the masks
 * @param macs             dense MACs of the current (shrunk) network
 * @param sparseMacs       official: dense MACs x kept fraction of prunable weights
 * @param exactSparseMacs  ours: per layer, alive weights x output positions, plus the dense classifier
 * @param params           dense parameters (conv + linear weights + classifier bias)
 * @param keptParams       parameters alive under the masks
 * @param hiddenChannels   hidden channels left in all blocks
 * @param liveBranches     branches left
 * @param liveBlocks       blocks whose body is left
 */
public record NetworkMeasures(
        long prunableWeights,
        long keptWeights,
        long macs,
        long sparseMacs,
        long exactSparseMacs,
        long params,
        long keptParams,
        int hiddenChannels,
        int liveBranches,
        int liveBlocks) {

    public static NetworkMeasures of(NetworkState state) {
        Architecture arch = state.architecture();
        long prunable = 0;
        long kept = 0;
        long exactMacs = 0;
        long params = arch.params();
        long prunedWeights = 0;
        for (LayerShape layer : arch.layers()) {
            if (!layer.prunable()) {
                exactMacs += layer.macs();
                continue;
            }
            HostTensor mask = state.tensor(TensorNames.mask(layer.name()));
            long alive = countNonZero(mask.data());
            prunable += mask.size();
            kept += alive;
            prunedWeights += mask.size() - alive;
            exactMacs += layer.sparseMacs(alive);
        }
        long macs = arch.macs();
        long sparseMacs = prunable == 0 ? macs : Math.round((double) macs * kept / prunable);
        int hidden = 0;
        int branches = 0;
        int blocks = 0;
        for (BlockState block : arch.blocks()) {
            hidden += block.hiddenChannels();
            branches += (int) block.branches().stream().filter(b -> !b.removed()).count();
            blocks += block.bodyRemoved() ? 0 : 1;
        }
        return new NetworkMeasures(prunable, kept, macs, sparseMacs, exactMacs, params, params - prunedWeights,
                hidden, branches, blocks);
    }

    /** Share of prunable weights masked. */
    public double sparsity() {
        return prunableWeights == 0 ? 0 : 1.0 - (double) keptWeights / prunableWeights;
    }

    static long countNonZero(float[] values) {
        long n = 0;
        for (float v : values) {
            if (v != 0f) {
                n++;
            }
        }
        return n;
    }
}
