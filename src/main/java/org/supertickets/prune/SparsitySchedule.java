package org.supertickets.prune;

import org.supertickets.space.PruningConfig;

/**
 * The sparsity a pruning event aims for. {@code staircase} is the official schedule: the k-th event prunes
 * {@code min(k * increment, target)}, and the target is re-applied at every later event. {@code cubic} is
 * our option (Zhu and Gupta 2017): {@code target * (1 - (1 - t)^3)} with {@code t = epoch / cubicEndEpoch}
 * (capped at 1), so sparsity rises fast early and gently near the target. {@code at-start} and {@code rigl} (ours)
 * are at the target from the first event on, which happens before the first step.
 */
public final class SparsitySchedule {

    private final PruningConfig config;

    public SparsitySchedule(PruningConfig config) {
        this.config = config;
    }

    /** Sparsity of the {@code k}-th (1-based) event, which happens at {@code epoch}. */
    public double ratioAtEvent(int k, double epoch) {
        if (!config.enabled() || k < 1) {
            return 0;
        }
        double target = config.targetSparsity();
        if (startsAtTarget()) {
            return target;
        }
        if ("cubic".equals(config.schedule())) {
            double end = config.cubicEndEpoch();
            double t = end <= 0 ? 1 : Math.min(1, Math.max(0, epoch / end));
            return target * (1 - Math.pow(1 - t, 3));
        }
        return Math.min(k * config.increment(), target);
    }

    /**
     * The step of the first event whose sparsity reaches the target, for events every {@code pruneEvery} steps
     * (the k-th after step {@code k · pruneEvery}); -1 when pruning is off or no event before {@code totalSteps}
     * reaches it.
     */
    public long stepReachingTarget(long pruneEvery, int stepsPerEpoch, long totalSteps) {
        if (config.enabled() && startsAtTarget()) {
            return 0;
        }
        if (!config.enabled() || pruneEvery <= 0) {
            return -1;
        }
        for (int k = 1; (long) k * pruneEvery < totalSteps; k++) {
            long step = k * pruneEvery;
            if (ratioAtEvent(k, (double) step / stepsPerEpoch) >= config.targetSparsity() - 1e-9) {
                return step;
            }
        }
        return -1;
    }

    /** The planned sparsity at any (fractional) epoch: what the monitor draws before the run starts. */
    public double plannedAt(double epoch) {
        if (config.enabled() && startsAtTarget()) {
            return config.targetSparsity();
        }
        int k = (int) Math.floor(epoch / config.intervalEpochs() + 1e-9);
        return ratioAtEvent(k, k * config.intervalEpochs());
    }

    /** Whether the first event, before the first step, already prunes to the target (at-start, rigl). */
    public boolean startsAtTarget() {
        return config.startsAtTarget();
    }
}
