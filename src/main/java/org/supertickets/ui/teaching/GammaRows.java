package org.supertickets.ui.teaching;

import java.util.ArrayList;
import java.util.List;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.LayerKind;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;

/**
 * The |γ| of every hidden channel, one row per branch of the supernet, at one snapshot: what the L1 penalty
 * pushes toward the cut-off. A branch's cut channels are counted, not drawn (they are gone).
 *
 * @param rows      one per supernet branch, blocks in order
 * @param threshold the cut-off |γ| of the run's config
 */
public record GammaRows(List<Row> rows, double threshold) {

    /**
     * @param block   block index
     * @param kernel  kernel size of the branch
     * @param gammas  |γ| of each surviving channel (empty when the branch is removed)
     * @param origins the supernet index of each surviving channel
     * @param cut     channels the search has cut from this branch so far
     */
    public record Row(int block, int kernel, float[] gammas, int[] origins, int cut) {

        public String label() {
            return "block " + block + " · " + kernel + "×" + kernel;
        }

        public boolean removed() {
            return gammas.length == 0;
        }

        /** Channels at or under the cut-off now: the next architecture step cuts them. */
        public int atOrUnder(double threshold) {
            int n = 0;
            for (float g : gammas) {
                n += g <= threshold ? 1 : 0;
            }
            return n;
        }
    }

    /** The rows of a snapshot; every branch of the supernet has one, removed ones with no channels. */
    public static GammaRows of(Architecture supernet, ConnectivitySnapshot snapshot, double threshold) {
        List<Row> rows = new ArrayList<>();
        for (BlockState block : supernet.blocks()) {
            for (BranchState branch : block.branches()) {
                String name = Architecture.depthwiseName(block, branch);
                LayerSnapshot layer = snapshot == null ? null : snapshot.layers().stream()
                        .filter(l -> l.kind() == LayerKind.DEPTHWISE && l.name().equals(name)).findFirst()
                        .orElse(null);
                if (layer == null || layer.importance() == null) {
                    rows.add(new Row(block.index(), branch.kernelSize(), new float[0], new int[0],
                            snapshot == null ? 0 : branch.maxChannels()));
                } else {
                    int[] origins = layer.channelOrigins() != null ? layer.channelOrigins()
                            : java.util.stream.IntStream.range(0, layer.importance().length).toArray();
                    rows.add(new Row(block.index(), branch.kernelSize(), layer.importance(), origins,
                            branch.maxChannels() - layer.importance().length));
                }
            }
        }
        return new GammaRows(List.copyOf(rows), threshold);
    }
}
