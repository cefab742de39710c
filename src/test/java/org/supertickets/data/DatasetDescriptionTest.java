package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.supertickets.data.Fixtures.png;

import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.data.TestSetDescription.Selection;
import org.supertickets.space.DataConfig;

/**
 * The structured half of a dataset's description is what the loaders do: the files and order it names give the very
 * test images a run is scored on, the grey weights are the reader's, the canvas numbers compose the same canvases.
 */
class DatasetDescriptionTest {

    @TempDir
    Path dir;

    @Test
    void theFirstImagesOfTheNamedIdxFilesInFileOrderAreTheTestSplit() throws Exception {
        Fixtures.idxFolder(dir, 20, 9);
        DataConfig config = Fixtures.idxConfig(dir, 0.0, 0, 5);
        TestSetDescription test = DatasetDescription.of(config).testSet();
        assertEquals(Selection.FILE_ORDER, test.selection());
        assertEquals(5, test.limit());
        assertNull(test.images(), "the config alone does not say how many the file holds");

        ImageDataset loaded = DatasetLoader.load(config, 3).test();
        Path images = Path.of(test.folder()).resolve(test.files().get(0) + ".gz");
        byte[] first;
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(images)))) {
            in.readInt(); // magic
            in.readInt(); // count
            first = new byte[loaded.size() * in.readInt() * in.readInt()];
            in.readFully(first);
        }
        float[] pixels = loaded.pixels();
        assertEquals(first.length, pixels.length);
        for (int i = 0; i < first.length; i++) {
            assertEquals(first[i] & 0xff, Math.round(pixels[i] * 255), "pixel " + i);
        }
        assertEquals(5, loaded.size());
        assertTrue(Files.exists(Path.of(test.folder()).resolve(test.files().get(1) + ".gz")), "the labels file");
    }

    @Test
    void theEmbeddedDatasetsAreNamedByTheirAssetsFolder() throws Exception {
        TestSetDescription test = DatasetDescription.of(new DataConfig("fashion-mnist", null, 1, 28, 28, 10, 0.1, 0,
                0, false)).testSet();
        assertEquals("assets/fashion-mnist", test.folder());
        assertEquals(0, test.limit());
        Path folder = AssetLocator.find().resolveSibling(test.folder());
        for (String file : test.files()) {
            assertTrue(Files.exists(folder.resolve(file)) || Files.exists(folder.resolve(file + ".gz")), file);
        }
    }

    @Test
    void anImageFolderSaysWhetherItsTestImagesAreATestFolderOrHeldOut() throws Exception {
        png(dir.resolve("flat/ants/a.png"), 4, 4, 0xff0000);
        png(dir.resolve("split/train/ants/a.png"), 4, 4, 0xff0000);
        png(dir.resolve("split/test/ants/b.png"), 4, 4, 0xff0000);
        TestSetDescription flat = DatasetDescription.of(imageFolder(dir.resolve("flat"), 1)).testSet();
        assertEquals(Selection.HELD_OUT, flat.selection());
        assertEquals(IndexSplit.HELD_OUT_TEST_PERCENT, flat.heldOutPercent());
        assertEquals(20, flat.heldOutPercent(), "as DatasetLoader's comment says");
        assertEquals(IndexSplit.TEST_HOLD_OUT_SEED, flat.heldOutSeed());
        TestSetDescription split = DatasetDescription.of(imageFolder(dir.resolve("split"), 3)).testSet();
        assertEquals(Selection.TEST_FOLDER, split.selection());
        assertEquals(dir.resolve("split/test").toString(), split.folder());
        assertNull(split.heldOutPercent());
    }

    @Test
    void theGreyWeightsAreTheOnesTheReaderApplies() throws Exception {
        DatasetDescription grey = DatasetDescription.of(imageFolder(dir, 1));
        assertEquals(List.of(0.299, 0.587, 0.114), grey.greyFromRgb());
        int[] colours = {0xff0000, 0x00ff00, 0x0000ff};
        for (int c = 0; c < 3; c++) {
            Path file = dir.resolve("colour" + c + ".png");
            png(file, 3, 3, colours[c]);
            assertEquals(grey.greyFromRgb().get(c), ImageFolderReader.load(file, 1, 3, 3)[4], 1e-6);
        }
        assertNull(DatasetDescription.of(imageFolder(dir, 3)).greyFromRgb(), "colour is read as R, G, B planes");
    }

    @Test
    void cifarsTestFileIsFoundInTheUnpackedArchiveFolderToo() throws Exception {
        Path nested = dir.resolve(Cifar10BinaryReader.ARCHIVE_FOLDER);
        Files.createDirectories(nested);
        Files.write(nested.resolve("data_batch_1.bin"), new byte[0]);
        TestSetDescription test = DatasetDescription.of(new DataConfig("cifar10", dir.toString(), 3, 32, 32, 10,
                0.1, 0, 0, false)).testSet();
        assertEquals(nested.toString(), test.folder());
        assertEquals(List.of("test_batch.bin"), test.files());
    }

    @Test
    void theCanvasNumbersComposeTheTestCanvasesARunIsScoredOn() throws Exception {
        DataConfig config = new DataConfig("mnist-canvas", null, 1, 32, 32, 11, 0.1, 40, 6, false);
        DatasetDescription d = DatasetDescription.of(config);
        CanvasDescription canvas = d.canvas();
        assertEquals(new CanvasDescription("mnist", 32, 32, 2, 4, 0.2, 20_000, 4_000, canvas.trainSeed(),
                canvas.testSeed()), canvas);
        assertEquals(Selection.CANVASES, d.testSet().selection());
        assertEquals("assets/mnist", d.testSet().folder());

        SegmentationDataset loaded = SegmentationLoader.load(config, 9).test();
        CanvasSpec spec = new CanvasSpec(canvas.minObjects(), canvas.maxObjects(), (float) canvas.threshold(),
                canvas.trainCanvases(), canvas.testCanvases());
        ImageDataset source = DatasetLoader.embedded(canvas.source(), 10).test();
        SegmentationDataset composed = new CanvasComposer(spec, canvas.height(), canvas.width()).compose(source,
                config.testLimit(), canvas.testSeed(), "described");
        assertArrayEquals(loaded.pixels(), composed.pixels());
        assertArrayEquals(loaded.masks(), composed.masks());
    }

    private static DataConfig imageFolder(Path path, int channels) {
        return new DataConfig("image-folder", path.toString(), channels, 4, 4, 1, 0.0, 0, 0, false);
    }
}
