package org.supertickets.train;

import java.util.Arrays;

/**
 * One of the most-confused (true, predicted) pairs of an evaluation, with a few of its images, so a view can show
 * what the network mistakes for what. The ticket's pairs are on the test split; an evaluation's during the run on
 * the split it measured (validation, or test where none is held out), and its indices are into that split.
 *
 * @param trueClass   the images' class
 * @param predicted   the class the network took them for
 * @param count       how many test images of {@code trueClass} it took for {@code predicted}
 * @param testIndices the first of them in test-split order (at most six),
 *                    as indices into the run's test split: the i-th image the evaluation read, which for the IDX
 *                    datasets is the i-th image of the test file ({@code data.DatasetLoader.loadTest} gives it)
 */
public record ConfusedPair(int trueClass, int predicted, int count, int[] testIndices) {

    public ConfusedPair {
        testIndices = testIndices.clone();
    }

    /** The pair's cell of the matrix. */
    public ConfusionMatrix.Cell cell() {
        return new ConfusionMatrix.Cell(trueClass, predicted, count);
    }

    @Override
    public int[] testIndices() {
        return testIndices.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusedPair p && trueClass == p.trueClass && predicted == p.predicted
                && count == p.count && Arrays.equals(testIndices, p.testIndices);
    }

    @Override
    public int hashCode() {
        return (31 * (31 * trueClass + predicted) + count) * 31 + Arrays.hashCode(testIndices);
    }

    @Override
    public String toString() {
        return "ConfusedPair[" + trueClass + "->" + predicted + " x" + count + " " + Arrays.toString(testIndices)
                + "]";
    }
}
