package org.supertickets.ui.teaching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.supertickets.prune.LayerPruneStats;
import org.supertickets.report.CountFormat;
import org.supertickets.search.ChannelCosts;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunStarted;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.TrainingEvent;

/**
 * Says in words, with each event's own numbers, what an architecture step or a pruning event did and why. It
 * reads a run's events in order: the architecture before a shrink is the one the previous events left, so the
 * channels each branch lost are a difference of two architectures, not a guess. Plain Java, usable on any thread
 * (one thread at a time).
 */
public final class EventExplainer {

    private final double rho;
    private final double gammaThreshold;
    private final double targetSparsity;
    private final boolean rerank;
    private final double epochs;
    private Architecture current;
    /** The previous pruning event put every mask back to ones (resetMaskAfterPrune): that reset, not a shrink. */
    private boolean previousResetAfter;

    /** @param resolved the run's resolved config (ρ, the γ threshold and the sparsity target come from it) */
    public EventExplainer(SearchSpaceConfig resolved) {
        Objects.requireNonNull(resolved);
        rho = resolved.search().rho();
        gammaThreshold = resolved.search().gammaThreshold();
        targetSparsity = resolved.pruning().targetSparsity();
        rerank = Boolean.TRUE.equals(resolved.pruning().rerank());
        epochs = resolved.training().epochs();
    }

    /**
     * Reads the next event of the run; returns its explanation when it is an architecture step or a pruning
     * event, else null.
     */
    public Explanation accept(TrainingEvent event) {
        if (event instanceof RunStarted r) {
            current = r.supernet();
        } else if (event instanceof ConnectivitySnapshot s && s.architecture() != null) {
            current = s.architecture();
        } else if (event instanceof ShrinkEvent s) {
            Explanation e = explainShrink(current == null ? s.architecture() : current, s);
            current = s.architecture();
            return e;
        } else if (event instanceof PruneEvent p) {
            return explainPrune(p);
        }
        return null;
    }

    /** What one branch lost in a shrink. */
    record BranchCut(BlockState block, BranchState before, BranchState after, long macsPerChannel, double costRatio) {

        int lost() {
            return before.hiddenChannels() - after.hiddenChannels();
        }

        long macsLost() {
            return lost() * macsPerChannel;
        }

        String name() {
            return "the " + kernelName(before.kernelSize()) + " branch of block " + block.index();
        }
    }

    private Explanation explainShrink(Architecture before, ShrinkEvent s) {
        List<BranchCut> cuts = branchCuts(before, s.architecture());
        StringBuilder text = new StringBuilder();
        int cut = s.deadChannels() + s.targetChannels();
        text.append(String.format(Locale.ROOT, "The L1 penalty ρ·pen·|γ| (ρ = %s; pen = what a channel costs in "
                + "MACs, relative to the cheapest) pushed the BN scales γ after the depthwise convs toward zero. ",
                number(rho)));
        if (!cuts.isEmpty()) {
            BranchCut top = cuts.get(0);
            text.append("It pushed ").append(top.name()).append(" hardest");
            if (top.costRatio() > 1.005) {
                text.append(String.format(Locale.ROOT, " (a channel there costs %.1f× the MACs of the cheapest "
                        + "branch's channel in that block: %s vs %s)", top.costRatio(), count(top.macsPerChannel()),
                        count(Math.round(top.macsPerChannel() / top.costRatio()))));
            }
            text.append(". ");
        }
        text.append(String.format(Locale.ROOT, "%d channel%s fell to |γ| ≤ %s and %s cut away",
                s.deadChannels(), s.deadChannels() == 1 ? "" : "s", number(gammaThreshold),
                s.deadChannels() == 1 ? "was" : "were"));
        if (s.targetChannels() > 0) {
            text.append(String.format(Locale.ROOT, ", and %d more to follow the MACs target (our extension)",
                    s.targetChannels()));
        }
        text.append(":\n");
        for (BranchCut c : cuts) {
            text.append(String.format(Locale.ROOT, "• %s: %d → %d channels (−%d), −%s MACs%s\n",
                    capitalised(c.name()), c.before().hiddenChannels(), c.after().hiddenChannels(), c.lost(),
                    count(c.macsLost()), c.after().removed() ? " — the branch is removed completely" : ""));
        }
        for (BlockState b : s.architecture().blocks()) {
            BlockState was = blockOf(before, b.index());
            if (b.bodyRemoved() && was != null && !was.bodyRemoved()) {
                text.append("• Block ").append(b.index()).append("'s body is gone: only its skip path is left.\n");
            }
        }
        long saved = s.macsBefore() - s.macsAfter();
        text.append(String.format(Locale.ROOT, "The network's MACs went from %s to %s (−%s, −%s).",
                count(s.macsBefore()), count(s.macsAfter()), count(saved),
                share(s.macsBefore() == 0 ? 0.0 : 100.0 * saved / s.macsBefore())));
        if (s.masksReset()) {
            text.append(s.resetByShrink() == null
                    ? " The rebuilt blocks got fresh all-ones masks, so their pruned weights are back until the next "
                            + "pruning event (reset by a shrink; this run folder does not count them)."
                    : String.format(Locale.ROOT, " The rebuilt blocks got fresh all-ones masks: %s masked weight%s "
                            + "reset by the shrink and train%s again until the next pruning event re-ranks them "
                            + "(shrink reactivation).", grouped(s.resetByShrink()),
                            s.resetByShrink() == 1 ? " was" : "s were", s.resetByShrink() == 1 ? "s" : ""));
        }
        String title = String.format(Locale.ROOT, "Architecture step at epoch %.2f: %d channel%s cut, −%s MACs%s",
                s.epoch(), cut, cut == 1 ? "" : "s", count(saved), s.resetByShrink() == null
                        || s.resetByShrink() == 0 ? "" : ", " + grouped(s.resetByShrink()) + " reset by the shrink");
        return new Explanation(s, title, text.toString().strip());
    }

    /** Every branch that lost channels, the one that lost most first (ties: the one that saved more MACs). */
    static List<BranchCut> branchCuts(Architecture before, Architecture after) {
        ChannelCosts costs = new ChannelCosts(before);
        List<BranchCut> cuts = new ArrayList<>();
        for (BlockState b : after.blocks()) {
            BlockState was = blockOf(before, b.index());
            if (was == null) {
                continue;
            }
            long cheapest = was.branches().stream().mapToLong(br -> costs.macsPerChannel(b.index(), br.kernelSize()))
                    .min().orElse(1);
            for (BranchState br : b.branches()) {
                BranchState old = was.branches().stream().filter(o -> o.kernelSize() == br.kernelSize()).findFirst()
                        .orElse(null);
                if (old != null && old.hiddenChannels() > br.hiddenChannels()) {
                    long perChannel = costs.macsPerChannel(b.index(), br.kernelSize());
                    cuts.add(new BranchCut(b, old, br, perChannel, (double) perChannel / cheapest));
                }
            }
        }
        cuts.sort(Comparator.comparingInt(BranchCut::lost).thenComparingLong(BranchCut::macsLost).reversed());
        return cuts;
    }

    private Explanation explainPrune(PruneEvent p) {
        long prunable = p.layers().stream().mapToLong(LayerPruneStats::total).sum();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "One global magnitude threshold, |w| < %s, over all %s prunable "
                + "conv weights of the network as it is now: the schedule asked for %.0f %% sparsity, %.1f %% was "
                + "reached.\n", number(p.threshold()), grouped(prunable), 100 * p.targetRatio(), 100 * p.sparsity()));
        text.append(String.format(Locale.ROOT, "Since the previous pruning event: %s newly pruned (alive then, "
                + "pruned now); ", grouped(p.newlyPruned())));
        if (!p.kindsKnown()) {
            text.append(String.format(Locale.ROOT, "%s that were pruned then are alive now (this run folder does "
                    + "not tell back by re-ranking from reset by a shrink).", grouped(p.reactivated())));
        } else {
            text.append(String.format(Locale.ROOT, "%s back by re-ranking (pruned then, masked until now)",
                    grouped(p.backByReranking())));
            text.append(rerank && p.backByReranking() > 0 ? ": masks only multiply the raw weights, which kept "
                    + "training and grew above the threshold." : ".");
            if (p.resetSincePrevious() > 0) {
                text.append(String.format(Locale.ROOT, "\n%s weight%s pruned then had been reset %s since (fresh "
                        + "all-ones masks): this event kept %s and pruned %s again.", grouped(p.resetSincePrevious()),
                        p.resetSincePrevious() == 1 ? "" : "s",
                        previousResetAfter ? "after the previous event (resetMaskAfterPrune)" : "by a shrink",
                        grouped(p.resetKept()), grouped(p.resetPrunedAgain())));
            }
        }
        p.layers().stream().max(Comparator.comparingLong(LayerPruneStats::newlyPruned))
                .filter(l -> l.newlyPruned() > 0)
                .ifPresent(l -> text.append(String.format(Locale.ROOT, "\nMost newly pruned in %s: %s of its %s "
                        + "weights (%s alive now).", l.layer(), grouped(l.newlyPruned()), grouped(l.total()),
                        grouped(l.kept()))));
        if (p.targetRatio() >= targetSparsity - 1e-9) {
            double left = epochs - p.epoch();
            text.append(String.format(Locale.ROOT, "\nThe schedule is at its target (%.0f %%): ", 100 * targetSparsity))
                    .append(left > 1e-6 ? String.format(Locale.ROOT, "the remaining %.1f epochs train the sparse "
                            + "network, and the ticket is the network right after the last pruning event.", left)
                            : "this last event draws the ticket.");
        }
        if (p.masksResetAfter()) {
            text.append("\nThe masks were put back to all ones after the event (resetMaskAfterPrune).");
        }
        String title = String.format(Locale.ROOT, "Pruning event %d at epoch %.2f: %.0f %% sparse, %s newly "
                + "pruned, %s", p.index(), p.epoch(), 100 * p.sparsity(), grouped(p.newlyPruned()),
                p.kindsKnown() ? grouped(p.backByReranking()) + " back by re-ranking"
                        : grouped(p.reactivated()) + " back");
        previousResetAfter = p.masksResetAfter();
        return new Explanation(p, title, text.toString().strip());
    }

    private static BlockState blockOf(Architecture a, int index) {
        return a.blocks().stream().filter(b -> b.index() == index).findFirst().orElse(null);
    }

    static String kernelName(int k) {
        return k + "×" + k;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** 41200 → "41.2 k": the same short form the charts use. */
    private static String count(long value) {
        return CountFormat.human(value);
    }

    /** 21480 → "21,480": exact counts of weights. */
    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String number(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A percentage as a lesson reads it: whole numbers, one decimal under 1 % so a small change never reads "0 %". */
    static String share(double percent) {
        return Math.abs(percent) >= 1 || percent == 0
                ? String.format(Locale.ROOT, "%.0f %%", percent)
                : String.format(Locale.ROOT, "%.1f %%", percent);
    }
}
