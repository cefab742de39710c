package org.supertickets.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.supertickets.space.DataConfig;

/**
 * What someone outside the workbench needs to know to feed a network trained on a dataset: how pixel values
 * were read, which class each output index is, and which images the test accuracy was measured on. The texts
 * describe what {@link DatasetLoader} and the readers do, so a ticket can be used without reading this code.
 *
 * @param pixels     how the readers turn a file's pixels into values in [0, 1]
 * @param classNames class index to name, or null when the dataset does not name its classes
 * @param testSplit  which images form the test split
 */
public record DatasetDescription(String pixels, List<String> classNames, String testSplit) {

    /** The divisor that turns 8-bit pixel values into [0, 1]; every reader applies it before normalising. */
    public static final double PIXEL_SCALE = 255.0;

    private static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final List<String> CIFAR10 = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    /** The description of a resolved data config (class names of an image folder are read from its folders). */
    public static DatasetDescription of(DataConfig data) {
        String limit = data.testLimit() != null && data.testLimit() > 0
                ? String.format(Locale.ROOT, "the first %d images", data.testLimit()) : "all images";
        return switch (data.dataset()) {
            case "fashion-mnist", "mnist", "idx" -> new DatasetDescription("IDX unsigned bytes / 255, one grey channel",
                    "fashion-mnist".equals(data.dataset()) ? FASHION_MNIST
                            : "mnist".equals(data.dataset()) ? DIGITS : null,
                    limit + " of " + DatasetLoader.TEST_IMAGES + "(.gz) and " + DatasetLoader.TEST_LABELS
                            + "(.gz), in file order (data.testLimit = " + data.testLimit() + ", 0 = all)"
                            + ("idx".equals(data.dataset()) ? " in " + data.path()
                            : " in assets/" + data.dataset() + "/"));
            case "cifar10" -> new DatasetDescription("CIFAR-10 binary bytes / 255, planes R, G, B", CIFAR10,
                    limit + " of test_batch.bin, in file order (data.testLimit = " + data.testLimit() + ", 0 = all)");
            case "image-folder" -> new DatasetDescription("images drawn into a " + data.width() + "x" + data.height()
                    + " RGB image (Java2D, bilinear), each 8-bit channel / 255"
                    + (data.channels() != null && data.channels() == 1
                    ? ", then grey = 0.299 R + 0.587 G + 0.114 B (BT.601)" : ", planes R, G, B"),
                    imageFolderClasses(data.path()),
                    limit + " of test/ (class folders in sorted order, images in sorted file order), or, without "
                            + "train/ and test/, of " + DatasetLoader.HELD_OUT_TEST_PERCENT + "% of the images held "
                            + "out with a fixed seed (DatasetLoader), the same for every run");
            case "fashion-mnist-canvas", "mnist-canvas" -> new DatasetDescription("canvases of " + data.height()
                    + "x" + data.width() + " composed by CanvasComposer from IDX unsigned bytes / 255, one grey "
                    + "channel",
                    withBackground("fashion-mnist-canvas".equals(data.dataset()) ? FASHION_MNIST : DIGITS),
                    limit.replace("images", "canvases") + " of the test split, composed from the source's test images "
                            + "only, with a fixed seed; "
                            + "`export TICKET --test-canvases DIR` writes them (and their masks) as IDX files");
            default -> new DatasetDescription("pixel values in [0, 1]", null, limit + " of the test set");
        };
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
        List<String> names = new java.util.ArrayList<>(objects.size() + 1);
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
