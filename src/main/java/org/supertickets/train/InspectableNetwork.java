package org.supertickets.train;

import org.supertickets.model.NetworkState;

/**
 * A copy of a run's network while the run waits (paused) or after it finished, with the probe batch a what-if
 * measures on. It is a copy: whatever a reader does with it never reaches the run, its checkpoints or its ticket.
 *
 * @param step     steps done
 * @param epoch    epochs done
 * @param network  the network then (after the last finished run: the ticket, BN statistics re-estimated)
 * @param probe    fixed images to measure what-ifs on
 * @param finished true when the run has completed
 */
public record InspectableNetwork(long step, double epoch, NetworkState network, ProbeBatch probe, boolean finished) {
}
