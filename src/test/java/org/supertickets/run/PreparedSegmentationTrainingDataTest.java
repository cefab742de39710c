package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.supertickets.data.BatchAssembler;
import org.supertickets.data.Normalization;
import org.supertickets.data.PreparedSegmentationData;
import org.supertickets.data.SegmentationDataset;

class PreparedSegmentationTrainingDataTest {

    /** 3 images of 1x2x3; image i's pixels are {@code 10 * i + k}, its mask {@code (i + k) % 4}. */
    private static SegmentationDataset images(String name) {
        byte[] pixels = new byte[18];
        byte[] masks = new byte[18];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 6; k++) {
                pixels[i * 6 + k] = (byte) (10 * i + k);
                masks[i * 6 + k] = (byte) ((i + k) % 4);
            }
        }
        return new SegmentationDataset(name, 1, 2, 3, 4, pixels, masks);
    }

    private final Normalization normalization = new Normalization(new float[] {0.5f}, new float[] {0.25f});
    private final PreparedSegmentationTrainingData data = new PreparedSegmentationTrainingData(
            new PreparedSegmentationData(images("train"), images("validation").first(2), images("test").first(1),
                    normalization), 42);

    @Test
    void oneLabelPerPixelAndTheSplitsSizes() {
        assertEquals(6, data.labelsPerImage());
        assertEquals(4, data.classes());
        assertEquals(3, data.trainSize());
        assertEquals(2, data.validationSize());
        assertEquals(1, data.testSize());
        assertArrayEquals(BatchAssembler.epochOrder(3, 42, 5), data.epochOrder(5));
    }

    @Test
    void fillsNormalisedImagesAndTheirMasksIntoLongerBuffers() {
        float[] images = new float[3 * 6];
        long[] labels = new long[3 * 6];
        labels[17] = -7;
        data.fillTrain(new int[] {2, 0}, 3, 1, images, labels);
        for (int k = 0; k < 6; k++) {
            assertEquals(((20 + k) / 255f - 0.5f) / 0.25f, images[k], 1e-6);
            assertEquals((2 + k) % 4, labels[k]);
            assertEquals((k / 255f - 0.5f) / 0.25f, images[6 + k], 1e-6);
            assertEquals(k % 4, labels[6 + k]);
        }
        assertEquals(-7, labels[17], "past the batch untouched");
        long[] test = new long[6];
        data.fillTest(new int[] {0}, new float[6], test);
        assertArrayEquals(new long[] {0, 1, 2, 3, 0, 1}, test);
        assertThrows(IllegalArgumentException.class, () -> data.fillValidation(new int[] {0, 1}, new float[12],
                new long[11]), "labels for a whole batch of masks");
        assertThrows(IndexOutOfBoundsException.class, () -> data.fillValidation(new int[] {2}, new float[6],
                new long[6]));
    }
}
