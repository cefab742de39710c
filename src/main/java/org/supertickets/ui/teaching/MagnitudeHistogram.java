package org.supertickets.ui.teaching;

import java.util.HashMap;
import java.util.Map;
import org.supertickets.prune.MaskCodec;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;

/**
 * The distribution of |w| over every prunable weight at one snapshot, in three colours: alive, pruned, and
 * reactivated (pruned at the previous pruning event, alive now). Weights are the snapshot's int8 copies, so a bin
 * is never narrower than one quantisation level of the largest layer.
 *
 * @param binWidth    width of one bin in |w|
 * @param alive       weights alive per bin (not counting reactivated ones)
 * @param pruned      weights masked per bin
 * @param reactivated weights back per bin
 * @param threshold   the global threshold of the pruning event shown (NaN before the first)
 * @param compared    weights whose previous mask could be compared (layers whose shape no shrink changed since)
 */
public record MagnitudeHistogram(double binWidth, long[] alive, long[] pruned, long[] reactivated, double threshold,
        long compared) {

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
     * @param snapshot  the snapshot shown
     * @param reference the masks right after the previous pruning event (null: none, nothing is reactivated)
     * @param threshold the threshold of the latest pruning event at or before the snapshot (NaN when none)
     * @return null when the snapshot kept no weights
     */
    public static MagnitudeHistogram of(ConnectivitySnapshot snapshot, ConnectivitySnapshot reference,
            double threshold) {
        if (snapshot == null) {
            return null;
        }
        Map<String, LayerSnapshot> before = new HashMap<>();
        if (reference != null) {
            reference.layers().forEach(l -> before.put(l.name(), l));
        }
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
        long compared = 0;
        for (LayerSnapshot l : snapshot.layers()) {
            if (!prunable(l)) {
                continue;
            }
            int n = (int) l.total();
            float[] w = MaskCodec.decodeWeights(l.weights(), n, l.weightScale());
            boolean[] mask = MaskCodec.decodeMask(l.mask(), n);
            LayerSnapshot old = before.get(l.name());
            boolean[] oldMask = old != null && old.total() == l.total()
                    && java.util.Arrays.equals(old.shape(), l.shape()) ? MaskCodec.decodeMask(old.mask(), n) : null;
            compared += oldMask == null ? 0 : n;
            for (int i = 0; i < n; i++) {
                int bin = (int) Math.min(BINS - 1, Math.abs(w[i]) / width);
                if (!mask[i]) {
                    pruned[bin]++;
                } else if (oldMask != null && !oldMask[i]) {
                    back[bin]++;
                } else {
                    alive[bin]++;
                }
            }
        }
        return new MagnitudeHistogram(width, alive, pruned, back, threshold, compared);
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
