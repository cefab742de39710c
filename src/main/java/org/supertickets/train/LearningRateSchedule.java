package org.supertickets.train;

/**
 * Learning rate per step: a linear warm-up, then cosine decay to zero over the rest of the run, or constant.
 * With a restart step (ours, {@code pruning.lrRestartAtTarget}) the schedule starts over there: the peak again,
 * no warm-up, and for {@code cosine} a decay to zero at the run's end.
 *
 * @param restartStep the step at which the schedule starts over; {@link #NO_RESTART} for none
 */
public record LearningRateSchedule(String kind, double peak, long warmupSteps, long totalSteps, long restartStep) {

    public static final long NO_RESTART = -1;

    /** A schedule that runs once. */
    public LearningRateSchedule(String kind, double peak, long warmupSteps, long totalSteps) {
        this(kind, peak, warmupSteps, totalSteps, NO_RESTART);
    }

    public double at(long step) {
        if (restartStep >= 0 && restartStep < totalSteps && step >= restartStep) {
            return cosineOrConstant(step - restartStep, totalSteps - restartStep);
        }
        if (warmupSteps > 0 && step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        return cosineOrConstant(step - warmupSteps, totalSteps - warmupSteps);
    }

    private double cosineOrConstant(long stepsIn, long length) {
        if (!"cosine".equals(kind)) {
            return peak;
        }
        double progress = Math.min(1.0, (double) stepsIn / Math.max(1, length));
        return 0.5 * peak * (1 + Math.cos(Math.PI * progress));
    }
}
