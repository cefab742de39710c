package org.supertickets.data;

import java.nio.file.Path;
import java.util.Objects;
import org.supertickets.space.ConfigDefaults;
import org.supertickets.space.DataConfig;

/**
 * The segmentation counterpart of {@link DatasetLoader}: loads the dataset a resolved {@link DataConfig} names,
 * checks its shape against the config (naming the field), and splits it exactly as classification does
 * ({@link IndexSplit}: {@code trainLimit} after a seeded shuffle, {@code validationFraction} held out of the
 * training set, the first {@code testLimit} test images, normalisation from the training part).
 * <p>
 * Datasets:
 * <ul>
 * <li>{@code fashion-mnist-canvas}, {@code mnist-canvas}: canvases of {@code data.height} x {@code data.width}
 * composed by {@link CanvasComposer} from the embedded dataset, 1 channel, 11 classes (background + 10). Training
 * canvases use only the source's training images, test canvases only its test images, so no test object was ever
 * seen in training. The composition seeds are fixed: like a benchmark, the canvases are the same for every run,
 * and the run's seed only draws the train limit and the validation hold-out.</li>
 * <li>{@code mask-folder}: images and PNG masks read by {@link MaskFolderReader}; without {@code train/} +
 * {@code test/}, {@value IndexSplit#HELD_OUT_TEST_PERCENT}% is held out as the test set with a fixed seed.</li>
 * </ul>
 * Memory: pixels and masks are bytes, so the default canvas dataset (20,000 + 4,000 canvases of 64 x 64, see
 * {@link CanvasSpec}) takes 24,000 x 4,096 x 2 B = 197 MB (188 MiB), plus the source (60,000 + 10,000 images of
 * 784 floats, 220 MB) while composing, and a second copy of the training canvases while they are split.
 */
public final class SegmentationLoader {

    /** Composition seed of the training canvases, the same for every run (see the class comment). */
    static final long TRAIN_CANVAS_SEED = 0xCA57_0001L;
    /** Composition seed of the test canvases; another than the training one, so layouts do not repeat. */
    static final long TEST_CANVAS_SEED = 0xCA57_0002L;
    private static final String CANVAS_SUFFIX = "-canvas";

    private SegmentationLoader() {
    }

    /** The training and test images of one source, before limits and the validation hold-out. */
    record Sets(SegmentationDataset train, SegmentationDataset test) {
    }

    /** Loads and splits the dataset of {@code config} with the default {@link CanvasSpec}. */
    public static PreparedSegmentationData load(DataConfig config, long seed) throws DatasetException {
        return load(config, seed, CanvasSpec.DEFAULTS);
    }

    /**
     * Loads and splits the dataset of {@code config}.
     *
     * @param config resolved data config (no null fields except {@code path} for the canvas datasets)
     * @param seed   the run's seed; the splits are a pure function of it
     * @param spec   how canvases are composed (ignored by {@code mask-folder})
     * @throws DatasetException if a file is missing or malformed, or the data do not match the config
     */
    public static PreparedSegmentationData load(DataConfig config, long seed, CanvasSpec spec)
            throws DatasetException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(spec, "spec");
        IndexSplit.checkLimits(config);
        return split(config, seed, read(config, seed, spec));
    }

    /** Checks the shape of {@code sets} against the config, then applies the limits and the hold-outs. */
    static PreparedSegmentationData split(DataConfig config, long seed, Sets sets) throws DatasetException {
        for (SegmentationDataset data : new SegmentationDataset[] {sets.train(), sets.test()}) {
            DatasetLoader.checkShape(config, data.name(), data.channels(), data.height(), data.width(),
                    data.classes());
        }
        IndexSplit split = IndexSplit.validation(config, seed, sets.train().size());
        SegmentationDataset train = sets.train().subset(split.kept());
        SegmentationDataset validation = sets.train().subset(split.heldOut())
                .named(DatasetLoader.baseName(train.name()) + "-validation");
        SegmentationDataset test = config.testLimit() > 0 ? sets.test().first(config.testLimit()) : sets.test();
        return new PreparedSegmentationData(train, validation, test, Normalization.of(train));
    }

    private static Sets read(DataConfig config, long seed, CanvasSpec spec) throws DatasetException {
        switch (config.dataset()) {
            case "fashion-mnist-canvas", "mnist-canvas" -> {
                String source = config.dataset().substring(0, config.dataset().length() - CANVAS_SUFFIX.length());
                return canvases(config.dataset(), DatasetLoader.embedded(source, 10), config, seed, spec);
            }
            case MaskFolderReader.DATASET -> {
                return maskFolder(config);
            }
            default -> throw new DatasetException("data.dataset", "unknown segmentation dataset '" + config.dataset()
                    + "'", "use fashion-mnist-canvas, mnist-canvas or mask-folder");
        }
    }

    /**
     * Training canvases from {@code sources.train()} only, test canvases from {@code sources.test()} only. Only the
     * canvases the limits keep are composed (canvas i depends on its seed and i alone): the split that follows
     * finds the limits applied and keeps every canvas, which are the very ones it would pick from all of them.
     */
    static Sets canvases(String name, TrainTestSets sources, DataConfig config, long seed, CanvasSpec spec)
            throws DatasetException {
        ImageDataset train = sources.train();
        checkFits("data.height", config.height(), train.height(), name, train);
        checkFits("data.width", config.width(), train.width(), name, train);
        int[] trainCanvases = orAll(IndexSplit.trainLimited(config, seed, spec.trainCanvases()), spec.trainCanvases());
        int[] testCanvases = orAll(IndexSplit.testLimited(config, spec.testCanvases()), spec.testCanvases());
        long perCanvas = (long) train.channels() * config.height() * config.width();
        if (Math.max(trainCanvases.length, testCanvases.length) * perCanvas > Integer.MAX_VALUE - 8) {
            throw new DatasetException("data.height", trainCanvases.length + " canvases of " + config.height() + "x"
                    + config.width() + " are more than one array can hold", "lower data.height and data.width, or "
                    + "data.trainLimit");
        }
        CanvasComposer composer = new CanvasComposer(spec, config.height(), config.width());
        return new Sets(composer.compose(train, trainCanvases, TRAIN_CANVAS_SEED, name + "-train"),
                composer.compose(sources.test(), testCanvases, TEST_CANVAS_SEED, name + "-test"));
    }

    private static int[] orAll(int[] kept, int count) {
        return kept == null ? IndexSplit.identity(count) : kept;
    }

    private static void checkFits(String field, int canvas, int object, String name, ImageDataset source)
            throws DatasetException {
        if (canvas < object) {
            throw new DatasetException(field, "is " + canvas + ", smaller than the " + source.height() + "x"
                    + source.width() + " objects of " + name, "set " + field + " to at least " + object + " ("
                    + ConfigDefaults.CANVAS_SIDE + " is the usual canvas)");
        }
    }

    private static Sets maskFolder(DataConfig config) throws DatasetException {
        Path dir = DatasetLoader.folder(config);
        int c = config.channels();
        int h = config.height();
        int w = config.width();
        int k = config.classes();
        if (MaskFolderReader.hasTrainTestFolders(dir)) {
            return new Sets(MaskFolderReader.read(dir.resolve("train"), "mask-folder-train", c, h, w, k),
                    MaskFolderReader.read(dir.resolve("test"), "mask-folder-test", c, h, w, k));
        }
        SegmentationDataset all = MaskFolderReader.read(dir, "mask-folder", c, h, w, k);
        IndexSplit split = IndexSplit.test(all.size());
        return new Sets(all.subset(split.kept()).named("mask-folder-train"),
                all.subset(split.heldOut()).named("mask-folder-test"));
    }
}
