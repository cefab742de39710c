package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The task losses against a hand computation. */
class CrossEntropyTest {

    private static final float[][] LOGITS = {{1, 2, 3}, {0.5f, -1, 0}};

    private static double logSoftmax(float[] row, int k) {
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v);
        }
        return row[k] - Math.log(sum);
    }

    @Test
    void softTargetsAreTheCrossEntropyAgainstEachRowsDistribution() {
        float[][] p = {{0.2f, 0.3f, 0.5f}, {1, 0, 0}};
        double expected = 0;
        for (int n = 0; n < 2; n++) {
            for (int k = 0; k < 3; k++) {
                expected -= p[n][k] * logSoftmax(LOGITS[n], k);
            }
        }
        expected /= 2;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray logits = m.create(new float[] {1, 2, 3, 0.5f, -1, 0}, new Shape(2, 3));
            NDArray probabilities = m.create(new float[] {0.2f, 0.3f, 0.5f, 1, 0, 0}, new Shape(2, 3));
            assertEquals(expected, CrossEntropy.softTargets(logits, probabilities).getFloat(), 1e-6);
            // A one-hot distribution is the label itself.
            NDArray labels = m.create(new long[] {2, 0});
            NDArray oneHot = m.create(new float[] {0, 0, 1, 1, 0, 0}, new Shape(2, 3));
            assertEquals(CrossEntropy.loss(logits, labels, 0).getFloat(),
                    CrossEntropy.softTargets(logits, oneHot).getFloat(), 1e-6);
            assertEquals(-(logSoftmax(LOGITS[0], 2) + logSoftmax(LOGITS[1], 0)) / 2,
                    CrossEntropy.loss(logits, labels, 0).getFloat(), 1e-6);
        }
    }
}
