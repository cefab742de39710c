package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The matrix and the most-confused pairs of scripted predictions, counted by hand. */
class ConfusionTallyTest {

    @Test
    void countsEveryPredictionInItsCellAndKeepsTheFirstImagesOfEachMistake() {
        ConfusionTally tally = new ConfusionTally(3);
        // Two batches: images 0..4, then 5..12 of the split.
        tally.add(new long[] {0, 1, 0, 2, 2}, new long[] {0, 1, 1, 2, 1}, 5, 0);
        tally.add(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 99}, new long[] {1, 1, 1, 1, 1, 1, 1, 2, 0}, 8, 5);

        ConfusionMatrix m = tally.matrix();
        assertArrayEquals(new int[] {1, 0, 0}, m.counts()[0]);
        assertArrayEquals(new int[] {8, 1, 1}, m.counts()[1], "image 2 and seven of the second batch: 1 taken for 0");
        assertArrayEquals(new int[] {1, 0, 1}, m.counts()[2]);
        assertEquals(13, m.total(), "the ninth entry of the second batch was beyond n and is not counted");
        assertEquals(3, m.correct());
        assertEquals(3.0 / 13, m.accuracy(), 1e-12);
        assertEquals(0.8, m.rowShare(1, 0), 1e-12);

        List<ConfusedPair> pairs = tally.mostConfused();
        assertEquals(List.of(new ConfusedPair(1, 0, 8, new int[] {2, 5, 6, 7, 8, 9}),
                new ConfusedPair(1, 2, 1, new int[] {4}), new ConfusedPair(2, 0, 1, new int[] {12})), pairs,
                "fullest first, ties by true then predicted class; six examples at most, in split order");
    }

    @Test
    void keepsAtMostFivePairsAndRefusesAClassOutsideTheRange() {
        int classes = 4;
        ConfusionTally tally = new ConfusionTally(classes);
        long[] predicted = new long[classes * classes];
        long[] truth = new long[classes * classes];
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                truth[t * classes + p] = t;
                predicted[t * classes + p] = p;
            }
        }
        tally.add(predicted, truth, predicted.length, 100);
        assertEquals(ConfusionTally.MOST_CONFUSED_PAIRS, tally.mostConfused().size());
        assertEquals(new ConfusedPair(0, 1, 1, new int[] {101}), tally.mostConfused().get(0));

        assertThrows(IllegalArgumentException.class, () -> tally.add(new long[] {4}, new long[] {0}, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> tally.add(new long[] {0}, new long[] {-1}, 1, 0));
        assertEquals(16, tally.matrix().total(), "a refused batch counts nothing");
    }

    @Test
    void aMatrixMustBeSquare() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(new int[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(new int[][] {{1, -2}, {3, 4}}));
        ConfusionMatrix m = new ConfusionMatrix(new int[][] {{5, 0}, {2, 3}});
        assertEquals(List.of(new ConfusionMatrix.Cell(1, 0, 2)), m.mostConfused(5));
        m.counts()[0][0] = 99;
        assertEquals(5, m.count(0, 0), "the matrix hands out copies");
    }
}
