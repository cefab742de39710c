package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.supertickets.space.DataConfig;

/** The canvas datasets composed from the embedded assets, with the default spec. */
class EmbeddedCanvasesTest {

    @Test
    void fashionMnistCanvasesHaveTheDefaultSizeAndEveryClass() throws Exception {
        DataConfig config = new DataConfig("fashion-mnist-canvas", null, 1, 64, 64, 11, 0.1, 0, 0, false);
        PreparedSegmentationData data = SegmentationLoader.load(config, 1);
        assertEquals(24_000L * 64 * 64 * 2, data.train().pixels().length + data.train().masks().length
                + data.validation().pixels().length + data.validation().masks().length + data.test().pixels().length
                + data.test().masks().length, "bytes held: 197 MB, as SegmentationLoader's comment says");
        assertEquals(18000, data.train().size());
        assertEquals(2000, data.validation().size());
        assertEquals(4000, data.test().size());
        long[] perClass = new long[11];
        for (byte m : data.test().masks()) {
            perClass[m]++;
        }
        for (int c = 0; c < 11; c++) {
            assertTrue(perClass[c] > 0, "class " + c + " on the test canvases");
        }
        double background = (double) perClass[0] / data.test().masks().length;
        assertTrue(background > 0.6 && background < 0.95, "background share " + background);
    }
}
