package org.supertickets.train;

import java.util.List;
import org.supertickets.prune.LayerPruneStats;

/**
 * A global magnitude pruning event. Its counts compare the new masks with the masks right after the previous
 * pruning event, carried through every shrink since; the kinds are those of {@link org.supertickets.prune.MaskChange}.
 *
 * @param step             steps done
 * @param epoch            epochs done
 * @param index            1-based event number
 * @param targetRatio      sparsity the schedule asked for
 * @param sparsity         sparsity reached
 * @param threshold        the global |w| threshold
 * @param reactivated      weights pruned at the previous event and alive after this one, whatever brought them back
 *                         (back by re-ranking + kept after a reset)
 * @param newlyPruned      weights alive at the previous event and pruned by this one
 * @param masksResetAfter  true when {@code resetMaskAfterPrune} put every mask back to ones after the event
 * @param layers           the same counts per layer
 * @param resetKept        of {@code reactivated}, the weights a reset since the previous event (a shrink's fresh
 *                         masks, or {@code resetMaskAfterPrune}) had turned on and this event kept; null in run
 *                         folders written before the kinds were told apart
 * @param resetPrunedAgain weights pruned at the previous event, turned on by a reset since and pruned again by this
 *                         one; null in those older folders
 */
public record PruneEvent(
        long step,
        double epoch,
        int index,
        double targetRatio,
        double sparsity,
        double threshold,
        long reactivated,
        long newlyPruned,
        boolean masksResetAfter,
        List<LayerPruneStats> layers,
        Long resetKept,
        Long resetPrunedAgain) implements TrainingEvent {

    /** An event whose counts are not told apart by kind (as read from an older run folder). */
    public PruneEvent(long step, double epoch, int index, double targetRatio, double sparsity, double threshold,
            long reactivated, long newlyPruned, boolean masksResetAfter, List<LayerPruneStats> layers) {
        this(step, epoch, index, targetRatio, sparsity, threshold, reactivated, newlyPruned, masksResetAfter, layers,
                null, null);
    }

    /** False for an event read from a run folder written before re-ranking and resets were counted apart. */
    public boolean kindsKnown() {
        return resetKept != null && resetPrunedAgain != null;
    }

    /** Pruned at the previous event, masked until this one, alive after it; {@link #reactivated} when unknown. */
    public long backByReranking() {
        return reactivated - (resetKept == null ? 0 : resetKept);
    }

    /** Weights a reset had turned on since the previous event (kept + pruned again); 0 when unknown. */
    public long resetSincePrevious() {
        return kindsKnown() ? resetKept + resetPrunedAgain : 0;
    }

    /**
     * The counts in one line, the wording run.log, the terminal and {@code info} share: "7 newly pruned, 0 back
     * by re-ranking, 319 reset since (12 kept, 307 pruned again)"; the reset part only when a reset happened.
     */
    public String countsText() {
        if (!kindsKnown()) {
            return String.format(java.util.Locale.ROOT, "%d newly pruned, %d back (re-ranking and resets not told "
                    + "apart in this run folder)", newlyPruned, reactivated);
        }
        String text = String.format(java.util.Locale.ROOT, "%d newly pruned, %d back by re-ranking", newlyPruned,
                backByReranking());
        return resetSincePrevious() == 0 ? text : text + String.format(java.util.Locale.ROOT,
                ", %d reset since (%d kept, %d pruned again)", resetSincePrevious(), resetKept, resetPrunedAgain);
    }
}
