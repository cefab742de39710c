package org.supertickets.space;

import static org.supertickets.space.ValidationFindings.EPS;
import static org.supertickets.space.ValidationFindings.fmt;

/**
 * The validator's checks of the {@code pruning} section: criterion, target, cadence and schedule, the layer floor
 * and distillation at the target, and a warning when the schedule never reaches the target.
 */
final class PruningChecks {

    static final double MAX_TARGET_SPARSITY = 0.99;

    private final ValidationFindings f;

    PruningChecks(ValidationFindings findings) {
        this.f = findings;
    }

    void pruning(PruningConfig p, Integer epochs) {
        f.oneOf("pruning.criterion", p.criterion());
        f.flag("pruning.enabled", p.enabled());
        f.range("pruning.targetSparsity", p.targetSparsity(),
                "use a share of weights to prune from 0 to " + MAX_TARGET_SPARSITY + ", e.g. 0.9");
        f.interval("pruning.intervalEpochs", p.intervalEpochs(), epochs);
        boolean scheduleKnown = f.oneOf("pruning.schedule", p.schedule());
        f.range("pruning.increment", p.increment(), "use 0.1 (the official +10 points per event)");
        boolean cubic = "cubic".equals(p.schedule());
        f.epochRange("pruning.cubicEndEpoch", p.cubicEndEpoch(), cubic && !Boolean.FALSE.equals(p.enabled())
                ? epochs : null);
        if (cubic && p.cubicEndEpoch() != null && p.cubicEndEpoch() <= 0) {
            f.add("pruning.cubicEndEpoch", "is " + p.cubicEndEpoch() + ", but the cubic schedule needs epochs to rise "
                    + "in", "give the epoch at which the target is reached, e.g. 65% of training.epochs");
        }
        f.flag("pruning.rerank", p.rerank());
        f.flag("pruning.reuseMask", p.reuseMask());
        f.flag("pruning.resetMaskAfterPrune", p.resetMaskAfterPrune());
        f.flag("pruning.zeroPrunedWeights", p.zeroPrunedWeights());
        f.flag("pruning.lrRestartAtTarget", p.lrRestartAtTarget());
        if (Boolean.TRUE.equals(p.lrRestartAtTarget()) && Boolean.FALSE.equals(p.enabled())) {
            f.warn("pruning.lrRestartAtTarget", "is true, but pruning.enabled is false, so no event reaches a target "
                    + "and the learning rate never restarts", "set pruning.lrRestartAtTarget to false");
        }
        minLayerDensity(p);
        distillAtTarget(p);
        boolean scheduleValid = f.noIssueAt("pruning.targetSparsity", "pruning.intervalEpochs", "pruning.increment")
                && (!cubic || f.noIssueAt("pruning.cubicEndEpoch"));
        if (Boolean.TRUE.equals(p.enabled()) && scheduleKnown && epochs != null && scheduleValid
                && !p.startsAtTarget()) {
            targetReached(p, epochs, cubic);
        }
    }

    /**
     * The schedules that start at the target prune a fixed network: a shrink would hand rebuilt blocks fresh dense
     * masks that no later event prunes again ({@code at-start}), or rebuild the layers RigL moves connections in.
     */
    void scheduleAgainstSearch(PruningConfig p, SearchConfig s) {
        if (Boolean.TRUE.equals(p.enabled()) && p.startsAtTarget() && Boolean.TRUE.equals(s.enabled())) {
            f.add("pruning.schedule", "is " + p.schedule() + ", which prunes a fixed network, but search.enabled is "
                    + "true and a shrink would rebuild its layers", "set search.enabled to false (method "
                    + (p.movesConnections() ? "rigl" : "prune-only") + "), or use the staircase schedule");
        }
    }

    /** Distillation at the target only acts when a pruning event reaches it. */
    private void distillAtTarget(PruningConfig p) {
        f.range("pruning.distillAtTarget", p.distillAtTarget(),
                "use 0 (off, as the official code) or a weight such as 0.5");
        if (p.distillAtTarget() != null && p.distillAtTarget() > 0 && Boolean.FALSE.equals(p.enabled())) {
            f.warn("pruning.distillAtTarget", "is " + p.distillAtTarget() + ", but pruning.enabled is false, so no "
                    + "event reaches a target and nothing is distilled", "set pruning.distillAtTarget to 0");
        }
    }

    /** The distillation's teacher is the moving average of the weights, so it needs the average. */
    void distillationTeacher(PruningConfig p, TrainingConfig t) {
        if (p.distillAtTarget() != null && p.distillAtTarget() > 0 && t.ema() != null
                && Boolean.FALSE.equals(t.ema().enabled())) {
            f.add("pruning.distillAtTarget", "is " + p.distillAtTarget() + ", but the teacher is the moving average of "
                    + "the weights and training.ema.enabled is false",
                    "set training.ema.enabled to true, or pruning.distillAtTarget to 0");
        }
    }

    /** The floor must leave the global threshold enough weights to reach the target in every layer at once. */
    private void minLayerDensity(PruningConfig p) {
        f.range("pruning.minLayerDensity", p.minLayerDensity(),
                "use 0 (off, as the official code) or a small share such as 0.02");
        if (p.minLayerDensity() != null && f.noIssueAt("pruning.targetSparsity") && Boolean.TRUE.equals(p.enabled())
                && p.minLayerDensity() > 1 - p.targetSparsity() + EPS) {
            f.add("pruning.minLayerDensity", "is " + p.minLayerDensity() + ", more than the " + fmt(1
                    - p.targetSparsity()) + " of weights the target sparsity " + p.targetSparsity()
                    + " leaves alive, so no layer could be pruned to it",
                    "use at most " + fmt(1 - p.targetSparsity()) + " (a small share such as 0.02 is the usual floor)");
        }
    }

    /**
     * A warning: a target the schedule never reaches leaves the ticket (taken right after the last event) less
     * sparse than asked. Events happen every {@code intervalEpochs}; the staircase adds {@code increment} per event.
     */
    private void targetReached(PruningConfig p, int epochs, boolean cubic) {
        double interval = p.intervalEpochs();
        int events = (int) Math.floor(epochs / interval + EPS);
        if (events < 1) {
            return; // the interval itself is reported
        }
        double lastEvent = events * interval;
        if (cubic) {
            if (lastEvent < p.cubicEndEpoch() - EPS) {
                f.warn("pruning.cubicEndEpoch", fmt(p.cubicEndEpoch()) + " is after the last pruning event (epoch "
                        + fmt(lastEvent) + "), so the target " + fmt(p.targetSparsity()) + " is never reached",
                        "set pruning.cubicEndEpoch to at most " + fmt(lastEvent));
            }
            return;
        }
        double target = p.targetSparsity();
        double reached = Math.min(events * p.increment(), target);
        if (reached < target - EPS) {
            int needed = (int) Math.ceil(target / p.increment() - EPS);
            f.warn("pruning.targetSparsity", fmt(target) + " is never reached: " + events + " pruning event"
                    + (events == 1 ? "" : "s") + " (one every " + fmt(interval) + " epochs in " + epochs
                    + ") of +" + fmt(p.increment()) + " end at " + fmt(reached),
                    "prune every " + fmt(Math.floor((double) epochs / needed * 1000) / 1000) + " epochs or less ("
                    + needed + " events), raise pruning.increment to " + fmt(Math.ceil(target / events * 1000) / 1000)
                    + ", or lower the target to " + fmt(reached));
        }
    }
}
