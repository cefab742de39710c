package org.supertickets.ui.heatmap;

import java.util.Arrays;
import java.util.Locale;
import org.supertickets.prune.MaskChange;
import org.supertickets.prune.MaskCodec;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.SnapshotComparison;

/**
 * One layer's weights as a grid: rows = output channels, columns = input channels × kernel positions (or,
 * folded, one cell per k×k kernel). Each cell holds the signed weight relative to the layer's largest |w|
 * and a state: pruned (empty), kept, turned on (○) or turned off (×) since the previous snapshot. Beside that
 * snapshot diff it counts the kinds of {@link MaskChange} the way the trainer counts its events: at a shrink the
 * weights reset by it, at a pruning event newly pruned and back by re-ranking against the previous pruning event,
 * and what became of the weights a shrink reset in between.
 */
public final class HeatmapData {

    public static final byte EMPTY = 0;
    public static final byte KEPT = 1;
    /** Kept now, pruned in the previous snapshot. */
    public static final byte REACTIVATED = 2;
    /** Pruned now, alive in the previous snapshot. */
    public static final byte NEWLY_PRUNED = 3;

    private final String layer;
    private final long[] shape;
    private final int rows;
    private final int cols;
    private final boolean folded;
    private final float[] values;
    private final byte[] states;
    private final boolean hasWeights;
    private final boolean diffAvailable;
    private final long kept;
    private final long total;
    private final long reactivated;
    private final long newlyPruned;
    /** Counts by {@link MaskChange} ordinal; null when the kinds are not known for this layer. */
    private long[] kinds;
    private boolean atShrink;
    private int bandWidth;

    private HeatmapData(String layer, long[] shape, int rows, int cols, boolean folded, float[] values,
            byte[] states, boolean hasWeights, boolean diffAvailable, long kept, long total, long reactivated,
            long newlyPruned) {
        this.layer = layer;
        this.shape = shape;
        this.rows = rows;
        this.cols = cols;
        this.folded = folded;
        this.values = values;
        this.states = states;
        this.hasWeights = hasWeights;
        this.diffAvailable = diffAvailable;
        this.kept = kept;
        this.total = total;
        this.reactivated = reactivated;
        this.newlyPruned = newlyPruned;
    }

    /**
     * Decodes {@code layer} of the compared snapshot, diffs it with the previous snapshot and counts each kind of
     * change against the references the trainer uses ({@link SnapshotComparison}).
     */
    public static HeatmapData against(LayerSnapshot layer, SnapshotComparison comparison, boolean fold) {
        LayerSnapshot previous = comparison == null ? null : find(comparison.previous(), layer.name());
        HeatmapData d = of(layer, previous, fold);
        MaskChange[] changes = comparison == null ? null : comparison.changes(layer);
        if (changes != null) {
            d.kinds = new long[MaskChange.values().length];
            for (MaskChange c : changes) {
                d.kinds[c.ordinal()]++;
            }
            d.atShrink = comparison.atShrink();
        }
        return d;
    }

    private static LayerSnapshot find(ConnectivitySnapshot snapshot, String name) {
        if (snapshot != null) {
            for (LayerSnapshot l : snapshot.layers()) {
                if (l.name().equals(name)) {
                    return l;
                }
            }
        }
        return null;
    }

    /**
     * Decodes a layer and compares it with the same layer in the previous snapshot (when its shape is the
     * same; after a shrink the channels were renumbered, so there is no per-weight diff). The kinds of change
     * are not counted: see {@link #against(LayerSnapshot, SnapshotComparison, boolean)}.
     */
    public static HeatmapData of(LayerSnapshot layer, LayerSnapshot previous, boolean fold) {
        int n = Math.toIntExact(layer.total());
        boolean[] alive = MaskCodec.decodeMask(layer.mask(), n);
        float[] weights = layer.weights() == null ? null : MaskCodec.decodeWeights(layer.weights(), n, 1f);
        boolean diff = previous != null && Arrays.equals(previous.shape(), layer.shape());
        boolean[] before = diff ? MaskCodec.decodeMask(previous.mask(), n) : null;
        long[] shape = layer.shape();
        int outChannels = (int) shape[0];
        int inPerGroup = shape.length > 1 ? (int) shape[1] : 1;
        int k2 = shape.length > 3 ? (int) (shape[2] * shape[3]) : 1;
        int unit = fold ? k2 : 1;
        int rows = outChannels;
        int cols = inPerGroup * (fold ? 1 : k2);
        float[] values = new float[rows * cols];
        byte[] states = new byte[rows * cols];
        long kept = 0;
        long reactivated = 0;
        long newlyPruned = 0;
        for (int i = 0; i < n; i++) {
            if (alive[i]) {
                kept++;
                if (before != null && !before[i]) {
                    reactivated++;
                }
            } else if (before != null && before[i]) {
                newlyPruned++;
            }
        }
        // Weight i of [out, in, kh, kw] is at row out, column (in * k2 + pos): already row-major in that order,
        // so unfolded cell index == weight index; folded cells gather k2 consecutive weights.
        for (int cell = 0; cell < rows * cols; cell++) {
            int from = cell * unit;
            float best = 0;
            boolean anyAlive = false;
            boolean anyReactivated = false;
            boolean anyNewlyPruned = false;
            for (int i = from; i < from + unit; i++) {
                if (alive[i]) {
                    float w = weights == null ? 0.5f : weights[i];
                    if (!anyAlive || Math.abs(w) > Math.abs(best)) {
                        best = w;
                    }
                    anyAlive = true;
                    anyReactivated |= before != null && !before[i];
                } else {
                    anyNewlyPruned |= before != null && before[i];
                }
            }
            values[cell] = best;
            states[cell] = anyReactivated ? REACTIVATED : anyAlive ? KEPT : anyNewlyPruned ? NEWLY_PRUNED : EMPTY;
        }
        return new HeatmapData(layer.name(), shape.clone(), rows, cols, fold, values, states, weights != null, diff,
                kept, n, reactivated, newlyPruned);
    }

    public String layer() {
        return layer;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public boolean folded() {
        return folded;
    }

    /** Signed weight of a cell in [-1, 1] (relative to the layer's largest |w|); 0 when empty. */
    public float value(int row, int col) {
        return values[row * cols + col];
    }

    public byte state(int row, int col) {
        return states[row * cols + col];
    }

    float[] values() {
        return values;
    }

    byte[] states() {
        return states;
    }

    public boolean hasWeights() {
        return hasWeights;
    }

    public boolean diffAvailable() {
        return diffAvailable;
    }

    public long kept() {
        return kept;
    }

    public long total() {
        return total;
    }

    public long reactivated() {
        return reactivated;
    }

    public long newlyPruned() {
        return newlyPruned;
    }

    /** How many weights changed this way (docs/metrics.md); -1 when the kinds are not known for this layer. */
    public long count(MaskChange kind) {
        return kinds == null ? -1 : kinds[kind.ordinal()];
    }

    /**
     * The same cells with the rows cut into {@code bands} side-by-side bands, left to right, separated by one
     * empty column: a tall, narrow layer (144 output channels × 24 inputs, or one column of a 1×1 layer) then
     * fills a wide viewport instead of a strip. Counts and summary stay those of the layer.
     */
    public HeatmapData inBands(int bands) {
        if (bands <= 1) {
            return this;
        }
        int bandRows = (rows + bands - 1) / bands;
        int bandCols = bands * cols + (bands - 1);
        float[] v = new float[bandRows * bandCols];
        byte[] st = new byte[bandRows * bandCols];
        for (int r = 0; r < rows; r++) {
            int to = (r % bandRows) * bandCols + (r / bandRows) * (cols + 1);
            System.arraycopy(values, r * cols, v, to, cols);
            System.arraycopy(states, r * cols, st, to, cols);
        }
        HeatmapData d = new HeatmapData(layer, shape, bandRows, bandCols, folded, v, st, hasWeights, diffAvailable,
                kept, total, reactivated, newlyPruned);
        d.kinds = kinds;
        d.atShrink = atShrink;
        d.bandWidth = cols;
        return d;
    }

    /** Columns of one band (the layer's columns) when laid out {@link #inBands in bands}, else 0. */
    public int bandWidth() {
        return bandWidth;
    }

    /**
     * The number of bands that gives the largest cells in a viewport, with cells at most {@code maxCell} pixels
     * (beyond that, more bands only add empty space).
     */
    public static int bestBands(int rows, int cols, double width, double height, double maxCell) {
        int best = 1;
        double bestCell = 0;
        for (int b = 1; b <= rows; b++) {
            double cell = Math.min(maxCell, Math.min(width / (b * cols + (b - 1)), height / ((rows + b - 1) / b)));
            if (cell > bestCell + 1e-9) {
                best = b;
                bestCell = cell;
            }
        }
        return best;
    }

    /** One line: name, shape, alive share and the diff counts. */
    public String summary() {
        StringBuilder sb = new StringBuilder(layer).append(" · ");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "×").append(shape[i]);
        }
        sb.append(String.format(Locale.ROOT, " · %,d / %,d alive (%.1f%%)", kept, total,
                total == 0 ? 0 : 100.0 * kept / total));
        if (kinds != null && atShrink) {
            sb.append(String.format(Locale.ROOT, " · this shrink: %,d reset by the shrink ○ (fresh masks; since the "
                    + "previous snapshot)", count(MaskChange.RESET_BY_SHRINK)));
        } else if (kinds != null) {
            long reset = count(MaskChange.RESET_KEPT) + count(MaskChange.RESET_PRUNED_AGAIN);
            sb.append(String.format(Locale.ROOT, " · since the previous prune: %,d newly pruned ×, %,d back by "
                    + "re-ranking ○", count(MaskChange.NEWLY_PRUNED), count(MaskChange.BACK_BY_RERANKING)));
            if (reset > 0) {
                sb.append(String.format(Locale.ROOT, "; of %,d reset by a shrink since: %,d kept, %,d pruned again ×",
                        reset, count(MaskChange.RESET_KEPT), count(MaskChange.RESET_PRUNED_AGAIN)));
            }
        } else if (diffAvailable) {
            sb.append(String.format(Locale.ROOT, " · since the previous snapshot: %,d turned on ○, %,d turned off ×",
                    reactivated, newlyPruned));
        } else {
            sb.append(" · no per-weight diff (first snapshot, or the layer was reshaped by a shrink)");
        }
        return sb.toString();
    }
}
