package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SegmentationScoresTest {

    /*
     * 4 classes (0 = background), a 4x4 image; class 3 is in neither truth nor prediction.
     *
     *   truth      predicted
     *   0 0 1 1    0 0 1 1
     *   0 0 1 1    0 1 1 1
     *   2 2 0 0    2 0 0 0
     *   2 2 0 0    2 2 0 1
     *
     * Confusion (truth row, predicted column):       right: 6 + 4 + 3 = 13 of 16 -> accuracy 13/16 = 0.8125
     *   class 0: 8 pixels: 6 as 0, 2 as 1 ((1,1), (3,3))
     *   class 1: 4 pixels: 4 as 1
     *   class 2: 4 pixels: 3 as 2, 1 as 0 ((2,1))
     * IoU 0 = TP 6 / (6 + FP 1 + FN 2) = 6/9
     * IoU 1 = 4 / (4 + FP 2 + FN 0)    = 4/6
     * IoU 2 = 3 / (3 + FP 0 + FN 1)    = 3/4
     * IoU 3 = 0/0 -> NaN, skipped by the means
     * mIoU with background    = (6/9 + 4/6 + 3/4) / 3 = (0.6667 + 0.6667 + 0.75) / 3 = 0.69444
     * mIoU without background = (4/6 + 3/4) / 2 = 0.70833
     */
    private static final long[] TRUTH = {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 0, 0, 2, 2, 0, 0};
    private static final long[] PREDICTED = {0, 0, 1, 1, 0, 1, 1, 1, 2, 0, 0, 0, 2, 2, 0, 1};

    @Test
    void handWorkedFourByFourExample() {
        SegmentationScores scores = new SegmentationScores(4);
        scores.add(PREDICTED, TRUTH, 16);
        assertEquals(16, scores.pixels());
        assertEquals(13 / 16.0, scores.pixelAccuracy(), 1e-12);
        assertEquals(6 / 9.0, scores.iou(0), 1e-12);
        assertEquals(4 / 6.0, scores.iou(1), 1e-12);
        assertEquals(3 / 4.0, scores.iou(2), 1e-12);
        assertTrue(Double.isNaN(scores.iou(3)), "absent from truth and prediction");
        assertEquals((6 / 9.0 + 4 / 6.0 + 3 / 4.0) / 3, scores.meanIou(), 1e-12);
        assertEquals(0.694444, scores.meanIou(), 1e-6);
        assertEquals((4 / 6.0 + 3 / 4.0) / 2, scores.meanIouWithoutBackground(), 1e-12);
        assertEquals(0.708333, scores.meanIouWithoutBackground(), 1e-6);
        assertEquals(2, scores.count(0, 1));
        assertEquals(1, scores.count(2, 0));
    }

    @Test
    void batchesAccumulateAndOnlyTheFirstPixelsCount() {
        SegmentationScores whole = new SegmentationScores(4);
        whole.add(PREDICTED, TRUTH, 16);
        SegmentationScores batches = new SegmentationScores(4);
        long[] predicted = new long[12];
        long[] truth = new long[12];
        for (int from = 0; from < 16; from += 8) {
            System.arraycopy(PREDICTED, from, predicted, 0, 8);
            System.arraycopy(TRUTH, from, truth, 0, 8);
            predicted[9] = 3; // past the batch: must not count
            batches.add(predicted, truth, 8);
        }
        assertArrayEquals(whole.perClassIou(), batches.perClassIou());
        assertEquals(whole.pixelAccuracy(), batches.pixelAccuracy());
        batches.clear();
        assertEquals(0, batches.pixels());
        assertTrue(Double.isNaN(batches.pixelAccuracy()) && Double.isNaN(batches.meanIou()));
    }

    @Test
    void aClassPredictedButNeverTrueScoresZeroNotNaN() {
        SegmentationScores scores = new SegmentationScores(3);
        scores.add(new long[] {2, 0}, new long[] {0, 0}, 2);
        assertEquals(0.0, scores.iou(2));
        assertEquals(0.5, scores.iou(0));
        assertTrue(Double.isNaN(scores.iou(1)));
        assertEquals(0.25, scores.meanIou(), 1e-12);
        assertEquals(0.0, scores.meanIouWithoutBackground());
    }

    @Test
    void refusesLabelsOutsideTheClassesWithoutCountingAnything() {
        SegmentationScores scores = new SegmentationScores(3);
        assertThrows(IllegalArgumentException.class, () -> scores.add(new long[] {0, 3}, new long[] {0, 0}, 2));
        assertThrows(IllegalArgumentException.class, () -> scores.add(new long[] {0, 0}, new long[] {-1, 0}, 2));
        assertThrows(IllegalArgumentException.class, () -> scores.add(new long[] {0}, new long[] {0, 0}, 2));
        assertEquals(0, scores.pixels());
    }
}
