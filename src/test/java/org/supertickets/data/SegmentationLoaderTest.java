package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.supertickets.data.Fixtures.assertMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.space.DataConfig;

/** The canvas datasets, from tiny in-memory sources; {@link MaskFolderReaderTest} covers mask-folder. */
class SegmentationLoaderTest {

    private static final int TRAIN_LEVEL = 153;
    private static final int TEST_LEVEL = 230;
    /** Every training source pixel is 153/255, every test one 230/255: a canvas pixel tells its split. */
    private static final TrainTestSets SOURCES = new TrainTestSets(
            CanvasComposerTest.solid("src-train", 40, 10, TRAIN_LEVEL / 255f),
            CanvasComposerTest.solid("src-test", 10, 10, TEST_LEVEL / 255f));
    private static final CanvasSpec SPEC = new CanvasSpec(2, 4, 0.2f, 200, 50);

    private static DataConfig config(double validation, int trainLimit, int testLimit) {
        return new DataConfig("fashion-mnist-canvas", null, 1, 12, 12, 11, validation, trainLimit, testLimit, false);
    }

    private static PreparedSegmentationData load(DataConfig config, long seed) throws DatasetException {
        return SegmentationLoader.split(config, seed, SegmentationLoader.canvases(config.dataset(), SOURCES, config,
                seed, SPEC));
    }

    private static void assertOnlyLevel(SegmentationDataset data, int level) {
        for (int k = 0; k < data.pixels().length; k++) {
            int v = data.pixels()[k] & 0xff;
            assertTrue(v == 0 || v == level, data.name() + " pixel " + k + " is " + v + ", not from its split");
            assertEquals(v == 0, data.masks()[k] == 0, "black exactly where background");
        }
    }

    @Test
    void trainingCanvasesHoldOnlyTrainingObjectsAndTestCanvasesOnlyTestObjects() throws Exception {
        PreparedSegmentationData data = load(config(0.1, 0, 0), 1);
        assertEquals(180, data.train().size());
        assertEquals(20, data.validation().size());
        assertEquals(50, data.test().size());
        assertOnlyLevel(data.train(), TRAIN_LEVEL);
        assertOnlyLevel(data.validation(), TRAIN_LEVEL);
        assertOnlyLevel(data.test(), TEST_LEVEL);
        assertEquals("fashion-mnist-canvas-train", data.train().name());
        assertEquals("fashion-mnist-canvas-validation", data.validation().name());
        assertEquals("fashion-mnist-canvas-test", data.test().name());
        assertEquals(Normalization.of(data.train()), data.normalization(), "statistics of the training part only");
    }

    @Test
    void validationIsHeldOutOfTheTrainingCanvasesDisjointly() throws Exception {
        PreparedSegmentationData all = load(config(0.0, 0, 0), 1);
        PreparedSegmentationData split = load(config(0.25, 0, 0), 1);
        assertEquals(150, split.train().size());
        assertEquals(50, split.validation().size());
        // Canvases are told apart by their masks; the 200 of the unsplit set are found once each in train + validation.
        var whole = masks(all.train());
        var parts = masks(split.train());
        parts.addAll(masks(split.validation()));
        assertEquals(whole.size(), parts.size());
        assertEquals(new HashSet<>(whole), new HashSet<>(parts));
        assertEquals(200, new HashSet<>(parts).size(), "no canvas in both");
    }

    private static List<String> masks(SegmentationDataset data) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            list.add(Arrays.toString(data.mask(i)));
        }
        return list;
    }

    @Test
    void theCanvasesAreFixedAndTheSeedOnlyDrawsTheLimitAndTheHoldOut() throws Exception {
        PreparedSegmentationData a = load(config(0.2, 100, 10), 7);
        PreparedSegmentationData b = load(config(0.2, 100, 10), 7);
        PreparedSegmentationData c = load(config(0.2, 100, 10), 8);
        assertEquals(80, a.train().size());
        assertEquals(20, a.validation().size());
        assertEquals(10, a.test().size());
        assertArrayEquals(a.train().masks(), b.train().masks());
        assertArrayEquals(a.validation().pixels(), b.validation().pixels());
        assertFalse(Arrays.equals(a.train().masks(), c.train().masks()), "another seed, another sample");
        assertArrayEquals(a.test().masks(), c.test().masks(), "the test canvases do not depend on the seed");
        PreparedSegmentationData full = load(config(0.0, 0, 0), 8);
        assertArrayEquals(Arrays.copyOf(full.test().masks(), 10 * 144), c.test().masks(), "the first 10");
        var sampled = new HashSet<>(masks(c.train()));
        sampled.addAll(masks(c.validation()));
        assertEquals(100, sampled.size());
        assertTrue(new HashSet<>(masks(full.train())).containsAll(sampled), "a sample of the same canvases");
        assertNotEquals(new HashSet<>(masks(full.train()).subList(0, 100)), sampled, "shuffled, not the first 100");
    }

    /** Only the canvases the limits keep are composed; they are the very ones a split of all canvases keeps. */
    @Test
    void composingOnlyTheLimitedCanvasesGivesTheSplitOfAllOfThem() throws Exception {
        DataConfig limited = config(0.2, 100, 10);
        CanvasComposer composer = new CanvasComposer(SPEC, 12, 12);
        SegmentationLoader.Sets all = new SegmentationLoader.Sets(
                composer.compose(SOURCES.train(), SPEC.trainCanvases(), SegmentationLoader.TRAIN_CANVAS_SEED, "t"),
                composer.compose(SOURCES.test(), SPEC.testCanvases(), SegmentationLoader.TEST_CANVAS_SEED, "s"));
        PreparedSegmentationData fromAll = SegmentationLoader.split(limited, 7, all);
        PreparedSegmentationData fromLimited = load(limited, 7);
        assertArrayEquals(fromAll.train().pixels(), fromLimited.train().pixels());
        assertArrayEquals(fromAll.train().masks(), fromLimited.train().masks());
        assertArrayEquals(fromAll.validation().masks(), fromLimited.validation().masks());
        assertArrayEquals(fromAll.test().masks(), fromLimited.test().masks());
        assertEquals(80, fromLimited.train().size());
    }

    @Test
    void refusesAConfigThatDoesNotMatchTheCanvases() {
        assertMessage(() -> load(new DataConfig("mnist-canvas", null, 1, 12, 12, 10, 0.1, 0, 0, false), 1),
                "data.classes", "says 10", "has 11", "set data.classes to 11");
        assertMessage(() -> load(new DataConfig("mnist-canvas", null, 3, 12, 12, 11, 0.1, 0, 0, false), 1),
                "data.channels", "set data.channels to 1");
        assertMessage(() -> load(new DataConfig("mnist-canvas", null, 1, 3, 12, 11, 0.1, 0, 0, false), 1),
                "data.height", "is 3, smaller than the 4x4 objects", "at least 4");
        assertMessage(() -> SegmentationLoader.load(new DataConfig("canvas", null, 1, 64, 64, 11, 0.1, 0, 0, false),
                1), "data.dataset", "unknown segmentation dataset 'canvas'");
        assertMessage(() -> SegmentationLoader.load(new DataConfig("mask-folder", "/nowhere", 1, 12, 12, 11, 0.1, -1,
                0, false), 1), "data.trainLimit", "is -1");
    }
}
