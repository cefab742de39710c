package org.supertickets.ui.predictions;

import java.util.List;
import org.supertickets.data.ImageDataset;
import org.supertickets.train.ConfusedPair;
import org.supertickets.train.ConfusionMatrix;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.RunFinished;

/** Scripted evaluations of a 10-class run with known confusion matrices, and a test split to show images of. */
final class ConfusionScript {

    static final int SIDE = 4;

    private ConfusionScript() {
    }

    /** 100 validation images per class; {@code shirtAsTop} Shirts (class 6) taken for T-shirt/top (class 0). */
    static ConfusionMatrix matrix(int shirtAsTop) {
        int[][] counts = new int[10][10];
        for (int c = 0; c < 10; c++) {
            counts[c][c] = 100;
        }
        counts[6][6] -= shirtAsTop;
        counts[6][0] += shirtAsTop;
        counts[4][4] -= 5;
        counts[4][2] += 5; // Coat taken for Pullover, fewer
        return new ConfusionMatrix(counts);
    }

    static EvalMetrics eval(long step, ConfusionMatrix matrix) {
        return eval(step, matrix, null);
    }

    /** An evaluation on the validation split with its most-confused pairs (null: a log from before they were). */
    static EvalMetrics eval(long step, ConfusionMatrix matrix, List<ConfusedPair> pairs) {
        return new EvalMetrics(step, step / 100.0, 0.5, matrix == null ? 0.81 : matrix.accuracy(), 0.2, 0.2, 1000,
                800, 790, 500, 400, 40, 4, 2, EvalMetrics.VALIDATION, null, matrix, pairs);
    }

    static RunFinished finished(long step, ConfusionMatrix test, List<ConfusedPair> pairs) {
        return new RunFinished(step, step / 100.0, RunFinished.Outcome.COMPLETED, "Completed " + step + " steps.",
                test == null ? 0.7 : test.accuracy(), 0.6, 0.7, 0.75, 1000, 250, 400, 12, 1e9, null, test, pairs);
    }

    /** The two pairs of {@link #matrix}(87) with their first images. */
    static List<ConfusedPair> pairs() {
        return List.of(new ConfusedPair(6, 0, 87, new int[] {3, 5, 7}), new ConfusedPair(4, 2, 5, new int[] {1}));
    }

    /** Eight 4x4 grey test images, image i with every pixel at i / 10 (image 3: 0.3, grey 77). */
    static ImageDataset testSplit() {
        float[] pixels = new float[8 * SIDE * SIDE];
        int[] labels = new int[8];
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < SIDE * SIDE; k++) {
                pixels[i * SIDE * SIDE + k] = i / 10f;
            }
            labels[i] = i % 10;
        }
        return new ImageDataset("tiny-test", 1, SIDE, SIDE, 10, pixels, labels);
    }
}
