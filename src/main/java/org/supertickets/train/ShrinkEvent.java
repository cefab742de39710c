package org.supertickets.train;

import org.supertickets.space.Architecture;

/**
 * An architecture step rebuilt the network without its dead channels.
 *
 * @param step           steps done
 * @param epoch          epochs done
 * @param deadChannels   channels removed because |gamma| fell to the threshold
 * @param targetChannels extra channels removed to follow the MACs target (OUR extension; 0 when off)
 * @param macsBefore     dense MACs before
 * @param macsAfter      dense MACs after
 * @param masksReset     true when rebuilt blocks got all-ones masks (shrink reactivation)
 * @param architecture   the architecture after the rebuild
 * @param resetByShrink  masked weights the fresh masks turned on ("reset by a shrink"), counted against the masks
 *                       just before the shrink sliced to the surviving channels; 0 when masks were kept; null in run
 *                       folders written before it was counted
 */
public record ShrinkEvent(
        long step,
        double epoch,
        int deadChannels,
        int targetChannels,
        long macsBefore,
        long macsAfter,
        boolean masksReset,
        Architecture architecture,
        Long resetByShrink) implements TrainingEvent {

    /** A shrink whose reset count is not known (as read from an older run folder). */
    public ShrinkEvent(long step, double epoch, int deadChannels, int targetChannels, long macsBefore,
            long macsAfter, boolean masksReset, Architecture architecture) {
        this(step, epoch, deadChannels, targetChannels, macsBefore, macsAfter, masksReset, architecture, null);
    }
}
