package org.supertickets.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
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
    static final int HELD_OUT_TEST_PERCENT = 20;
    /** Seed of the test hold-out of an image folder: deliberately not the run's seed (see the class comment). */
    private static final long TEST_HOLD_OUT_SEED = 0x7E57L;

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
        checkLimits(config);
        TrainTestSets sets = read(config, seed);
        checkShape(config, sets.train());
        checkShape(config, sets.test());
        // An IDX reader applied the limits while reading (then these keep all); the other readers did not.
        int[] trainKept = trainImages(config, seed, sets.train().size());
        ImageDataset train = trainKept == null ? sets.train() : sets.train().subset(trainKept);
        int[] testKept = testImages(config, sets.test().size());
        ImageDataset test = testKept == null ? sets.test() : sets.test().subset(testKept);
        int held = (int) Math.round(train.size() * config.validationFraction());
        int[] order = Seeds.permutation(train.size(), Seeds.mix(seed, 0x7A11D, 0, 0));
        ImageDataset validation = train.subset(Arrays.copyOfRange(order, 0, held)).named(baseName(train)
                + "-validation");
        ImageDataset trainPart = train.subset(Arrays.copyOfRange(order, held, order.length));
        if (trainPart.size() == 0) {
            throw new DatasetException("data.validationFraction", "holding out " + config.validationFraction()
                    + " of " + train.size() + " training images leaves none for training",
                    "lower data.validationFraction or raise data.trainLimit");
        }
        return new PreparedData(trainPart, validation, test, Normalization.of(trainPart));
    }

    /** The training images a run uses: the first {@code trainLimit} after a seeded shuffle; null = all of them. */
    private static int[] trainImages(DataConfig config, long seed, int count) {
        if (config.trainLimit() <= 0 || config.trainLimit() >= count) {
            return null;
        }
        return Arrays.copyOf(Seeds.permutation(count, Seeds.mix(seed, 0x11A1, 0, 0)), config.trainLimit());
    }

    /** The test images a run uses: the first {@code testLimit}; null = all of them. */
    private static int[] testImages(DataConfig config, int count) {
        if (config.testLimit() <= 0 || config.testLimit() >= count) {
            return null;
        }
        int[] first = new int[config.testLimit()];
        Arrays.setAll(first, i -> i);
        return first;
    }

    private static void checkLimits(DataConfig config) throws DatasetException {
        double f = config.validationFraction();
        if (!(f >= 0 && f < 1)) {
            throw new DatasetException("data.validationFraction", "is " + f + ", outside [0, 1)",
                    "use a share such as 0.1");
        }
        if (config.trainLimit() < 0) {
            throw new DatasetException("data.trainLimit", "is " + config.trainLimit(), "use 0 (all) or a positive count");
        }
        if (config.testLimit() < 0) {
            throw new DatasetException("data.testLimit", "is " + config.testLimit(), "use 0 (all) or a positive count");
        }
    }

    private static TrainTestSets read(DataConfig config, long seed) throws DatasetException {
        switch (config.dataset()) {
            case "fashion-mnist", "mnist" -> {
                Path dir = AssetLocator.find().resolve(config.dataset());
                if (!Files.isDirectory(dir)) {
                    throw new DatasetException(config.dataset() + ": " + dir, "the embedded dataset is missing",
                            "restore it (git checkout -- assets/" + config.dataset() + "), or set "
                            + AssetLocator.ENV + " to a complete assets folder");
                }
                return idx(config.dataset(), dir, config, seed);
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

    private static Path folder(DataConfig config) throws DatasetException {
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
     * only the images a run uses are ever held (a compressed file can declare far more than fits into memory).
     */
    private static TrainTestSets idx(String name, Path dir, DataConfig config, long seed) throws DatasetException {
        IdxReader.Use train = new IdxReader.Use(config.height(), config.width(),
                count -> trainImages(config, seed, count), "data.trainLimit");
        IdxReader.Use test = new IdxReader.Use(config.height(), config.width(), count -> testImages(config, count),
                "data.testLimit");
        return new TrainTestSets(
                IdxReader.read(name + "-train", idxFile(dir, TRAIN_IMAGES), idxFile(dir, TRAIN_LABELS),
                        config.classes(), train),
                IdxReader.read(name + "-test", idxFile(dir, TEST_IMAGES), idxFile(dir, TEST_LABELS),
                        config.classes(), test));
    }

    private static Path idxFile(Path dir, String name) {
        Path raw = dir.resolve(name);
        return Files.exists(raw) ? raw : dir.resolve(name + ".gz"); // a pipe or device named so is refused, not skipped
    }

    private static TrainTestSets holdOutTest(ImageDataset all) {
        int test = Math.max(1, Math.round(all.size() * HELD_OUT_TEST_PERCENT / 100f));
        int[] order = Seeds.permutation(all.size(), TEST_HOLD_OUT_SEED);
        return new TrainTestSets(all.subset(Arrays.copyOfRange(order, test, order.length)).named(all.name()
                + "-train"), all.subset(Arrays.copyOf(order, test)).named(all.name() + "-test"));
    }

    private static String baseName(ImageDataset train) {
        String name = train.name();
        return name.endsWith("-train") ? name.substring(0, name.length() - "-train".length()) : name;
    }

    private static void checkShape(DataConfig config, ImageDataset data) throws DatasetException {
        check(config, "data.channels", config.channels(), data.channels(), data);
        check(config, "data.height", config.height(), data.height(), data);
        check(config, "data.width", config.width(), data.width(), data);
        check(config, "data.classes", config.classes(), data.classes(), data);
    }

    private static void check(DataConfig config, String field, int configured, int actual, ImageDataset data)
            throws DatasetException {
        if (configured != actual) {
            String source = data.name() + (config.path() == null ? "" : " in " + config.path());
            throw new DatasetException(field, "the config says " + configured + " but " + source + " has "
                    + actual, "set " + field + " to " + actual);
        }
    }
}
