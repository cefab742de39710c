package org.supertickets.data;

import java.nio.file.Path;
import java.util.Arrays;
import org.supertickets.space.DataConfig;

/** Loads the dataset a (resolved) config names and splits it for training, validation and test. */
public final class DatasetLoader {

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    private DatasetLoader() {
    }

    public static PreparedData load(DataConfig config, long seed) throws DatasetException {
        ImageDataset[] trainTest = readRaw(config);
        ImageDataset train = trainTest[0];
        ImageDataset test = trainTest[1];
        checkShape(config, train);
        if (config.trainLimit() > 0 && config.trainLimit() < train.size()) {
            int[] order = BatchAssembler.shuffled(train.size(), Augmentation.mix(seed, 0x11A1, 0, 0));
            train = train.subset(Arrays.copyOf(order, config.trainLimit()));
        }
        if (config.testLimit() > 0 && config.testLimit() < test.size()) {
            int[] first = new int[config.testLimit()];
            for (int i = 0; i < first.length; i++) {
                first[i] = i;
            }
            test = test.subset(first);
        }
        int held = (int) Math.round(train.size() * config.validationFraction());
        int[] order = BatchAssembler.shuffled(train.size(), Augmentation.mix(seed, 0x7A11D, 0, 0));
        ImageDataset validation = train.subset(Arrays.copyOfRange(order, 0, held));
        ImageDataset trainPart = train.subset(Arrays.copyOfRange(order, held, order.length));
        if (trainPart.size() == 0) {
            throw new DatasetException(config.dataset() + ": no training images are left after holding out "
                    + "data.validationFraction = " + config.validationFraction() + ". Fix: lower it or raise "
                    + "data.trainLimit.");
        }
        return new PreparedData(trainPart, validation, test, Normalization.of(trainPart));
    }

    private static ImageDataset[] readRaw(DataConfig config) throws DatasetException {
        switch (config.dataset()) {
            case "fashion-mnist":
            case "mnist": {
                Path dir = AssetLocator.find().resolve(config.dataset());
                return idxPair(config.dataset(), dir, config.classes());
            }
            case "idx":
                return idxPair("idx", Path.of(config.path()), config.classes());
            case "cifar10":
                return Cifar10BinaryReader.read(Path.of(config.path()));
            case "image-folder":
                return ImageFolderReader.read(Path.of(config.path()), config.channels(), config.height(),
                        config.width());
            default:
                throw new DatasetException("data.dataset: unknown dataset '" + config.dataset() + "'. Fix: use "
                        + "fashion-mnist, mnist, idx, cifar10 or image-folder.");
        }
    }

    private static ImageDataset[] idxPair(String name, Path dir, int classes) throws DatasetException {
        return new ImageDataset[] {
            IdxReader.read(name + "-train", dir.resolve(TRAIN_IMAGES), dir.resolve(TRAIN_LABELS), classes),
            IdxReader.read(name + "-test", dir.resolve(TEST_IMAGES), dir.resolve(TEST_LABELS), classes)};
    }

    private static void checkShape(DataConfig config, ImageDataset data) throws DatasetException {
        check("data.channels", config.channels(), data.channels(), data);
        check("data.height", config.height(), data.height(), data);
        check("data.width", config.width(), data.width(), data);
        if (data.classes() > config.classes()) {
            throw new DatasetException("data.classes: the config says " + config.classes() + " but " + data.name()
                    + " has " + data.classes() + ". Fix: set data.classes to " + data.classes() + ".");
        }
    }

    private static void check(String field, int configured, int actual, ImageDataset data) throws DatasetException {
        if (configured != actual) {
            throw new DatasetException(field + ": the config says " + configured + " but " + data.name() + " has "
                    + actual + ". Fix: set " + field + " to " + actual + ".");
        }
    }
}
