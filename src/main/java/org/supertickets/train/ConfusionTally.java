package org.supertickets.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a classification evaluation's predictions into a {@link ConfusionMatrix} as the batches go by, keeping
 * the first few images of every off-diagonal cell, so the most-confused pairs can name examples without a second
 * pass. It only reads the arg-max the evaluation computes anyway: a few integer additions per image. Not
 * thread-safe; one instance per evaluation.
 */
final class ConfusionTally {

    /** How many most-confused pairs a test evaluation records. */
    static final int MOST_CONFUSED_PAIRS = 5;
    /** How many example images each pair keeps. */
    static final int EXAMPLES_PER_PAIR = 6;

    private final int classes;
    private final int[][] counts;
    /** Off-diagonal cell {@code t * classes + p} -> its first images (index into the split), in split order. */
    private final Map<Integer, int[]> examples = new HashMap<>();

    ConfusionTally(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes " + classes);
        }
        this.classes = classes;
        this.counts = new int[classes][classes];
    }

    /**
     * Counts {@code n} images: {@code predicted[i]} against {@code truth[i]}, image {@code i} being image
     * {@code firstIndex + i} of the split.
     *
     * @throws IllegalArgumentException if a class is outside {@code 0..classes-1} (nothing is counted then)
     */
    void add(long[] predicted, long[] truth, int n, int firstIndex) {
        for (int i = 0; i < n; i++) {
            check(predicted[i], "predicted", i);
            check(truth[i], "true", i);
        }
        for (int i = 0; i < n; i++) {
            int t = (int) truth[i];
            int p = (int) predicted[i];
            counts[t][p]++;
            if (t != p) {
                int[] kept = examples.computeIfAbsent(t * classes + p, k -> new int[0]);
                if (kept.length < EXAMPLES_PER_PAIR) {
                    int[] grown = Arrays.copyOf(kept, kept.length + 1);
                    grown[kept.length] = firstIndex + i;
                    examples.put(t * classes + p, grown);
                }
            }
        }
    }

    ConfusionMatrix matrix() {
        return new ConfusionMatrix(counts);
    }

    /** The {@link #MOST_CONFUSED_PAIRS} fullest off-diagonal cells with their first images. */
    List<ConfusedPair> mostConfused() {
        List<ConfusedPair> pairs = new ArrayList<>();
        for (ConfusionMatrix.Cell cell : matrix().mostConfused(MOST_CONFUSED_PAIRS)) {
            pairs.add(new ConfusedPair(cell.trueClass(), cell.predicted(), cell.count(),
                    examples.get(cell.trueClass() * classes + cell.predicted())));
        }
        return List.copyOf(pairs);
    }

    private void check(long label, String which, int i) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(which + " class " + label + " of image " + i + " outside 0.."
                    + (classes - 1));
        }
    }
}
