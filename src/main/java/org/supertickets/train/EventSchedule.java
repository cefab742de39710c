package org.supertickets.train;

import org.supertickets.prune.RiglSchedule;
import org.supertickets.prune.SparsitySchedule;
import org.supertickets.space.SearchSpaceConfig;

/**
 * The run's clock in steps: how long an epoch and the run are, and after which steps the trainer reports its step
 * metrics, evaluates (and, with the search on, takes an architecture step) and prunes — the config's epoch-based
 * intervals turned into step counts once, for a training set of a given size.
 */
final class EventSchedule {

    /** Step metrics average this many steps (and the run's last, shorter window). */
    static final int LOG_EVERY_STEPS = 10;

    private final int batchSize;
    private final int stepsPerEpoch;
    private final long totalSteps;
    private final long evalEvery;
    /** Steps between pruning events; 0 when pruning is off. */
    private final long pruneEvery;
    private final int epochs;
    /** The step at which the sparsity schedule reaches its target, or -1 when it never does in this run. */
    private final long targetStep;
    /** No pruning event after this step (RigL stops moving connections at three quarters of the run). */
    private final long lastEventStep;

    EventSchedule(SearchSpaceConfig config, int trainSize, SparsitySchedule sparsity) {
        this.epochs = config.training().epochs();
        this.batchSize = batchSize(config, trainSize);
        this.stepsPerEpoch = Math.max(1, trainSize / batchSize);
        this.totalSteps = (long) epochs * stepsPerEpoch;
        this.evalEvery = Math.max(1, Math.round(config.search().evalIntervalEpochs() * stepsPerEpoch));
        // An at-start schedule's one event happens before the first step, outside this clock.
        boolean eventsDuringTraining = config.pruning().enabled()
                && (config.pruning().movesConnections() || !config.pruning().startsAtTarget());
        this.pruneEvery = eventsDuringTraining
                ? Math.max(1, Math.round(config.pruning().intervalEpochs() * stepsPerEpoch)) : 0;
        this.lastEventStep = config.pruning().movesConnections()
                ? RiglSchedule.endStep(totalSteps) - 1 : totalSteps;
        this.targetStep = sparsity.stepReachingTarget(pruneEvery, stepsPerEpoch, totalSteps);
    }

    /** Images per step: the configured batch, or the whole training set when it is smaller. */
    int batchSize() {
        return batchSize;
    }

    /** {@link #batchSize()} of a run of {@code config} on {@code trainSize} training images. */
    static int batchSize(SearchSpaceConfig config, int trainSize) {
        return Math.min(config.training().batchSize(), trainSize);
    }

    int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    long totalSteps() {
        return totalSteps;
    }

    long evalEvery() {
        return evalEvery;
    }

    long pruneEvery() {
        return pruneEvery;
    }

    /** See {@link SparsitySchedule#stepReachingTarget}. */
    long targetStep() {
        return targetStep;
    }

    double epochOf(long step) {
        return (double) step / stepsPerEpoch;
    }

    /** Whether {@code done} steps are the whole run. */
    boolean isLast(long done) {
        return done == totalSteps;
    }

    boolean reportsStepMetricsAfter(long done) {
        return done % LOG_EVERY_STEPS == 0 || isLast(done);
    }

    boolean evaluatesAfter(long done) {
        return done % evalEvery == 0 || isLast(done);
    }

    boolean prunesAfter(long done) {
        return pruneEvery > 0 && done <= lastEventStep && (done % pruneEvery == 0 || isLast(done));
    }

    /** Whether step {@code done} (counted from 1) lies in the last epoch: the official last-epoch shrink rule. */
    boolean inLastEpoch(long done) {
        return (done - 1) / stepsPerEpoch == epochs - 1;
    }
}
