package org.supertickets.space;

import java.util.Locale;

/**
 * How a config's architecture steps (a shrink, every {@code search.evalIntervalEpochs}) fall against its pruning
 * events (every {@code pruning.intervalEpochs}). A shrink gives the surviving channels of a changed block fresh
 * all-ones masks ("shrink reactivation"); on a step that has both, the shrink runs first and the prune at once
 * overwrites those masks, so the reactivated weights never get a gradient. The official configs stagger the two
 * (ImageNet: architecture step every 10 epochs, pruning every 25), so the masks stay dense for a while after a
 * shrink. Computed from the epochs alone, as the trainer rounds both intervals to whole steps of the same epoch.
 *
 * @param kind             what the schedule does with shrink reactivation
 * @param shrinks          architecture steps before the run's end
 * @param denseAfter       of those, the ones followed by dense training before the next prune
 * @param shortestDense    shortest such dense spell, in epochs (0 when none)
 * @param longestDense     longest such dense spell, in epochs
 * @param architectureStep {@code search.evalIntervalEpochs}
 * @param pruningInterval  {@code pruning.intervalEpochs}
 */
public record Cadence(Kind kind, int shrinks, int denseAfter, double shortestDense, double longestDense,
        double architectureStep, double pruningInterval) {

    /** The three cases a reader needs told apart. */
    public enum Kind {
        /** Search or pruning is off: nothing to stagger. */
        NOT_JOINT,
        /** Every shrink falls on a pruning event: shrink reactivation is overwritten at once. */
        COINCIDENT,
        /** Some shrinks are followed by dense training before the next prune, as in the official configs. */
        STAGGERED
    }

    private static final double EPSILON = 1e-9;

    public static Cadence of(SearchSpaceConfig resolved) {
        double a = resolved.search().evalIntervalEpochs();
        double p = resolved.pruning().intervalEpochs();
        if (!resolved.search().enabled() || !resolved.pruning().enabled()) {
            return new Cadence(Kind.NOT_JOINT, 0, 0, 0, 0, a, p);
        }
        double end = resolved.training().epochs();
        int shrinks = 0;
        int dense = 0;
        double shortest = Double.POSITIVE_INFINITY;
        double longest = 0;
        for (int k = 1; k * a < end - EPSILON; k++) {
            double shrink = k * a;
            double nextPrune = Math.min(end, Math.ceil(shrink / p - EPSILON) * p);
            double gap = nextPrune - shrink;
            shrinks++;
            if (gap > EPSILON) {
                dense++;
                shortest = Math.min(shortest, gap);
                longest = Math.max(longest, gap);
            }
        }
        return new Cadence(dense == 0 ? Kind.COINCIDENT : Kind.STAGGERED, shrinks, dense,
                dense == 0 ? 0 : shortest, longest, a, p);
    }

    /** One line for {@code validate}, {@code info} and the docs. */
    public String describe() {
        String intervals = String.format(Locale.ROOT, "architecture step every %s epochs, pruning every %s",
                number(architectureStep), number(pruningInterval));
        return switch (kind) {
            case NOT_JOINT -> "cadence: search or pruning off";
            case COINCIDENT -> "cadence: coincident (" + intervals + "): every shrink falls on a pruning event, "
                    + "so the fresh masks of a shrink are pruned again at once and shrink reactivation never trains";
            case STAGGERED -> String.format(Locale.ROOT, "cadence: staggered, as the official configs (%s): after "
                    + "%d of %d shrinks the masks train dense for %s-%s epochs before the next prune", intervals,
                    denseAfter, shrinks, number(shortestDense), number(longestDense));
        };
    }

    private static String number(double epochs) {
        return String.format(Locale.ROOT, "%.3g", epochs);
    }
}
