package org.supertickets.cli;

import java.util.Locale;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.TrainingEvent;

/**
 * What {@code info} reports of a run, gathered while its log streams past; the mask changes summed by kind as the
 * events count them (docs/metrics.md, "Mask changes").
 */
public final class RunTally {
    RunStarted started;
    EvalMetrics lastEval;
    RunFinished finished;
    int shrinks;
    int prunes;
    long newlyPruned;
    long backByReranking;
    long resetByShrinks;
    long resetKept;
    long resetPrunedAgain;
    /** Pruned→alive counts of events that predate the split by kind. */
    long backUnknown;
    boolean shrinkResetsUnknown;

    public void add(TrainingEvent e) {
        if (e instanceof RunStarted s) {
            started = s;
        } else if (e instanceof EvalMetrics m) {
            lastEval = m;
        } else if (e instanceof ShrinkEvent s) {
            shrinks++;
            if (s.resetByShrink() == null) {
                shrinkResetsUnknown |= s.masksReset();
            } else {
                resetByShrinks += s.resetByShrink();
            }
        } else if (e instanceof PruneEvent p) {
            prunes++;
            newlyPruned += p.newlyPruned();
            if (p.kindsKnown()) {
                backByReranking += p.backByReranking();
                resetKept += p.resetKept();
                resetPrunedAgain += p.resetPrunedAgain();
            } else {
                backUnknown += p.reactivated();
            }
        } else if (e instanceof RunFinished f) {
            finished = f;
        }
    }

    /** The sums over the run's events, each kind counted as the events count it (docs/metrics.md). */
    public String countsText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d newly pruned, %,d back by re-ranking",
                newlyPruned, backByReranking));
        if (backUnknown > 0) {
            sb.append(String.format(Locale.ROOT, ", %,d back of a kind this run folder does not record",
                    backUnknown));
        }
        sb.append(shrinkResetsUnknown ? ", resets by shrinks not counted in this run folder"
                : String.format(Locale.ROOT, ", %,d reset by a shrink", resetByShrinks));
        if (resetKept + resetPrunedAgain > 0) {
            sb.append(String.format(Locale.ROOT, " (at the next pruning event %,d kept, %,d pruned again)",
                    resetKept, resetPrunedAgain));
        }
        return sb.toString();
    }
}
