package org.supertickets.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a classification evaluation predicted for each true class: {@code counts[t][p]} images of true class
 * {@code t} taken for class {@code p}. The diagonal holds the images classified right, so it sums to accuracy x
 * images. In the logs it is the bare matrix ({@code "confusionMatrix": [[...], ...]}, row = true class), which jq
 * and pandas read as is.
 *
 * @param counts one row per true class, one column per predicted class; square
 */
public record ConfusionMatrix(int[][] counts) {

    /** Checks the matrix is square and non-negative, and keeps a copy. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ConfusionMatrix {
        int n = counts.length;
        int[][] copy = new int[n][];
        for (int t = 0; t < n; t++) {
            if (counts[t] == null || counts[t].length != n) {
                throw new IllegalArgumentException("confusion matrix row " + t + " has "
                        + (counts[t] == null ? "no" : String.valueOf(counts[t].length)) + " entries, not " + n);
            }
            for (int v : counts[t]) {
                if (v < 0) {
                    throw new IllegalArgumentException("confusion matrix row " + t + " holds a negative count " + v);
                }
            }
            copy[t] = counts[t].clone();
        }
        counts = copy;
    }

    @JsonValue
    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /** Number of classes (rows and columns). */
    public int classes() {
        return counts.length;
    }

    /** Images of true class {@code trueClass} predicted as {@code predicted}. */
    public int count(int trueClass, int predicted) {
        return counts[trueClass][predicted];
    }

    /** Images of true class {@code trueClass}, however predicted. */
    public long rowTotal(int trueClass) {
        long sum = 0;
        for (int v : counts[trueClass]) {
            sum += v;
        }
        return sum;
    }

    /** Share of the images of {@code trueClass} that were predicted as {@code predicted}; 0 for an empty row. */
    public double rowShare(int trueClass, int predicted) {
        long total = rowTotal(trueClass);
        return total == 0 ? 0 : (double) counts[trueClass][predicted] / total;
    }

    /** Images evaluated. */
    public long total() {
        long sum = 0;
        for (int t = 0; t < counts.length; t++) {
            sum += rowTotal(t);
        }
        return sum;
    }

    /** Images classified right (the diagonal). */
    public long correct() {
        long sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += counts[c][c];
        }
        return sum;
    }

    /** Share classified right; NaN when nothing was evaluated. */
    public double accuracy() {
        long total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    /**
     * The off-diagonal cells with the most images, most first (ties: the lower true class, then the lower predicted
     * class first, so the order is a function of the counts alone); at most {@code limit}, none that is empty.
     */
    public List<Cell> mostConfused(int limit) {
        List<Cell> cells = new ArrayList<>();
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                if (t != p && counts[t][p] > 0) {
                    cells.add(new Cell(t, p, counts[t][p]));
                }
            }
        }
        cells.sort(Comparator.comparingInt(Cell::count).reversed().thenComparingInt(Cell::trueClass)
                .thenComparingInt(Cell::predicted));
        return List.copyOf(cells.subList(0, Math.min(limit, cells.size())));
    }

    /**
     * One cell of the matrix.
     *
     * @param trueClass the images' class
     * @param predicted the class they were taken for
     * @param count     how many
     */
    public record Cell(int trueClass, int predicted, int count) {

        /** In words, e.g. {@code Shirt taken for T-shirt/top 87 times}; {@code names} by class index. */
        public String describe(List<String> names) {
            return names.get(trueClass) + " taken for " + names.get(predicted) + " " + count
                    + (count == 1 ? " time" : " times");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix m && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }
}
