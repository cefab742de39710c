package org.supertickets.train;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
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
 * @param resetByBlock   the same count per block (by block index), only the blocks where it is above 0; empty when
 *                       masks were kept; null in run folders written before it was counted per block
 * @param sparsityAfter  the network's sparsity right after the shrink (a reset's fresh masks count as alive, so it
 *                       dips until the next prune); NaN in run folders written before it was recorded
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
        Long resetByShrink,
        Map<Integer, Long> resetByBlock,
        double sparsityAfter) implements TrainingEvent {

    public ShrinkEvent {
        resetByBlock = resetByBlock == null ? null : Collections.unmodifiableMap(new TreeMap<>(resetByBlock));
    }

    /** A shrink whose reset count is not known (as read from an older run folder). */
    public ShrinkEvent(long step, double epoch, int deadChannels, int targetChannels, long macsBefore,
            long macsAfter, boolean masksReset, Architecture architecture) {
        this(step, epoch, deadChannels, targetChannels, macsBefore, macsAfter, masksReset, architecture, null, null,
                Double.NaN);
    }

    /** A shrink whose resets are counted in all but not per block (as read from an older run folder). */
    public ShrinkEvent(long step, double epoch, int deadChannels, int targetChannels, long macsBefore,
            long macsAfter, boolean masksReset, Architecture architecture, Long resetByShrink) {
        this(step, epoch, deadChannels, targetChannels, macsBefore, macsAfter, masksReset, architecture,
                resetByShrink, null, Double.NaN);
    }
}
