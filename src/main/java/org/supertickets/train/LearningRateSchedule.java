package org.supertickets.train;

/**
 * Learning rate per step: a linear warm-up, then cosine decay to zero over the rest of the run, or constant.
 */
public record LearningRateSchedule(String kind, double peak, long warmupSteps, long totalSteps) {

    public double at(long step) {
        if (warmupSteps > 0 && step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        if (!"cosine".equals(kind)) {
            return peak;
        }
        long span = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / span);
        return 0.5 * peak * (1 + Math.cos(Math.PI * progress));
    }
}
