package org.supertickets.prune;

/**
 * What one pruning event did to one layer, counted against the layer's mask right after the previous pruning
 * event (carried through every shrink since); the kinds are those of {@link MaskChange}.
 *
 * @param layer            layer name
 * @param total            prunable weights in the layer
 * @param kept             weights alive after the event
 * @param reactivated      weights pruned at the previous event and alive after this one, whatever brought them
 *                         back: {@code backByReranking() + resetKept}
 * @param newlyPruned      weights alive at the previous event and pruned by this one
 * @param resetKept        of {@code reactivated}, those a reset since the previous event (a shrink's fresh masks,
 *                         or {@code resetMaskAfterPrune}) had turned on and this event kept
 * @param resetPrunedAgain weights pruned at the previous event, turned on by a reset since, pruned again now
 */
public record LayerPruneStats(String layer, long total, long kept, long reactivated, long newlyPruned,
        long resetKept, long resetPrunedAgain) {

    /** Counts without the reset split (no reset happened since the previous event). */
    public LayerPruneStats(String layer, long total, long kept, long reactivated, long newlyPruned) {
        this(layer, total, kept, reactivated, newlyPruned, 0, 0);
    }

    /** Pruned at the previous event, masked until this one, alive after it. */
    public long backByReranking() {
        return reactivated - resetKept;
    }
}
