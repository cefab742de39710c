package org.supertickets.ui.monitor;

import java.util.Arrays;

/**
 * One curve as growing arrays of (x, y), with a min/max-per-bucket downsampling for display so a long run
 * keeps its spikes while the chart draws a bounded number of points. The buckets are summarised as points
 * arrive ({@link BucketSummary}), so a redraw costs the same at a thousand points as at a million.
 */
public final class SeriesModel {

    /** How a chart should draw the series. */
    public enum Style { LINE, DASHED, POINTS, BARS }

    private String name;
    private final Style style;
    private boolean markers;
    private boolean smoothable;
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private int size;
    private int revision;
    private final BucketSummary summary = new BucketSummary();

    public SeriesModel(String name, Style style) {
        this.name = name;
        this.style = style;
    }

    /** The legend's name; it may change with the run's task (see {@link #rename}). */
    public String name() {
        return name;
    }

    /** Names the curve anew (e.g. "train" becomes "train pixel accuracy" for a segmentation run). */
    void rename(String newName) {
        if (!name.equals(newName)) {
            name = newName;
            revision++;
        }
    }

    /** Draws a marker at each point: for sparse curves (evaluations, measurements), so shape tells them apart too. */
    SeriesModel withMarkers() {
        markers = true;
        return this;
    }

    public boolean markers() {
        return markers;
    }

    /** A per-step curve the smoothing slider smooths (TensorBoard's), drawn faint behind its smoothed copy. */
    SeriesModel withSmoothing() {
        smoothable = true;
        return this;
    }

    public boolean smoothable() {
        return smoothable;
    }

    /**
     * The curve smoothed as TensorBoard smooths scalars: an exponential moving average with {@code weight} on the
     * past, debiased at the start (divided by {@code 1 - weight^n}, so the first points are not pulled to 0).
     */
    public SeriesModel smoothed(double weight) {
        SeriesModel out = new SeriesModel(name, style);
        double average = 0;
        double debias = 1;
        for (int i = 0; i < size; i++) {
            average = average * weight + (1 - weight) * ys[i];
            debias *= weight;
            out.add(xs[i], weight == 0 ? ys[i] : average / (1 - debias));
        }
        return out;
    }

    public Style style() {
        return style;
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /**
     * The newest point at or before {@code x}: the value a chart shows at a cursor there (the last of several
     * points at the same x, e.g. the sparsity after a pruning event rather than the evaluation before it); -1
     * when the series starts after {@code x}.
     */
    public int lastIndexAtOrBefore(double x) {
        int i = size - 1;
        while (i >= 0 && xs[i] > x) {
            i--;
        }
        return i;
    }

    /** Changes whenever the points change, so a view can skip untouched series. */
    public int revision() {
        return revision;
    }

    public void add(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        summary.add(size, ys);
        size++;
        revision++;
    }

    public void clear() {
        size = 0;
        summary.clear();
        revision++;
    }

    /**
     * At most about {@code maxPoints} points: all of them when few, else per bucket of consecutive points the
     * first, the minimum and the maximum (in x order), so peaks and dips survive. Returns {xs, ys}.
     */
    public double[][] display(int maxPoints) {
        if (size <= maxPoints || maxPoints < 6) {
            return new double[][] {Arrays.copyOf(xs, size), Arrays.copyOf(ys, size)};
        }
        int buckets = maxPoints / 3;
        double[] ox = new double[buckets * 3 + 1];
        double[] oy = new double[buckets * 3 + 1];
        int n = 0;
        boolean summarised = summary.count() >= buckets;
        for (int b = 0; b < buckets; b++) {
            int from;
            int min;
            int max;
            if (summarised) {
                int[] picks = summary.merged(b * summary.count() / buckets, (b + 1) * summary.count() / buckets, ys);
                from = picks[0];
                min = picks[1];
                max = picks[2];
            } else {
                from = (int) ((long) b * size / buckets);
                int to = (int) ((long) (b + 1) * size / buckets);
                min = from;
                max = from;
                for (int i = from + 1; i < to; i++) {
                    if (ys[i] < ys[min]) {
                        min = i;
                    }
                    if (ys[i] > ys[max]) {
                        max = i;
                    }
                }
            }
            int[] picks = {from, Math.min(min, max), Math.max(min, max)};
            int last = -1;
            for (int p : picks) {
                if (p != last) {
                    ox[n] = xs[p];
                    oy[n] = ys[p];
                    n++;
                    last = p;
                }
            }
        }
        // Always end on the newest point.
        if (ox[n - 1] != xs[size - 1] || oy[n - 1] != ys[size - 1]) {
            ox[n] = xs[size - 1];
            oy[n] = ys[size - 1];
            n++;
        }
        return new double[][] {Arrays.copyOf(ox, n), Arrays.copyOf(oy, n)};
    }
}
