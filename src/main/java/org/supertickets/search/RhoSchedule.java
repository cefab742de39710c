package org.supertickets.search;

/** The strength of the BN-scale penalty: rises linearly per step from 0 to rho over the warm-up, then stays. */
public record RhoSchedule(double rho, long warmupSteps) {

    public double at(long step) {
        if (warmupSteps <= 0) {
            return rho;
        }
        return rho * Math.min(1.0, (double) step / warmupSteps);
    }
}
