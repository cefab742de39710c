package org.supertickets.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * Physically removes hidden channels from searchable blocks: the rows of the shared expand conv and its BN,
 * the depthwise filters and their BN, the columns of the projection. A branch left without channels is
 * dropped; a block left without branches keeps only its skip path. Block output widths never change.
 *
 * <p>The same surgery is applied to any other per-tensor state keyed by tensor name (the optimiser's
 * momentum buffers), so that state keeps matching the weights it belongs to.
 */
public final class ChannelSurgery {

    private final NetworkState before;
    private final Map<Integer, Map<Integer, int[]>> keep;

    /**
     * @param before the network to shrink
     * @param keep   for each block index to rebuild: for each kernel size, the indices (into the branch's
     *               current channels, ascending) of the channels to keep; blocks not named are unchanged
     */
    public ChannelSurgery(NetworkState before, Map<Integer, Map<Integer, int[]>> keep) {
        this.before = before;
        this.keep = keep;
    }

    /** The architecture after the surgery. */
    public Architecture architectureAfter() {
        return architectureAfter(before.architecture(), keep);
    }

    /** The architecture that {@code keep} (same meaning as in the constructor) leaves of {@code current}. */
    public static Architecture architectureAfter(Architecture current, Map<Integer, Map<Integer, int[]>> keep) {
        List<BlockState> blocks = new ArrayList<>();
        for (BlockState block : current.blocks()) {
            Map<Integer, int[]> plan = keep.get(block.index());
            if (plan == null) {
                blocks.add(block);
                continue;
            }
            List<BranchState> branches = new ArrayList<>();
            for (BranchState branch : block.branches()) {
                int[] kept = plan.get(branch.kernelSize());
                branches.add(kept == null || branch.removed() ? branch : branch.withHiddenChannels(kept.length));
            }
            blocks.add(block.withBranches(branches));
        }
        return current.withBlocks(blocks);
    }

    /**
     * The network after the surgery.
     *
     * @param resetMasks true = masks of every rebuilt block become all ones (shrink reactivation, the official
     *                   default); false = surviving weights keep their mask entries ({@code reuseMask})
     */
    public NetworkState apply(boolean resetMasks) {
        Map<String, HostTensor> tensors = sliceAll(before.tensors(), (name, t) -> resetMasks && name.endsWith(
                TensorNames.MASK) ? HostTensor.filled(t.shape(), 1f) : t);
        Map<String, int[]> origins = new LinkedHashMap<>();
        for (BlockState block : before.architecture().blocks()) {
            for (BranchState branch : block.branches()) {
                String name = TensorNames.depthwise(block, branch);
                int[] old = before.channelOrigins().get(name);
                if (old == null) {
                    continue;
                }
                int[] kept = keptIndices(block, branch);
                if (kept == null) {
                    origins.put(name, old);
                } else if (kept.length > 0) {
                    origins.put(name, Arrays.stream(kept).map(i -> old[i]).toArray());
                }
            }
        }
        return new NetworkState(architectureAfter(), tensors, origins);
    }

    /** Applies the same slicing to per-tensor state keyed by tensor name (e.g. momentum buffers). */
    public Map<String, HostTensor> sliceState(Map<String, HostTensor> state) {
        return sliceAll(state, (name, t) -> t);
    }

    private Map<String, HostTensor> sliceAll(Map<String, HostTensor> source,
            BiFunction<String, HostTensor, HostTensor> rebuiltBlockTransform) {
        Map<String, HostTensor> out = new LinkedHashMap<>(source);
        for (BlockState block : before.architecture().blocks()) {
            if (!keep.containsKey(block.index())) {
                continue;
            }
            int[] hidden = keptHiddenIndices(block);
            boolean bodyGone = hidden.length == 0;
            sliceOrDrop(out, TensorNames.weight(TensorNames.expand(block)), 0, hidden, bodyGone);
            sliceOrDrop(out, TensorNames.mask(TensorNames.expand(block)), 0, hidden, bodyGone);
            sliceBatchNorm(out, TensorNames.expandBn(block), hidden, bodyGone);
            for (BranchState branch : block.branches()) {
                int[] kept = keptIndices(block, branch);
                if (kept == null || branch.removed()) {
                    continue;
                }
                boolean gone = kept.length == 0;
                sliceOrDrop(out, TensorNames.weight(TensorNames.depthwise(block, branch)), 0, kept, gone);
                sliceOrDrop(out, TensorNames.mask(TensorNames.depthwise(block, branch)), 0, kept, gone);
                sliceBatchNorm(out, TensorNames.depthwiseBn(block, branch), kept, gone);
            }
            sliceOrDrop(out, TensorNames.weight(TensorNames.project(block)), 1, hidden, bodyGone);
            sliceOrDrop(out, TensorNames.mask(TensorNames.project(block)), 1, hidden, bodyGone);
            if (bodyGone) {
                for (String suffix : batchNormSuffixes()) {
                    out.remove(TensorNames.outBn(block) + suffix);
                }
            }
            String prefix = block.prefix() + ".";
            out.replaceAll((name, t) -> name.startsWith(prefix) ? rebuiltBlockTransform.apply(name, t) : t);
        }
        return out;
    }

    private int[] keptIndices(BlockState block, BranchState branch) {
        Map<Integer, int[]> plan = keep.get(block.index());
        return plan == null ? null : plan.get(branch.kernelSize());
    }

    /** Kept indices into the block's concatenated hidden channels (live branches in config order). */
    private int[] keptHiddenIndices(BlockState block) {
        List<Integer> result = new ArrayList<>();
        int offset = 0;
        for (BranchState branch : block.branches()) {
            if (branch.removed()) {
                continue;
            }
            int[] kept = keptIndices(block, branch);
            if (kept == null) {
                for (int i = 0; i < branch.hiddenChannels(); i++) {
                    result.add(offset + i);
                }
            } else {
                for (int i : kept) {
                    result.add(offset + i);
                }
            }
            offset += branch.hiddenChannels();
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void sliceBatchNorm(Map<String, HostTensor> out, String bn, int[] kept, boolean drop) {
        for (String suffix : batchNormSuffixes()) {
            sliceOrDrop(out, bn + suffix, 0, kept, drop);
        }
    }

    private static List<String> batchNormSuffixes() {
        return List.of(TensorNames.GAMMA, TensorNames.BETA, TensorNames.RUNNING_MEAN, TensorNames.RUNNING_VAR);
    }

    private static void sliceOrDrop(Map<String, HostTensor> out, String name, int axis, int[] kept, boolean drop) {
        HostTensor t = out.get(name);
        if (t == null) {
            return;
        }
        if (drop) {
            out.remove(name);
        } else {
            out.put(name, t.select(axis, kept));
        }
    }
}
