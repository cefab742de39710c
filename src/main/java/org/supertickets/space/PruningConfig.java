package org.supertickets.space;

/**
 * Progressive unstructured pruning with one global magnitude threshold over all prunable convolution
 * weights of the current (searched) network, and the three reactivation switches of the official code.
 *
 * @param enabled             false = no weight pruning (NAS only)
 * @param targetSparsity      final share of prunable weights masked (0..0.99)
 * @param intervalEpochs      epochs between pruning events
 * @param schedule            {@code staircase} (official: +{@code increment} per event up to the target) or
 *                            {@code cubic} (OURS: Zhu and Gupta 2017, evaluated at each event)
 * @param increment           sparsity added per event by the staircase schedule (official 0.1)
 * @param cubicEndEpoch       OURS, cubic only: epoch at which the target is reached
 * @param rerank              reactivation 1: every event scores pruned weights too, so they can return
 *                            (false = a pruned weight stays pruned; the mask only grows)
 * @param reuseMask           false (official default) = blocks rebuilt by a shrink get all-ones masks
 *                            (shrink reactivation); true = rebuilt blocks keep their masks
 * @param resetMaskAfterPrune reactivation 3 (official ablation): all masks back to ones after each event
 * @param zeroPrunedWeights   OURS, off by default: set pruned raw weights to zero after every step (disables
 *                            re-ranking reactivation, since a zeroed weight cannot win back its place)
 * @param criterion           what each event ranks the weights by: {@code magnitude} (official default), or the
 *                            official code's other criteria {@code random}, {@code snip}, {@code synflow}
 * @param minLayerDensity     OURS, 0 (off) by default: every prunable layer keeps at least this share of its
 *                            weights (its largest scores), so the global threshold cannot empty a layer; the
 *                            rest of the event's budget is taken from the other layers
 * @param lrRestartAtTarget   OURS, off by default: the learning-rate schedule starts over (peak, no warm-up,
 *                            ending with the run) at the event that brings sparsity to its target — learning-rate
 *                            rewinding (Renda et al. 2020) inside the one run, for the at-target phase
 * @param distillAtTarget     OURS, 0 (off) by default: from the event that brings sparsity to its target, the task
 *                            loss is {@code (1 - a) * CE(labels) + a * CE(teacher's softmax)} with a = this weight,
 *                            the teacher being the moving average of the weights under the current masks (so
 *                            {@code training.ema} must be on) — in-place distillation from the averaged network
 */
public record PruningConfig(
        Boolean enabled,
        Double targetSparsity,
        Double intervalEpochs,
        String schedule,
        Double increment,
        Double cubicEndEpoch,
        Boolean rerank,
        Boolean reuseMask,
        Boolean resetMaskAfterPrune,
        Boolean zeroPrunedWeights,
        String criterion,
        Double minLayerDensity,
        Boolean lrRestartAtTarget,
        Double distillAtTarget) {

    /** A pruning section of the fields every config had before distillation at the target. */
    public PruningConfig(Boolean enabled, Double targetSparsity, Double intervalEpochs, String schedule,
            Double increment, Double cubicEndEpoch, Boolean rerank, Boolean reuseMask, Boolean resetMaskAfterPrune,
            Boolean zeroPrunedWeights, String criterion, Double minLayerDensity, Boolean lrRestartAtTarget) {
        this(enabled, targetSparsity, intervalEpochs, schedule, increment, cubicEndEpoch, rerank, reuseMask,
                resetMaskAfterPrune, zeroPrunedWeights, criterion, minLayerDensity, lrRestartAtTarget, null);
    }

    /** A pruning section of the fields every config had before the learning-rate restart. */
    public PruningConfig(Boolean enabled, Double targetSparsity, Double intervalEpochs, String schedule,
            Double increment, Double cubicEndEpoch, Boolean rerank, Boolean reuseMask, Boolean resetMaskAfterPrune,
            Boolean zeroPrunedWeights, String criterion, Double minLayerDensity) {
        this(enabled, targetSparsity, intervalEpochs, schedule, increment, cubicEndEpoch, rerank, reuseMask,
                resetMaskAfterPrune, zeroPrunedWeights, criterion, minLayerDensity, null, null);
    }

    /** A pruning section of the fields every config had before the minimum layer density. */
    public PruningConfig(Boolean enabled, Double targetSparsity, Double intervalEpochs, String schedule,
            Double increment, Double cubicEndEpoch, Boolean rerank, Boolean reuseMask, Boolean resetMaskAfterPrune,
            Boolean zeroPrunedWeights, String criterion) {
        this(enabled, targetSparsity, intervalEpochs, schedule, increment, cubicEndEpoch, rerank, reuseMask,
                resetMaskAfterPrune, zeroPrunedWeights, criterion, null, null, null);
    }

    /** A pruning section of the fields every config had before the other pruning criteria. */
    public PruningConfig(Boolean enabled, Double targetSparsity, Double intervalEpochs, String schedule,
            Double increment, Double cubicEndEpoch, Boolean rerank, Boolean reuseMask, Boolean resetMaskAfterPrune,
            Boolean zeroPrunedWeights) {
        this(enabled, targetSparsity, intervalEpochs, schedule, increment, cubicEndEpoch, rerank, reuseMask,
                resetMaskAfterPrune, zeroPrunedWeights, null, null, null, null);
    }

    /** The same pruning section with another floor on each layer's density. */
    public PruningConfig withMinLayerDensity(double floor) {
        return new PruningConfig(enabled, targetSparsity, intervalEpochs, schedule, increment, cubicEndEpoch, rerank,
                reuseMask, resetMaskAfterPrune, zeroPrunedWeights, criterion, floor, lrRestartAtTarget,
                distillAtTarget);
    }

    /** The same pruning section with another criterion. */
    public PruningConfig withCriterion(String newCriterion) {
        return new PruningConfig(enabled, targetSparsity, intervalEpochs, schedule, increment, cubicEndEpoch, rerank,
                reuseMask, resetMaskAfterPrune, zeroPrunedWeights, newCriterion, minLayerDensity,
                lrRestartAtTarget, distillAtTarget);
    }

    /** The same pruning section with the learning-rate restart at the target switched on or off. */
    public PruningConfig withLrRestartAtTarget(boolean restart) {
        return new PruningConfig(enabled, targetSparsity, intervalEpochs, schedule, increment, cubicEndEpoch, rerank,
                reuseMask, resetMaskAfterPrune, zeroPrunedWeights, criterion, minLayerDensity, restart,
                distillAtTarget);
    }

    /** The same pruning section with another weight of distillation from the average at the target (0 = off). */
    public PruningConfig withDistillAtTarget(double weight) {
        return new PruningConfig(enabled, targetSparsity, intervalEpochs, schedule, increment, cubicEndEpoch, rerank,
                reuseMask, resetMaskAfterPrune, zeroPrunedWeights, criterion, minLayerDensity, lrRestartAtTarget,
                weight);
    }

    /** Whether the first event, before the first step, already prunes to the target (at-start, rigl). */
    public boolean startsAtTarget() {
        return ConfigDefaults.SCHEDULE_AT_START.equals(schedule) || ConfigDefaults.SCHEDULE_RIGL.equals(schedule);
    }

    /** Whether connections move during training by RigL's drop and grow (schedule {@code rigl}, ours). */
    public boolean movesConnections() {
        return ConfigDefaults.SCHEDULE_RIGL.equals(schedule);
    }
}
