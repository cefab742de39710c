package org.supertickets.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.supertickets.data.TestSetDescription.Selection;
import org.supertickets.space.DataConfig;

/**
 * What someone outside the workbench needs to know to feed a network trained on a dataset: how pixel values
 * were read, which class each output index is, and which images the test accuracy was measured on. The texts
 * describe what {@link DatasetLoader} and the readers do, so a ticket can be used without reading this code; every
 * number in them is also a field ({@code greyFromRgb}, {@code testSet}, {@code canvas}).
 *
 * @param pixels      how the readers turn a file's pixels into values in [0, 1]
 * @param classNames  class index to name, or null when the dataset does not name its classes
 * @param testSplit   which images form the test split, in words
 * @param greyFromRgb the weights of R, G and B when colour pictures were read as one grey channel, else null
 * @param testSet     which images form the test split, as fields
 * @param canvas      how the canvases were composed ({@code *-canvas} datasets), else null
 */
public record DatasetDescription(String pixels, List<String> classNames, String testSplit, List<Double> greyFromRgb,
        TestSetDescription testSet, CanvasDescription canvas) {

    /** The divisor that turns 8-bit pixel values into [0, 1]; every reader applies it before normalising. */
    public static final double PIXEL_SCALE = 255.0;

    private static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final List<String> CIFAR10 = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");
    private static final String CANVAS_SUFFIX = "-canvas";

    /** The description of a resolved data config (class names of an image folder are read from its folders). */
    public static DatasetDescription of(DataConfig data) {
        int testLimit = data.testLimit() == null ? 0 : data.testLimit();
        String limit = testLimit > 0 ? String.format(Locale.ROOT, "the first %d images", testLimit) : "all images";
        return switch (data.dataset()) {
            case "fashion-mnist", "mnist", "idx" -> new DatasetDescription("IDX unsigned bytes / 255, one grey channel",
                    "fashion-mnist".equals(data.dataset()) ? FASHION_MNIST
                            : "mnist".equals(data.dataset()) ? DIGITS : null,
                    limit + " of " + DatasetLoader.TEST_IMAGES + "(.gz) and " + DatasetLoader.TEST_LABELS
                            + "(.gz), in file order (data.testLimit = " + data.testLimit() + ", 0 = all)"
                            + ("idx".equals(data.dataset()) ? " in " + data.path()
                            : " in assets/" + data.dataset() + "/"),
                    null, new TestSetDescription(data.dataset(), "idx".equals(data.dataset()) ? data.path()
                            : "assets/" + data.dataset(), IDX_TEST_FILES, Selection.FILE_ORDER, testLimit, null, null,
                            null), null);
            case "cifar10" -> new DatasetDescription("CIFAR-10 binary bytes / 255, planes R, G, B", CIFAR10,
                    limit + " of test_batch.bin, in file order (data.testLimit = " + data.testLimit() + ", 0 = all)",
                    null, new TestSetDescription(data.dataset(), cifarFolder(data.path()),
                            List.of(Cifar10BinaryReader.TEST_BATCH), Selection.FILE_ORDER, testLimit, null, null, null),
                    null);
            case "image-folder" -> new DatasetDescription("images drawn into a " + data.width() + "x" + data.height()
                    + " RGB image (Java2D, bilinear), each 8-bit channel / 255"
                    + (data.channels() != null && data.channels() == 1
                    ? ", then grey = 0.299 R + 0.587 G + 0.114 B (BT.601)" : ", planes R, G, B"),
                    imageFolderClasses(data.path()),
                    limit + " of test/ (class folders in sorted order, images in sorted file order), or, without "
                            + "train/ and test/, of " + DatasetLoader.HELD_OUT_TEST_PERCENT + "% of the images held "
                            + "out with a fixed seed (DatasetLoader), the same for every run",
                    data.channels() != null && data.channels() == 1 ? greyWeights() : null,
                    folderTestSet(data, testLimit, hasTestFolder(data.path(), false)), null);
            case "fashion-mnist-canvas", "mnist-canvas" -> {
                String source = data.dataset().substring(0, data.dataset().length() - CANVAS_SUFFIX.length());
                yield new DatasetDescription("canvases of " + data.height() + "x" + data.width() + " composed by "
                        + "CanvasComposer from IDX unsigned bytes / 255, one grey channel",
                        withBackground("fashion-mnist".equals(source) ? FASHION_MNIST : DIGITS),
                        limit.replace("images", "canvases") + " of the test split, composed from the source's test "
                                + "images only, with a fixed seed; `export TICKET --test-canvases DIR` writes them "
                                + "(and their masks) as IDX files",
                        null, new TestSetDescription(data.dataset(), "assets/" + source, IDX_TEST_FILES,
                                Selection.CANVASES, testLimit, null, null, null),
                        CanvasDescription.of(source, data.height(), data.width(), CanvasSpec.DEFAULTS));
            }
            case MaskFolderReader.DATASET -> new DatasetDescription("pixel values in [0, 1]", null,
                    limit + " of the test set", null,
                    folderTestSet(data, testLimit, hasTestFolder(data.path(), true)), null);
            default -> new DatasetDescription("pixel values in [0, 1]", null, limit + " of the test set", null,
                    null, null);
        };
    }

    /** The files of an IDX test split, in the order they are read (each also as {@code <name>.gz}). */
    private static final List<String> IDX_TEST_FILES = List.of(DatasetLoader.TEST_IMAGES, DatasetLoader.TEST_LABELS);

    private static List<Double> greyWeights() {
        List<Double> weights = new ArrayList<>();
        for (float w : ImageFolderReader.GREY_FROM_RGB) {
            weights.add(Double.parseDouble(Float.toString(w))); // 0.299, not 0.29899999499320984
        }
        return List.copyOf(weights);
    }

    /** An image or mask folder's test set: its {@code test/} folder, or the share held out of all its images. */
    private static TestSetDescription folderTestSet(DataConfig data, int testLimit, Boolean testFolder) {
        if (testFolder == null) {
            return new TestSetDescription(data.dataset(), data.path(), null, null, testLimit, null, null, null);
        }
        if (testFolder) {
            return new TestSetDescription(data.dataset(), Path.of(data.path()).resolve("test").toString(), null,
                    Selection.TEST_FOLDER, testLimit, null, null, null);
        }
        return new TestSetDescription(data.dataset(), data.path(), null, Selection.HELD_OUT, testLimit, null,
                IndexSplit.HELD_OUT_TEST_PERCENT, IndexSplit.TEST_HOLD_OUT_SEED);
    }

    /** Whether the folder has {@code train/} + {@code test/}; null when that cannot be told (no such folder here). */
    private static Boolean hasTestFolder(String path, boolean masks) {
        if (path == null) {
            return null;
        }
        try {
            Path dir = Path.of(path);
            return masks ? MaskFolderReader.hasTrainTestFolders(dir) : ImageFolderReader.hasTrainTestFolders(dir);
        } catch (DatasetException | InvalidPathException e) {
            return null;
        }
    }

    /** The folder holding CIFAR-10's {@code test_batch.bin}: {@code path}, or its unpacked archive folder. */
    private static String cifarFolder(String path) {
        if (path == null) {
            return null;
        }
        try {
            return Cifar10BinaryReader.batchFolder(Path.of(path)).toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }

    /**
     * A name for each of {@code classes} output indices: the dataset's names when it names that many classes, else
     * {@code class 0}, {@code class 1}, ... (an IDX folder of unknown content, a folder that cannot be listed).
     */
    public List<String> classNamesOrNumbers(int classes) {
        if (classNames != null && classNames.size() == classes) {
            return classNames;
        }
        List<String> numbered = new java.util.ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            numbered.add("class " + c);
        }
        return List.copyOf(numbered);
    }

    /** A segmentation's classes: background (0), then the source's classes, each one index up. */
    private static List<String> withBackground(List<String> objects) {
        List<String> names = new ArrayList<>(objects.size() + 1);
        names.add("background");
        names.addAll(objects);
        return List.copyOf(names);
    }

    /** The class sub-folders as {@link ImageFolderReader} numbers them; null when they cannot be listed. */
    private static List<String> imageFolderClasses(String path) {
        if (path == null) {
            return null;
        }
        try {
            Path dir = Path.of(path);
            Path train = dir.resolve("train");
            return ImageFolderReader.classNames(Files.isDirectory(train) ? train : dir);
        } catch (DatasetException | RuntimeException e) {
            return null;
        }
    }
}
