package org.supertickets.space;

import java.util.Locale;

/**
 * The single-run methods the workbench compares, each a setting of the config's switches. Multi-stage methods
 * (search → train → iterative magnitude pruning → retrain) are pipelines of such runs, see
 * {@code org.supertickets.pipeline}.
 */
public enum TrainingMethod {
    /** Architecture search and progressive pruning with reactivation in one run (the paper). */
    SUPERTICKETS("supertickets"),
    /** The same search, no weight pruning: a dense searched network. */
    NAS_ONLY("nas-only"),
    /** The full supernet, gradual magnitude pruning from dense, no search. */
    PRUNE_ONLY("prune-only"),
    /** Neither: the dense supernet trained as is. */
    DENSE("dense"),
    /** SuperTickets with iterative reactivation off: pruned weights never come back (no re-ranking, masks kept
     *  through shrinks) — sparse training without reactivation. */
    NO_REACTIVATION("no-reactivation"),
    /** SuperTickets with progressive pruning off: the first pruning event goes straight to the target. */
    ONE_SHOT("one-shot"),
    /** Conventional dynamic sparse training (ours, after Evci et al. 2020): the fixed supernet, no search, sparse at
     *  the target from the first step, connections moved by RigL's drop and grow ({@code pruning.schedule rigl}). */
    RIGL("rigl");

    /** Every label, comma-separated (a constant, so annotations can use it). */
    public static final String LABELS = "supertickets, nas-only, prune-only, dense, no-reactivation, one-shot, rigl";

    private final String label;

    TrainingMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The method of that label, e.g. {@code nas-only}. */
    public static TrainingMethod fromLabel(String label) {
        for (TrainingMethod m : values()) {
            if (m.label.equals(label.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("method '" + label + "' is not one of " + LABELS);
    }

    /** The config set up for this method; every other field stays as it is. */
    public SearchSpaceConfig applyTo(SearchSpaceConfig c) {
        boolean search = this != PRUNE_ONLY && this != DENSE && this != RIGL;
        boolean prune = this != NAS_ONLY && this != DENSE;
        PruningConfig p = c.pruning();
        boolean reactivate = this != NO_REACTIVATION;
        PruningConfig pruning = new PruningConfig(prune, p.targetSparsity(), p.intervalEpochs(),
                this == ONE_SHOT ? "staircase" : this == RIGL ? ConfigDefaults.SCHEDULE_RIGL : p.schedule(),
                this == ONE_SHOT ? p.targetSparsity() : p.increment(), p.cubicEndEpoch(),
                reactivate ? p.rerank() : Boolean.FALSE, reactivate ? p.reuseMask() : Boolean.TRUE,
                reactivate ? p.resetMaskAfterPrune() : Boolean.FALSE, p.zeroPrunedWeights(), p.criterion(),
                p.minLayerDensity(), p.lrRestartAtTarget(), p.distillAtTarget());
        SearchConfig s = c.search();
        SearchConfig searchConfig = new SearchConfig(search, s.rho(), s.rhoWarmupEpochs(), s.gammaThreshold(),
                s.minShrinkMacs(), s.evalIntervalEpochs(), s.bnRecalibrationBatches(), s.macsTarget(),
                s.macsTargetEndEpoch());
        return c.withSearchAndPruning(searchConfig, pruning);
    }

    /** Which method a resolved config runs. */
    public static TrainingMethod of(SearchSpaceConfig c) {
        boolean search = c.search().enabled();
        PruningConfig p = c.pruning();
        if (!p.enabled()) {
            return search ? NAS_ONLY : DENSE;
        }
        if (p.movesConnections()) {
            return RIGL;
        }
        if (!search) {
            return PRUNE_ONLY;
        }
        if (!p.rerank() && p.reuseMask() && !p.resetMaskAfterPrune()) {
            return NO_REACTIVATION;
        }
        if ("staircase".equals(p.schedule()) && p.increment() >= p.targetSparsity()) {
            return ONE_SHOT;
        }
        return SUPERTICKETS;
    }
}
