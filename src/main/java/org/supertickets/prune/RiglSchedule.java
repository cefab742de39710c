package org.supertickets.prune;

/**
 * When and how much RigL (Evci et al. 2020, "Rigging the Lottery"; ours in this workbench) moves connections: at
 * every pruning event until three quarters of the run, a share of each layer's live weights is dropped and as many
 * grown elsewhere, the share decaying from 0.3 to 0 along a half cosine — the paper's defaults.
 */
public final class RiglSchedule {

    /** The share of live weights moved at the first update (RigL's alpha). */
    public static final double INITIAL_FRACTION = 0.3;
    /** The share of the run after which connections stay where they are (RigL's T_end). */
    public static final double END_SHARE = 0.75;

    private RiglSchedule() {
    }

    /** The last step at which connections move, for a run of {@code totalSteps}. */
    public static long endStep(long totalSteps) {
        return (long) Math.floor(END_SHARE * totalSteps);
    }

    /** The share of each layer's live weights moved by an update after {@code step} of {@code totalSteps}. */
    public static double fractionAt(long step, long totalSteps) {
        long end = endStep(totalSteps);
        if (end <= 0 || step >= end) {
            return 0;
        }
        return INITIAL_FRACTION / 2 * (1 + Math.cos(Math.PI * step / end));
    }
}
