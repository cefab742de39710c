package org.supertickets.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link DenseSpan}s of a run, read from its events in order (a run folder's metrics.jsonl or the live feed),
 * never from its config: a span opens at a shrink that reset at least one pruned weight and closes at the next
 * pruning event, or at the run's end. A shrink whose reset count the run folder lacks (written before it was
 * counted) opens none: unknown is not shown as dense. Plain Java, one thread at a time.
 */
public final class DenseSpans {

    private final List<DenseSpan> closed = new ArrayList<>();
    /** The span being trained now, null when none. */
    private DenseSpan open;
    private long latestStep;
    private double latestEpoch;

    /** The spans of a whole event list. */
    public static List<DenseSpan> of(List<? extends TrainingEvent> events) {
        DenseSpans spans = new DenseSpans();
        events.forEach(spans::accept);
        return spans.spans();
    }

    /** Reads the next event of the run. */
    public void accept(TrainingEvent event) {
        if (event instanceof RunStarted r && r.resumed()) {
            rewindTo(r);
        }
        latestStep = Math.max(latestStep, event.step());
        latestEpoch = Math.max(latestEpoch, event.epoch());
        if (event instanceof ShrinkEvent s && s.resetByShrink() != null && s.resetByShrink() > 0) {
            open = open == null
                    ? new DenseSpan(s.step(), s.epoch(), s.step(), s.epoch(), DenseSpan.End.OPEN, s.resetByShrink(),
                            s.resetByBlock())
                    : new DenseSpan(open.fromStep(), open.fromEpoch(), s.step(), s.epoch(), DenseSpan.End.OPEN,
                            open.resetWeights() + s.resetByShrink(), merged(open.blocks(), s.resetByBlock()));
        } else if (event instanceof PruneEvent p) {
            close(p, DenseSpan.End.PRUNE);
        } else if (event instanceof RunFinished f) {
            close(f, DenseSpan.End.RUN_END);
        }
    }

    /** Every span so far, in order; the last one {@link DenseSpan.End#OPEN} (to the latest step seen) while open. */
    public List<DenseSpan> spans() {
        List<DenseSpan> all = new ArrayList<>(closed);
        if (open != null) {
            all.add(new DenseSpan(open.fromStep(), open.fromEpoch(), latestStep, latestEpoch, DenseSpan.End.OPEN,
                    open.resetWeights(), open.blocks()));
        }
        return all;
    }

    /** The span the masks were in at {@code step}; null when they were not dense after a shrink then. */
    public DenseSpan at(long step) {
        return spans().stream().filter(s -> s.contains(step)).findFirst().orElse(null);
    }

    /** Forgets everything (another run). */
    public void clear() {
        closed.clear();
        open = null;
        latestStep = 0;
        latestEpoch = 0;
    }

    /** A span that never trained (the prune on the shrink's own step) is dropped. */
    private void close(TrainingEvent end, DenseSpan.End kind) {
        if (open != null && end.step() > open.fromStep()) {
            closed.add(new DenseSpan(open.fromStep(), open.fromEpoch(), end.step(), end.epoch(), kind,
                    open.resetWeights(), open.blocks()));
        }
        open = null;
    }

    /**
     * A resumed run trains again from its checkpoint: what came after it is replayed, and a span the stop closed
     * goes on.
     */
    private void rewindTo(RunStarted resumed) {
        long step = resumed.step();
        closed.removeIf(s -> s.fromStep() >= step);
        if (open != null && open.fromStep() >= step) {
            open = null;
        }
        if (open == null && !closed.isEmpty()) {
            DenseSpan last = closed.get(closed.size() - 1);
            if (last.end() == DenseSpan.End.RUN_END || last.untilStep() > step) {
                closed.remove(closed.size() - 1);
                open = last;
            }
        }
        latestStep = Math.min(latestStep, step);
        latestEpoch = Math.min(latestEpoch, resumed.epoch());
    }

    /** Per-block counts of two shrinks in one span; unknown when either is. */
    private static Map<Integer, Long> merged(Map<Integer, Long> a, Map<Integer, Long> b) {
        if (a == null || b == null) {
            return null;
        }
        Map<Integer, Long> sum = new LinkedHashMap<>(a);
        b.forEach((block, n) -> sum.merge(block, n, Long::sum));
        return sum;
    }
}
