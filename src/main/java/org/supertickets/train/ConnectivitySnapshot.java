package org.supertickets.train;

import java.util.List;
import org.supertickets.space.Architecture;

/**
 * The connectivity of the network at one moment: its architecture and, per weight layer, what is alive.
 * Taken at the start, after every shrink and every pruning event, and at the end; the graph view replays them.
 *
 * @param step         steps done
 * @param epoch        epochs done
 * @param reason       {@code start}, {@code shrink}, {@code prune} or {@code end}
 * @param architecture the architecture then
 * @param layers       every weight layer, in forward order
 */
public record ConnectivitySnapshot(
        long step,
        double epoch,
        String reason,
        Architecture architecture,
        List<LayerSnapshot> layers) implements TrainingEvent {
}
