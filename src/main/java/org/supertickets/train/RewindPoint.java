package org.supertickets.train;

import java.util.Map;
import org.supertickets.model.NetworkState;

/**
 * The network at one step of a run: where iterative magnitude pruning rewinds its weights to, and where the
 * next level's training starts (open_lth semantics: the schedule and data order carry on from {@code step}).
 *
 * @param step    steps trained before this state (0 = initialisation)
 * @param network weights, BN and masks at that step
 */
public record RewindPoint(long step, NetworkState network) {

    /** A start for a run at this point with fresh optimiser state and no compute spent yet. */
    public TrainerCheckpoint asStart(String configHash) {
        return new TrainerCheckpoint(step, 0, network, Map.of(), 0, 0, 0, 0, configHash, Map.of());
    }
}
