package org.supertickets.space;

/**
 * Architecture search: an L1 penalty on the BN scale after every depthwise conv, weighted by each channel's
 * MAC cost, ramped up over a warm-up; at every evaluation interval, channels whose |gamma| fell under the
 * threshold are physically removed (and empty branches and blocks with them).
 *
 * @param enabled             false = no penalty and no shrinking (a pruning-only run)
 * @param rho                 strength of the penalty (the search knob; official ImageNet value 1.8e-4)
 * @param rhoWarmupEpochs     epochs over which rho rises linearly from 0
 * @param gammaThreshold      |gamma| at or under which a channel is dead (official 1e-3)
 * @param minShrinkMacs       shrink only when the dead channels' MACs exceed this (always at the last epoch)
 * @param evalIntervalEpochs  epochs between architecture steps (BN re-estimation, evaluation, shrink)
 * @param bnRecalibrationBatches training batches used to re-estimate BN statistics before each evaluation
 * @param macsTarget          OUR EXTENSION, not in the official code: 0 = off (rho alone decides); otherwise
 *                            the MACs the searched network should end at, followed along a linear plan by
 *                            also removing the channels with the lowest |gamma| per MAC at each shrink
 * @param macsTargetEndEpoch  OUR EXTENSION: epoch by which {@code macsTarget} should be reached
 */
public record SearchConfig(
        Boolean enabled,
        Double rho,
        Double rhoWarmupEpochs,
        Double gammaThreshold,
        Long minShrinkMacs,
        Double evalIntervalEpochs,
        Integer bnRecalibrationBatches,
        Long macsTarget,
        Double macsTargetEndEpoch) {
}
