package org.supertickets.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import org.supertickets.io.NonRegularFile;
import org.supertickets.space.DataConfig;

/**
 * The entry point of this package: loads the dataset a resolved {@link DataConfig} names, checks its shape
 * against the config, and prepares the training, validation and test splits with the training statistics.
 * <p>
 * Order of operations: read train and test; for an image folder without {@code train/} + {@code test/},
 * hold out {@value #HELD_OUT_TEST_PERCENT}% of the images as the test set with a fixed seed (the same for every
 * run, so runs with different seeds are compared on the same test images); apply {@code trainLimit} (the first
 * N after a seeded shuffle) and {@code testLimit} (the first N); hold out {@code validationFraction} of the
 * limited training set with a seeded shuffle; compute the normalisation on what is left for training. Every
 * shuffle is a pure function of the run's seed.
 */
public final class DatasetLoader {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final int HELD_OUT_TEST_PERCENT = IndexSplit.HELD_OUT_TEST_PERCENT;

    private DatasetLoader() {
    }

    /**
     * Loads and splits the dataset of {@code config}.
     *
     * @param config resolved data config (no null fields except {@code path} for the embedded datasets)
     * @param seed   the run's seed; the splits are a pure function of it
     * @throws DatasetException if a file is missing or malformed, or the data do not match the config
     */
    public static PreparedData load(DataConfig config, long seed) throws DatasetException {
        Objects.requireNonNull(config, "config");
        IndexSplit.checkLimits(config);
        TrainTestSets sets = read(config, seed);
        checkShape(config, sets.train());
        checkShape(config, sets.test());
        IndexSplit split = IndexSplit.validation(config, seed, sets.train().size());
        ImageDataset train = sets.train().subset(split.kept());
        ImageDataset validation = sets.train().subset(split.heldOut()).named(baseName(train.name()) + "-validation");
        ImageDataset test = config.testLimit() > 0 ? sets.test().first(config.testLimit()) : sets.test();
        return new PreparedData(train, validation, test, Normalization.of(train));
    }

    /**
     * The test split alone, exactly as {@link #load} prepares it: image {@code i} is the {@code i}-th image a run's
     * test evaluation reads (the indices a run records, e.g. of its most-confused test images, point into it). The
     * IDX datasets read only their test files; the others are read whole, since their test split may be held out of
     * the same images (an image folder without {@code train/} and {@code test/}).
     *
     * @param config resolved data config of a classification dataset
     * @param seed   the run's seed
     * @throws DatasetException if a file is missing or malformed, or the data do not match the config
     */
    public static ImageDataset loadTest(DataConfig config, long seed) throws DatasetException {
        Objects.requireNonNull(config, "config");
        IndexSplit.checkLimits(config);
        ImageDataset test = switch (config.dataset()) {
            case "fashion-mnist", "mnist" -> idxTest(config.dataset(), embeddedFolder(config.dataset()), config);
            case "idx" -> idxTest("idx", folder(config), config);
            default -> read(config, seed).test();
        };
        checkShape(config, test);
        return config.testLimit() > 0 ? test.first(config.testLimit()) : test;
    }

    private static TrainTestSets read(DataConfig config, long seed) throws DatasetException {
        switch (config.dataset()) {
            case "fashion-mnist", "mnist" -> {
                return idx(config.dataset(), embeddedFolder(config.dataset()), config, seed);
            }
            case "idx" -> {
                return idx("idx", folder(config), config, seed);
            }
            case "cifar10" -> {
                return Cifar10BinaryReader.read(folder(config));
            }
            case "image-folder" -> {
                Path dir = folder(config);
                if (ImageFolderReader.hasTrainTestFolders(dir)) {
                    return ImageFolderReader.readTrainTest(dir, config.channels(), config.height(), config.width());
                }
                return holdOutTest(ImageFolderReader.readClassFolders(dir, config.channels(), config.height(),
                        config.width()));
            }
            default -> throw new DatasetException("data.dataset", "unknown dataset '" + config.dataset() + "'",
                    "use fashion-mnist, mnist, idx, cifar10 or image-folder");
        }
    }

    /** Every image of an embedded dataset ({@code fashion-mnist} or {@code mnist}), e.g. to compose canvases from. */
    static TrainTestSets embedded(String dataset, int classes) throws DatasetException {
        Path dir = embeddedFolder(dataset);
        return new TrainTestSets(
                IdxReader.read(dataset + "-train", idxFile(dir, TRAIN_IMAGES), idxFile(dir, TRAIN_LABELS), classes),
                IdxReader.read(dataset + "-test", idxFile(dir, TEST_IMAGES), idxFile(dir, TEST_LABELS), classes));
    }

    private static Path embeddedFolder(String dataset) throws DatasetException {
        Path dir = AssetLocator.find().resolve(dataset);
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dataset + ": " + dir, "the embedded dataset is missing",
                    "restore it (git checkout -- assets/" + dataset + "), or set " + AssetLocator.ENV
                    + " to a complete assets folder");
        }
        return dir;
    }

    /** The folder {@code data.path} names, refused with the field named when unset, invalid or not a folder. */
    static Path folder(DataConfig config) throws DatasetException {
        String fix = "set data.path to the folder holding the " + config.dataset() + " files";
        if (config.path() == null || config.path().isBlank()) {
            throw new DatasetException("data.path", "is not set, but dataset " + config.dataset() + " reads from a "
                    + "folder", fix);
        }
        Path dir;
        try {
            dir = Path.of(config.path());
        } catch (InvalidPathException e) {
            throw new DatasetException("data.path", "'" + config.path() + "' is not a valid path", fix);
        }
        if (!Files.isDirectory(dir)) {
            String what = !Files.exists(dir) ? "it does not exist" : NonRegularFile.describe(dir)
                    .map(d -> "it " + d).orElse("it is a file");
            throw new DatasetException(config.dataset() + ": " + dir, "is not a folder (data.path): " + what, fix);
        }
        return dir;
    }

    /**
     * The four standard file names, gzip-compressed ({@code .gz}) or not. The limits are applied while reading, so
     * only the images a run uses are ever held (a compressed file can declare far more than fits into memory); the
     * split that follows then keeps them all, and picks the same images as it would from the whole file.
     */
    private static TrainTestSets idx(String name, Path dir, DataConfig config, long seed) throws DatasetException {
        IdxReader.Use train = new IdxReader.Use(config.height(), config.width(),
                count -> IndexSplit.trainLimited(config, seed, count), "data.trainLimit");
        return new TrainTestSets(
                IdxReader.read(name + "-train", idxFile(dir, TRAIN_IMAGES), idxFile(dir, TRAIN_LABELS),
                        config.classes(), train),
                idxTest(name, dir, config));
    }

    /** The test files of an IDX folder, only as many images as {@code testLimit} keeps. */
    private static ImageDataset idxTest(String name, Path dir, DataConfig config) throws DatasetException {
        IdxReader.Use test = new IdxReader.Use(config.height(), config.width(),
                count -> IndexSplit.testLimited(config, count), "data.testLimit");
        return IdxReader.read(name + "-test", idxFile(dir, TEST_IMAGES), idxFile(dir, TEST_LABELS),
                config.classes(), test);
    }

    private static Path idxFile(Path dir, String name) {
        Path raw = dir.resolve(name);
        return Files.exists(raw) ? raw : dir.resolve(name + ".gz"); // a pipe or device named so is refused, not skipped
    }

    private static TrainTestSets holdOutTest(ImageDataset all) {
        IndexSplit split = IndexSplit.test(all.size());
        return new TrainTestSets(all.subset(split.kept()).named(all.name() + "-train"),
                all.subset(split.heldOut()).named(all.name() + "-test"));
    }

    /** A split's dataset name without its {@code -train} suffix, e.g. {@code idx} for {@code idx-train}. */
    static String baseName(String name) {
        return name.endsWith("-train") ? name.substring(0, name.length() - "-train".length()) : name;
    }

    private static void checkShape(DataConfig config, ImageDataset data) throws DatasetException {
        checkShape(config, data.name(), data.channels(), data.height(), data.width(), data.classes());
    }

    /** Refuses data whose shape differs from the config's, naming the field, the config value and the data's. */
    static void checkShape(DataConfig config, String name, int channels, int height, int width, int classes)
            throws DatasetException {
        check(config, "data.channels", config.channels(), channels, name);
        check(config, "data.height", config.height(), height, name);
        check(config, "data.width", config.width(), width, name);
        check(config, "data.classes", config.classes(), classes, name);
    }

    private static void check(DataConfig config, String field, int configured, int actual, String name)
            throws DatasetException {
        if (configured != actual) {
            String source = name + (config.path() == null ? "" : " in " + config.path());
            throw new DatasetException(field, "the config says " + configured + " but " + source + " has "
                    + actual, "set " + field + " to " + actual);
        }
    }
}
