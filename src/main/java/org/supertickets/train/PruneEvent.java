package org.supertickets.train;

import java.util.List;
import org.supertickets.prune.LayerPruneStats;

/**
 * A global magnitude pruning event.
 *
 * @param step         steps done
 * @param epoch        epochs done
 * @param index        1-based event number
 * @param targetRatio  sparsity the schedule asked for
 * @param sparsity     sparsity reached
 * @param threshold    the global |w| threshold
 * @param reactivated  weights pruned before and alive after (pruned to alive)
 * @param newlyPruned  weights alive before and pruned after (alive to pruned)
 * @param masksResetAfter true when {@code resetMaskAfterPrune} put every mask back to ones after the event
 * @param layers       the same counts per layer
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
        List<LayerPruneStats> layers) implements TrainingEvent {
}
