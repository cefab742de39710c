package org.supertickets.ui.teaching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.prune.MaskCodec;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;

/**
 * One block at channel level (the design's level 2) at one snapshot: every hidden channel of the supernet's
 * block, alive with its |γ| or cut, and — for the surviving ones — which 1×1 weights of the expand conv (input →
 * hidden) and of the projection (hidden → output) are alive under the masks.
 *
 * @param block       the block index
 * @param inChannels  input channels of the block
 * @param outChannels output channels
 * @param branches    one per supernet branch, in config order
 * @param expand      alive expand weights as {input, hidden slot} pairs; hidden slots number all branches' channels
 *                    in order (see {@link #slot})
 * @param project     alive projection weights as {hidden slot, output} pairs
 * @param expandTotal expand weights of the block now (alive or not)
 * @param projectTotal projection weights of the block now
 */
public record ChannelFrame(int block, int inChannels, int outChannels, List<Branch> branches, List<int[]> expand,
        List<int[]> project, long expandTotal, long projectTotal) {

    /**
     * @param kernel   kernel size
     * @param gammas   |γ| per supernet channel; NaN where the channel is cut
     * @param removed  the whole branch is gone
     */
    public record Branch(int kernel, float[] gammas, boolean removed) {

        public int alive() {
            int n = 0;
            for (float g : gammas) {
                n += Float.isNaN(g) ? 0 : 1;
            }
            return n;
        }
    }

    /** The hidden slot (0-based over all supernet channels of the block, branches in order) of a channel. */
    public int slot(int branchIndex, int supernetChannel) {
        int offset = 0;
        for (int b = 0; b < branchIndex; b++) {
            offset += branches.get(b).gammas().length;
        }
        return offset + supernetChannel;
    }

    public int slots() {
        return branches.stream().mapToInt(b -> b.gammas().length).sum();
    }

    /** The block as the snapshot has it; with no snapshot, the untrained supernet's block (γ = 1, all alive). */
    public static ChannelFrame of(Architecture supernet, int blockIndex, ConnectivitySnapshot snapshot) {
        BlockState full = supernet.blocks().get(blockIndex);
        Map<String, LayerSnapshot> layers = new HashMap<>();
        if (snapshot != null) {
            snapshot.layers().forEach(l -> layers.put(l.name(), l));
        }
        BlockState now = snapshot == null ? full : snapshot.architecture().blocks().stream()
                .filter(b -> b.index() == blockIndex).findFirst().orElse(full);
        List<Branch> branches = new ArrayList<>();
        // rowSlots[r]: the hidden slot of row r of the block's merged expand conv (= column r of the projection).
        List<Integer> rowSlots = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < full.branches().size(); i++) {
            BranchState supernetBranch = full.branches().get(i);
            float[] gammas = new float[supernetBranch.maxChannels()];
            java.util.Arrays.fill(gammas, snapshot == null ? 1f : Float.NaN);
            BranchState current = now.branches().get(i);
            LayerSnapshot dw = layers.get(Architecture.depthwiseName(now, current));
            if (snapshot == null) {
                for (int c = 0; c < gammas.length; c++) {
                    rowSlots.add(offset + c);
                }
            } else if (!current.removed() && dw != null && dw.importance() != null) {
                int[] origins = dw.channelOrigins();
                for (int c = 0; c < dw.importance().length; c++) {
                    int origin = origins == null ? c : origins[c];
                    gammas[origin] = dw.importance()[c];
                    rowSlots.add(offset + origin);
                }
            }
            branches.add(new Branch(supernetBranch.kernelSize(), gammas, snapshot != null && current.removed()));
            offset += gammas.length;
        }
        List<int[]> expand = new ArrayList<>();
        List<int[]> project = new ArrayList<>();
        long expandTotal = 0;
        long projectTotal = 0;
        LayerSnapshot e = layers.get(full.prefix() + ".expand");
        if (e != null && e.shape()[0] == rowSlots.size()) {
            boolean[] mask = MaskCodec.decodeMask(e.mask(), (int) e.total());
            int in = (int) e.shape()[1];
            for (int r = 0; r < rowSlots.size(); r++) {
                for (int i = 0; i < in; i++) {
                    if (mask[r * in + i]) {
                        expand.add(new int[] {i, rowSlots.get(r)});
                    }
                }
            }
            expandTotal = e.total();
        }
        LayerSnapshot p = layers.get(full.prefix() + ".project");
        if (p != null && p.shape()[1] == rowSlots.size()) {
            boolean[] mask = MaskCodec.decodeMask(p.mask(), (int) p.total());
            int hidden = (int) p.shape()[1];
            for (int o = 0; o < p.shape()[0]; o++) {
                for (int r = 0; r < hidden; r++) {
                    if (mask[o * hidden + r]) {
                        project.add(new int[] {rowSlots.get(r), o});
                    }
                }
            }
            projectTotal = p.total();
        }
        return new ChannelFrame(blockIndex, full.inChannels(), full.outChannels(), List.copyOf(branches),
                List.copyOf(expand), List.copyOf(project), expandTotal, projectTotal);
    }
}
