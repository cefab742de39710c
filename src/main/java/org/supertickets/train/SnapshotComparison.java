package org.supertickets.train;

import java.util.Arrays;
import java.util.List;
import org.supertickets.prune.MaskChange;
import org.supertickets.prune.MaskCodec;

/**
 * A snapshot's masks against the ones before it, classified per weight as the trainer counts its events
 * ({@link MaskChange}), so the heatmap and the Inside histogram say the same numbers as the event panel:
 * <ul>
 *   <li>at a {@code shrink} snapshot, against the previous snapshot: weights <em>reset by the shrink</em>;</li>
 *   <li>at a {@code prune} snapshot, against the previous pruning event's snapshot (the trainer's reference) and
 *       the snapshot just before (the masks the prune found): newly pruned, back by re-ranking, and of the weights
 *       a shrink reset since, kept or pruned again.</li>
 * </ul>
 * A layer a shrink reshaped since the reference has no per-weight comparison here (snapshots do not say which
 * channels survived); the trainer slices its masks and still counts it, so the event's counts can be larger.
 *
 * @param current       the snapshot shown
 * @param previous      the snapshot just before it (null at the first)
 * @param previousPrune the latest {@code prune} snapshot before it (null when none: the trainer then counts
 *                      against the masks the prune found)
 */
public record SnapshotComparison(ConnectivitySnapshot current, ConnectivitySnapshot previous,
        ConnectivitySnapshot previousPrune) {

    /** The comparison of {@code snapshots.get(index)}; null when {@code index} is out of range. */
    public static SnapshotComparison at(List<ConnectivitySnapshot> snapshots, int index) {
        if (index < 0 || index >= snapshots.size()) {
            return null;
        }
        ConnectivitySnapshot previousPrune = null;
        for (int i = index - 1; i >= 0 && previousPrune == null; i--) {
            if ("prune".equals(snapshots.get(i).reason())) {
                previousPrune = snapshots.get(i);
            }
        }
        return new SnapshotComparison(snapshots.get(index), index > 0 ? snapshots.get(index - 1) : null,
                previousPrune);
    }

    /** True when the snapshot shown is a shrink's (its changes are resets), false for a pruning event's. */
    public boolean atShrink() {
        return "shrink".equals(current.reason());
    }

    /** True when a shrink lies between the previous pruning event and this one. */
    public boolean shrinkBetween() {
        return previous != null && previous != previousPrune && "shrink".equals(previous.reason());
    }

    /**
     * The change of every weight of {@code layer} (a layer of {@link #current}), in weight order; null when it
     * cannot be compared: no previous snapshot, not a shrink or pruning snapshot, or a shrink reshaped the layer
     * since the reference.
     */
    public MaskChange[] changes(LayerSnapshot layer) {
        int n = Math.toIntExact(layer.total());
        boolean[] before = mask(previous, layer);
        if (before == null) {
            return null;
        }
        boolean[] after = MaskCodec.decodeMask(layer.mask(), n);
        MaskChange[] out = new MaskChange[n];
        if (atShrink()) {
            for (int i = 0; i < n; i++) {
                out[i] = MaskChange.atShrink(before[i], after[i]);
            }
            return out;
        }
        if (!"prune".equals(current.reason())) {
            return null;
        }
        boolean[] reference = previousPrune == null || previousPrune == previous ? before : mask(previousPrune, layer);
        if (reference == null) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            out[i] = MaskChange.atPrune(reference[i], before[i], after[i]);
        }
        return out;
    }

    /** The mask of the same layer in {@code snapshot} when its shape is the same, else null. */
    private static boolean[] mask(ConnectivitySnapshot snapshot, LayerSnapshot layer) {
        if (snapshot == null) {
            return null;
        }
        for (LayerSnapshot l : snapshot.layers()) {
            if (l.name().equals(layer.name())) {
                return Arrays.equals(l.shape(), layer.shape())
                        ? MaskCodec.decodeMask(l.mask(), Math.toIntExact(layer.total())) : null;
            }
        }
        return null;
    }
}
