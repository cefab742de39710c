package org.supertickets.search;

import java.util.Map;
import org.supertickets.space.Architecture;

/**
 * What one architecture step decided.
 *
 * @param fire              whether the network is rebuilt now
 * @param keep              per block, per kernel size, the channel indices to keep (every block is listed when
 *                          {@code fire}: the official code rebuilds all blocks at a shrink)
 * @param after             the architecture after the rebuild (= before when not firing)
 * @param deadChannels      channels whose |gamma| fell to the threshold
 * @param targetChannels    extra channels removed to follow the MACs plan (our extension; 0 when off)
 * @param removedMacs       MACs the rebuild removes
 */
public record ShrinkPlan(
        boolean fire,
        Map<Integer, Map<Integer, int[]>> keep,
        Architecture after,
        int deadChannels,
        int targetChannels,
        long removedMacs) {
}
