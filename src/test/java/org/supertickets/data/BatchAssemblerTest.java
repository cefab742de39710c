package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {

    /** Five 1x4x4 images; image i has every pixel i / 10 and label i % 3. */
    private static ImageDataset five() {
        float[] pixels = new float[5 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i / 16) / 10f;
        }
        return new ImageDataset("five", 1, 4, 4, 3, pixels, new int[] {0, 1, 2, 0, 1});
    }

    @Test
    void epochOrderIsAReproduciblePermutationPerSeedAndEpoch() {
        int[] order = BatchAssembler.epochOrder(1000, 3, 4);
        assertArrayEquals(IntStream.range(0, 1000).toArray(), Arrays.stream(order).sorted().toArray());
        assertArrayEquals(order, BatchAssembler.epochOrder(1000, 3, 4));
        assertFalse(Arrays.equals(order, BatchAssembler.epochOrder(1000, 3, 5)), "another epoch");
        assertFalse(Arrays.equals(order, BatchAssembler.epochOrder(1000, 4, 4)), "another seed");
        assertFalse(Arrays.equals(order, IntStream.range(0, 1000).toArray()), "shuffled");
        assertEquals(0, BatchAssembler.epochOrder(0, 3, 4).length);
    }

    @Test
    void fillsNormalisedImagesAndLabelsInIndexOrder() {
        ImageDataset data = five();
        Normalization n = new Normalization(new float[] {0.2f}, new float[] {0.1f});
        BatchAssembler assembler = new BatchAssembler(data, n, null);
        float[] images = new float[3 * 16 + 5];
        long[] labels = new long[4];
        Arrays.fill(images, 99f);
        assembler.fill(new int[] {4, 0}, 0, 0, images, labels);
        assertEquals((0.4f - 0.2f) / 0.1f, images[0], 1e-6);
        assertEquals((0.4f - 0.2f) / 0.1f, images[15], 1e-6);
        assertEquals(-2f, images[16], 1e-6);
        assertEquals(99f, images[32], "only the batch is written");
        assertArrayEquals(new long[] {1, 0, 0, 0}, labels);
        assertEquals(0.4f, data.pixels()[4 * 16], "the dataset is not modified");
    }

    @Test
    void augmentedBatchesRepeatForTheSameEpochAndPosition() {
        ImageDataset data = five();
        Normalization n = Normalization.of(data);
        BatchAssembler assembler = new BatchAssembler(data, n, new Augmentation(7));
        int[] indices = {0, 1, 2, 3, 4};
        float[] a = new float[5 * 16];
        float[] b = new float[5 * 16];
        long[] labels = new long[5];
        assembler.fill(indices, 3, 2, a, labels);
        assembler.fill(indices, 3, 2, b, labels);
        assertArrayEquals(a, b);
        assembler.fill(indices, 4, 2, b, labels);
        assertFalse(Arrays.equals(a, b));
        assertArrayEquals(new long[] {0, 1, 2, 0, 1}, labels);
    }

    @Test
    void rejectsBuffersTooSmallForTheBatch() {
        BatchAssembler assembler = new BatchAssembler(five(), Normalization.of(five()), null);
        assertThrows(IllegalArgumentException.class,
                () -> assembler.fill(new int[] {0, 1}, 0, 0, new float[31], new long[2]));
        assertThrows(IllegalArgumentException.class,
                () -> assembler.fill(new int[] {0, 1}, 0, 0, new float[32], new long[1]));
        assertThrows(IndexOutOfBoundsException.class,
                () -> assembler.fill(new int[] {5}, 0, 0, new float[16], new long[1]));
    }
}
