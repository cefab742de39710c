package org.supertickets.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.GlobalMagnitudePruner;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.LayerShape;

/**
 * What a teacher switched off by hand, as a value: hidden channels (by their supernet index, so they keep their
 * identity across shrinks), whole branches, whole block bodies, and optionally one global magnitude sparsity.
 * {@link #applyTo} builds a new network from a copy and never changes the one it is given.
 *
 * @param channelsOff    channels cut away, as "block/kernel/supernet channel"
 * @param branchesOff    branches cut away, as "block/kernel"
 * @param blocksOff      blocks whose body is cut away (only the skip path is left)
 * @param globalSparsity NaN = the run's masks as they are; else one magnitude threshold over all prunable weights
 *                       that prunes this share (pruned weights compete again, as the run's re-ranking does)
 */
public record WhatIf(Set<String> channelsOff, Set<String> branchesOff, Set<Integer> blocksOff,
        double globalSparsity) {

    /** Nothing switched off: the network as the run left it. */
    public static final WhatIf NONE = new WhatIf(Set.of(), Set.of(), Set.of(), Double.NaN);

    public WhatIf {
        channelsOff = Set.copyOf(new TreeSet<>(channelsOff));
        branchesOff = Set.copyOf(new TreeSet<>(branchesOff));
        blocksOff = Set.copyOf(new TreeSet<>(blocksOff));
        if (!Double.isNaN(globalSparsity) && (globalSparsity < 0 || globalSparsity >= 1)) {
            throw new IllegalArgumentException("globalSparsity must be in [0, 1) or NaN: " + globalSparsity);
        }
    }

    public static String channel(int block, int kernel, int supernetChannel) {
        return block + "/" + kernel + "/" + supernetChannel;
    }

    public static String branch(int block, int kernel) {
        return block + "/" + kernel;
    }

    public WhatIf withChannelOff(int block, int kernel, int supernetChannel) {
        Set<String> more = new TreeSet<>(channelsOff);
        more.add(channel(block, kernel, supernetChannel));
        return new WhatIf(more, branchesOff, blocksOff, globalSparsity);
    }

    public WhatIf withBranchOff(int block, int kernel) {
        Set<String> more = new TreeSet<>(branchesOff);
        more.add(branch(block, kernel));
        return new WhatIf(channelsOff, more, blocksOff, globalSparsity);
    }

    public WhatIf withBlockOff(int block) {
        Set<Integer> more = new TreeSet<>(blocksOff);
        more.add(block);
        return new WhatIf(channelsOff, branchesOff, more, globalSparsity);
    }

    public WhatIf withGlobalSparsity(double sparsity) {
        return new WhatIf(channelsOff, branchesOff, blocksOff, sparsity);
    }

    public boolean isNone() {
        return channelsOff.isEmpty() && branchesOff.isEmpty() && blocksOff.isEmpty() && Double.isNaN(globalSparsity);
    }

    /**
     * A new network with the switched-off parts cut away exactly as the search cuts them (the same surgery), and
     * the masks of the global sparsity; the run's masks otherwise. {@code network} is not changed.
     */
    public NetworkState applyTo(NetworkState network) {
        Objects.requireNonNull(network);
        Map<Integer, Map<Integer, int[]>> keep = new LinkedHashMap<>();
        for (BlockState block : network.architecture().blocks()) {
            Map<Integer, int[]> plan = new LinkedHashMap<>();
            boolean changed = false;
            for (BranchState branch : block.branches()) {
                if (branch.removed()) {
                    continue;
                }
                int[] origins = network.channelOrigins().get(TensorNames.depthwise(block, branch));
                boolean wholeOff = blocksOff.contains(block.index())
                        || branchesOff.contains(branch(block.index(), branch.kernelSize()));
                int[] kept = java.util.stream.IntStream.range(0, branch.hiddenChannels())
                        .filter(i -> !wholeOff && !channelsOff.contains(channel(block.index(), branch.kernelSize(),
                                origins == null ? i : origins[i])))
                        .toArray();
                changed |= kept.length != branch.hiddenChannels();
                plan.put(branch.kernelSize(), kept);
            }
            if (changed) {
                keep.put(block.index(), plan);
            }
        }
        NetworkState cut = keep.isEmpty() ? network : new ChannelSurgery(network, keep).apply(false);
        if (Double.isNaN(globalSparsity)) {
            return cut;
        }
        Map<String, HostTensor> weights = new LinkedHashMap<>();
        Map<String, HostTensor> masks = new LinkedHashMap<>();
        for (LayerShape layer : cut.architecture().layers()) {
            if (layer.prunable()) {
                HostTensor w = cut.tensor(TensorNames.weight(layer.name()));
                weights.put(layer.name(), w);
                HostTensor m = cut.tensors().get(TensorNames.mask(layer.name()));
                masks.put(layer.name(), m == null ? HostTensor.filled(w.shape(), 1f) : m);
            }
        }
        Map<String, HostTensor> newMasks = new LinkedHashMap<>();
        GlobalMagnitudePruner.prune(weights, masks, globalSparsity, true).masks()
                .forEach((layer, mask) -> newMasks.put(TensorNames.mask(layer), mask));
        return cut.withTensors(newMasks);
    }
}
