package org.supertickets.space;

import java.util.Locale;

/**
 * The validator's checks of the {@code search} section: the penalty's strength and warm-up, the shrink threshold
 * and cadence, and an optional MACs target, which must lie between the smallest subnet and the supernet.
 */
final class SearchChecks {

    private final ValidationFindings f;

    SearchChecks(ValidationFindings findings) {
        this.f = findings;
    }

    /** {@code network} is the config when its network is valid (for the MACs range), else null. */
    void search(SearchConfig s, Integer epochs, SearchSpaceConfig network) {
        f.flag("search.enabled", s.enabled());
        f.range("search.rho", s.rho(), "use a small non-negative strength, e.g. 5e-4 (higher removes more)");
        f.epochRange("search.rhoWarmupEpochs", s.rhoWarmupEpochs(), epochs);
        f.range("search.gammaThreshold", s.gammaThreshold(), "use e.g. 1e-3 (the official threshold)");
        f.range("search.minShrinkMacs", s.minShrinkMacs(), "use 0 (shrink whenever a channel dies) or a positive MACs "
                + "count");
        f.interval("search.evalIntervalEpochs", s.evalIntervalEpochs(), epochs);
        f.range("search.bnRecalibrationBatches", s.bnRecalibrationBatches(), "use e.g. 10 (the official value)");
        Long target = s.macsTarget();
        boolean targetInEffect = target != null && target > 0 && !Boolean.FALSE.equals(s.enabled());
        f.epochRange("search.macsTargetEndEpoch", s.macsTargetEndEpoch(), targetInEffect ? epochs : null);
        f.range("search.macsTarget", target, "use 0 (off: rho alone decides) or a positive MACs count");
        if (target != null && target > 0) {
            if (Boolean.FALSE.equals(s.enabled())) {
                f.warn("search.macsTarget", "is " + target + ", but search.enabled is false, so nothing would follow "
                        + "it", "set search.enabled to true, or search.macsTarget to 0");
            }
            if (s.macsTargetEndEpoch() != null && s.macsTargetEndEpoch() <= 0) {
                f.add("search.macsTargetEndEpoch", "is " + s.macsTargetEndEpoch() + ", but a MACs target needs "
                        + "epochs to be reached in", "give the epoch by which the target should be reached, e.g. 60% "
                        + "of training.epochs");
            }
            if (network != null) {
                Architecture supernet = Architecture.supernet(network);
                long max = supernet.macs();
                long min = supernet.smallestSubnet().macs();
                if (target < min || target >= max) {
                    f.add("search.macsTarget", String.format(Locale.ROOT, "%,d MACs is %s", target, target >= max
                            ? String.format(Locale.ROOT, "not below the supernet's %,d MACs, so there is nothing to "
                                    + "remove", max)
                            : String.format(Locale.ROOT, "below the smallest subnet's %,d MACs (every block body "
                                    + "removed), so no subnet can reach it", min)),
                            String.format(Locale.ROOT, "choose a value from %,d (smallest subnet) to %,d (supernet "
                                    + "minus one), or 0 to let rho alone decide", min, max - 1));
                }
            }
        }
    }
}
