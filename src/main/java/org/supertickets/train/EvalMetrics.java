package org.supertickets.train;

/**
 * An evaluation on the validation set (after BN re-estimation), with the state of the network then.
 *
 * @param step              steps done
 * @param epoch             epochs done
 * @param validationLoss    mean cross-entropy
 * @param validationAccuracy accuracy
 * @param sparsity          share of prunable weights masked (official: over the current network)
 * @param plannedSparsity   what the schedule planned for now
 * @param macs              dense MACs of the current (shrunk) network
 * @param sparseMacs        official sparse MACs: dense MACs x kept fraction
 * @param exactSparseMacs   ours: MACs of the surviving weights, layer by layer (+ the dense classifier)
 * @param params            dense parameters of the current network
 * @param keptParams        parameters alive under the masks
 * @param hiddenChannels    hidden channels left in all blocks
 * @param liveBranches      branches left
 * @param liveBlocks        blocks whose body is left
 */
public record EvalMetrics(
        long step,
        double epoch,
        double validationLoss,
        double validationAccuracy,
        double sparsity,
        double plannedSparsity,
        long macs,
        long sparseMacs,
        long exactSparseMacs,
        long params,
        long keptParams,
        int hiddenChannels,
        int liveBranches,
        int liveBlocks) implements TrainingEvent {
}
