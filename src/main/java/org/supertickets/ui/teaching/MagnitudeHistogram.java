package org.supertickets.ui.teaching;

import org.supertickets.prune.MaskChange;
import org.supertickets.prune.MaskCodec;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.SnapshotComparison;

/**
 * The distribution of |w| over every prunable weight at one snapshot, in four colours: alive, pruned, back by
 * re-ranking and reset by a shrink, each kind counted as the trainer counts its events ({@link MaskChange},
 * {@link SnapshotComparison}): at a shrink snapshot "reset" is what that shrink turned on; at a pruning event's
 * snapshot "back by re-ranking" is pruned at the previous pruning event and masked until this one, "reset" is
 * what a shrink turned on since and this event kept. Weights are the snapshot's int8 copies, so a bin is never
 * narrower than one quantisation level of the largest layer.
 *
 * @param binWidth        width of one bin in |w|
 * @param alive           weights alive per bin (not counting those back or reset)
 * @param pruned          weights masked per bin
 * @param backByReranking weights back by re-ranking per bin
 * @param resetByShrink   weights a shrink's fresh masks turned on (alive now) per bin
 * @param threshold       the global threshold of the pruning event shown (NaN before the first)
 * @param compared        weights whose change could be told (layers whose shape no shrink changed since the
 *                        reference)
 * @param atShrink        true when the snapshot is a shrink's
 */
public record MagnitudeHistogram(double binWidth, long[] alive, long[] pruned, long[] backByReranking,
        long[] resetByShrink, double threshold, long compared, boolean atShrink) {

    /** Bins of the chart. */
    public static final int BINS = 60;

    public long total(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    public double maxValue() {
        return binWidth * alive.length;
    }

    /**
     * @param snapshot  the snapshot shown, a pruning event's
     * @param reference the previous pruning event's snapshot, no shrink in between (null: nothing is back)
     * @param threshold the threshold of the latest pruning event at or before the snapshot (NaN when none)
     * @return null when the snapshot kept no weights
     */
    public static MagnitudeHistogram of(ConnectivitySnapshot snapshot, ConnectivitySnapshot reference,
            double threshold) {
        return snapshot == null ? null : of(new SnapshotComparison(snapshot, reference, reference), threshold);
    }

    /**
     * @param compared  the snapshot shown and its references
     * @param threshold the threshold of the latest pruning event at or before the snapshot (NaN when none)
     * @return null when the snapshot kept no weights
     */
    public static MagnitudeHistogram of(SnapshotComparison compared, double threshold) {
        if (compared == null) {
            return null;
        }
        ConnectivitySnapshot snapshot = compared.current();
        double max = 0;
        for (LayerSnapshot l : snapshot.layers()) {
            if (prunable(l)) {
                max = Math.max(max, l.weightScale());
            }
        }
        if (max == 0) {
            return null;
        }
        // The range ends where most weights are: a few large weights would squeeze the threshold into one bin.
        double range = Math.max(Double.isNaN(threshold) ? 0 : threshold * 4, percentile99(snapshot));
        range = Math.min(max, range > 0 ? range : max);
        double width = range / BINS;
        long[] alive = new long[BINS];
        long[] pruned = new long[BINS];
        long[] back = new long[BINS];
        long[] reset = new long[BINS];
        long counted = 0;
        for (LayerSnapshot l : snapshot.layers()) {
            if (!prunable(l)) {
                continue;
            }
            int n = (int) l.total();
            float[] w = MaskCodec.decodeWeights(l.weights(), n, l.weightScale());
            boolean[] mask = MaskCodec.decodeMask(l.mask(), n);
            MaskChange[] changes = compared.changes(l);
            counted += changes == null ? 0 : n;
            for (int i = 0; i < n; i++) {
                int bin = (int) Math.min(BINS - 1, Math.abs(w[i]) / width);
                MaskChange c = changes == null ? MaskChange.UNCHANGED : changes[i];
                if (!mask[i]) {
                    pruned[bin]++;
                } else if (c == MaskChange.BACK_BY_RERANKING) {
                    back[bin]++;
                } else if (c == MaskChange.RESET_BY_SHRINK || c == MaskChange.RESET_KEPT) {
                    reset[bin]++;
                } else {
                    alive[bin]++;
                }
            }
        }
        return new MagnitudeHistogram(width, alive, pruned, back, reset, threshold, counted, compared.atShrink());
    }

    /**
     * Ticks of the count axis, largest first: the largest round count (1, 2 or 5 times a power of ten) at most
     * {@code max}, then a quarter and a sixteenth of it (half and a quarter of the height on the square-root scale),
     * rounded, while at least 1 and distinct.
     */
    public static long[] countTicks(long max) {
        long top = roundDown(Math.max(1, max));
        java.util.List<Long> ticks = new java.util.ArrayList<>(java.util.List.of(top));
        for (long divisor : new long[] {4, 16}) {
            long t = roundDown(Math.max(1, top / divisor));
            if (t < ticks.get(ticks.size() - 1)) {
                ticks.add(t);
            }
        }
        return ticks.stream().mapToLong(Long::longValue).toArray();
    }

    /** The largest 1, 2 or 5 times a power of ten that is at most {@code v} (v >= 1). */
    private static long roundDown(long v) {
        long power = 1;
        while (power * 10 <= v) {
            power *= 10;
        }
        return v >= 5 * power ? 5 * power : v >= 2 * power ? 2 * power : power;
    }

    private static boolean prunable(LayerSnapshot l) {
        return l.weights() != null && l.kind() != org.supertickets.space.LayerKind.CLASSIFIER;
    }

    /** The 99th percentile of |w| over all prunable weights (from a coarse 1,000-bin count). */
    private static double percentile99(ConnectivitySnapshot snapshot) {
        double max = snapshot.layers().stream().filter(MagnitudeHistogram::prunable)
                .mapToDouble(LayerSnapshot::weightScale).max().orElse(0);
        if (max == 0) {
            return 0;
        }
        long[] counts = new long[1000];
        long total = 0;
        for (LayerSnapshot l : snapshot.layers()) {
            if (prunable(l)) {
                for (float v : MaskCodec.decodeWeights(l.weights(), (int) l.total(), l.weightScale())) {
                    counts[(int) Math.min(999, Math.abs(v) / max * 1000)]++;
                    total++;
                }
            }
        }
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= 0.99 * total) {
                return (i + 1) * max / 1000;
            }
        }
        return max;
    }
}
