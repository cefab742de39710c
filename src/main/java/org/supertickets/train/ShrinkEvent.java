package org.supertickets.train;

import org.supertickets.space.Architecture;

/**
 * An architecture step rebuilt the network without its dead channels.
 *
 * @param step           steps done
 * @param epoch          epochs done
 * @param deadChannels   channels removed because |gamma| fell to the threshold
 * @param targetChannels extra channels removed to follow the MACs plan (OUR extension; 0 when off)
 * @param macsBefore     dense MACs before
 * @param macsAfter      dense MACs after
 * @param masksReset     true when rebuilt blocks got all-ones masks (shrink reactivation)
 * @param architecture   the architecture after the rebuild
 */
public record ShrinkEvent(
        long step,
        double epoch,
        int deadChannels,
        int targetChannels,
        long macsBefore,
        long macsAfter,
        boolean masksReset,
        Architecture architecture) implements TrainingEvent {
}
