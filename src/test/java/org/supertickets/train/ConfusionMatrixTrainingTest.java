package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;

/**
 * A tiny real run records the confusion matrix of every evaluation and of the ticket's test evaluation, and the
 * matrices agree with the accuracies the run reports beside them.
 */
class ConfusionMatrixTrainingTest {

    private static boolean relabelled(int testIndex) {
        return testIndex % 5 == 0;
    }

    @Test
    void everyEvaluationRecordsAMatrixThatAgreesWithItsAccuracy() {
        int classes = 4;
        SyntheticData clean = new SyntheticData(256, classes, 12, 3);
        // Every fifth test image carries the next class's label: the network, right on every clean test image (the
        // tiny task is easy), then takes exactly those for their real class, so the mistakes are known in advance.
        TrainingData data = new ForwardingData(clean) {
            @Override
            public void fillTest(int[] indices, float[] images, long[] labels) {
                super.fillTest(indices, images, labels);
                for (int i = 0; i < indices.length; i++) {
                    if (relabelled(indices[i])) {
                        labels[i] = (labels[i] + 1) % classes;
                    }
                }
            }
        };
        List<EvalMetrics> evals = new ArrayList<>();
        RunFinished finished = new TwoInOneTrainer(TestConfigs.tinySynthetic(), "h", data, Device.cpu(), e -> {
            if (e instanceof EvalMetrics m) {
                evals.add(m);
            }
        }, new TrainingControl(), CheckpointStore.NONE).run();
        assertEquals(RunFinished.Outcome.COMPLETED, finished.outcome(), finished.message());

        assertFalse(evals.isEmpty());
        for (EvalMetrics e : evals) {
            ConfusionMatrix m = e.confusionMatrix();
            assertNotNull(m, "evaluation at step " + e.step());
            assertEquals(classes, m.classes());
            assertEquals(data.validationSize(), m.total(), "every validation image once, step " + e.step());
            assertEquals(e.validationAccuracy() * data.validationSize(), m.correct(), 1e-6,
                    "the diagonal is accuracy x images, step " + e.step());
            for (int t = 0; t < classes; t++) {
                assertEquals(data.validationSize() / classes, m.rowTotal(t), "a row holds its class's images");
            }
            List<ConfusedPair> evalPairs = e.mostConfused();
            assertNotNull(evalPairs, "every evaluation names its most-confused pairs, step " + e.step());
            assertEquals(m.mostConfused(ConfusionTally.MOST_CONFUSED_PAIRS).size(), evalPairs.size());
            float[] one = new float[12 * 12];
            long[] its = new long[1];
            for (ConfusedPair pair : evalPairs) {
                assertEquals(m.count(pair.trueClass(), pair.predicted()), pair.count());
                for (int index : pair.testIndices()) {
                    assertTrue(index >= 0 && index < data.validationSize(), "an index into the validation split");
                    data.fillValidation(new int[] {index}, one, its);
                    assertEquals(pair.trueClass(), its[0], "validation image " + index + " is of the true class");
                }
            }
        }

        ConfusionMatrix test = finished.testConfusionMatrix();
        assertNotNull(test);
        assertEquals(data.testSize(), test.total());
        assertEquals(finished.testAccuracy() * data.testSize(), test.correct(), 1e-6);
        List<ConfusedPair> pairs = finished.mostConfused();
        assertNotNull(pairs);
        long relabelled = java.util.stream.IntStream.range(0, data.testSize()).filter(i -> relabelled(i)).count();
        assertEquals(data.testSize() - relabelled, test.correct(), "the relabelled images are the mistakes: " + test);
        assertFalse(pairs.isEmpty());
        assertEquals(test.mostConfused(ConfusionTally.MOST_CONFUSED_PAIRS).size(), pairs.size());
        float[] image = new float[12 * 12];
        long[] label = new long[1];
        for (ConfusedPair pair : pairs) {
            assertEquals(test.count(pair.trueClass(), pair.predicted()), pair.count());
            assertEquals(Math.min(ConfusionTally.EXAMPLES_PER_PAIR, pair.count()), pair.testIndices().length);
            assertEquals((pair.trueClass() + classes - 1) % classes, pair.predicted(), "taken for its real class");
            int previous = -1;
            for (int index : pair.testIndices()) {
                assertTrue(relabelled(index) && index > previous, "example " + index + " is a mistake, in order");
                data.fillTest(new int[] {index}, image, label);
                assertEquals(pair.trueClass(), label[0], "example " + index + " is an image of the true class");
                previous = index;
            }
        }
    }
}
