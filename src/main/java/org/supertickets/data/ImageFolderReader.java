package org.supertickets.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of images with one sub-folder per class; the sorted sub-folder names give the class indices.
 * Two layouts: {@code train/} and {@code test/} each holding the same class sub-folders, or the class
 * sub-folders directly (then {@link DatasetLoader} holds out the test images). Every image ImageIO can read
 * (png, jpg, bmp, gif) is converted to the configured channels (1 = luminance, 3 = RGB) and resized bilinearly
 * to the configured size. Hidden files and folders (names starting with a dot) are skipped; any other file that
 * is not an image is an error, so a stray file is never silently dropped from a class.
 */
public final class ImageFolderReader {

    /** ITU-R BT.601 luma weights of R, G and B: a picture read as one channel is this sum of its planes. */
    static final float[] GREY_FROM_RGB = {0.299f, 0.587f, 0.114f};

    private static final String LAYOUT = "set data.path to a folder with one sub-folder of images per class, or with "
            + "train/ and test/ sub-folders that each hold those class sub-folders";

    private ImageFolderReader() {
    }

    /**
     * Whether {@code folder} uses the {@code train/} + {@code test/} layout.
     *
     * @throws DatasetException if {@code folder} is not a folder, or has only one of {@code train/} and
     *                          {@code test/}
     */
    public static boolean hasTrainTestFolders(Path folder) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("image-folder: " + folder, "is not a folder", LAYOUT);
        }
        boolean train = Files.isDirectory(folder.resolve("train"));
        boolean test = Files.isDirectory(folder.resolve("test"));
        if (train != test) {
            throw new DatasetException("image-folder: " + folder, "has " + (train ? "train/ but no test/"
                    : "test/ but no train/"), "add the missing folder with the same class sub-folders, or move the "
                    + "class sub-folders up into " + folder + " to have the test images held out automatically");
        }
        return train;
    }

    /** Reads the {@code train/} + {@code test/} layout; the class names come from {@code train/}. */
    public static TrainTestSets readTrainTest(Path folder, int channels, int height, int width)
            throws DatasetException {
        Path train = folder.resolve("train");
        Path test = folder.resolve("test");
        List<String> classes = classNames(train);
        List<String> testClasses = classNames(test);
        for (String c : testClasses) {
            if (!classes.contains(c)) {
                throw new DatasetException("image-folder: " + test.resolve(c), "is a class that train/ does not have",
                        "train/ and test/ must hold the same class sub-folders " + classes);
            }
        }
        return new TrainTestSets(readClasses(train, "image-folder-train", classes, channels, height, width, true),
                readClasses(test, "image-folder-test", classes, channels, height, width, false));
    }

    /** Reads the class sub-folders of {@code folder} as one set (the layout without {@code train/}). */
    public static ImageDataset readClassFolders(Path folder, int channels, int height, int width)
            throws DatasetException {
        return readClasses(folder, "image-folder", classNames(folder), channels, height, width, true);
    }

    /** The sorted class sub-folders of {@code dir}: their order gives the class indices. */
    static List<String> classNames(Path dir) throws DatasetException {
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("image-folder: " + dir, "cannot be listed (" + e.getMessage() + ")", LAYOUT);
        }
        if (names.size() < 2) {
            throw new DatasetException("image-folder: " + dir, "has " + names.size() + " class sub-folder"
                    + (names.size() == 1 ? "" : "s") + "; a classifier needs at least 2", LAYOUT);
        }
        return names;
    }

    private static ImageDataset readClasses(Path dir, String name, List<String> classes, int channels, int height,
            int width, boolean everyClassNeedsImages) throws DatasetException {
        if (channels != 1 && channels != 3) {
            throw new DatasetException("data.channels", "is " + channels + "; image folders are read as 1 (grey) or "
                    + "3 (RGB) channels", "set data.channels to 1 or 3");
        }
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path classDir = dir.resolve(classes.get(c));
            if (!Files.isDirectory(classDir)) {
                throw new DatasetException("image-folder: " + classDir, "is missing", "train/ and test/ must hold the "
                        + "same class sub-folders " + classes);
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(classDir)) {
                files = s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(Files::isRegularFile)
                        .sorted().toList();
            } catch (IOException e) {
                throw new DatasetException("image-folder: " + classDir, "cannot be listed (" + e.getMessage() + ")",
                        "check the folder's permissions");
            }
            if (files.isEmpty() && everyClassNeedsImages) {
                throw new DatasetException("image-folder: " + classDir, "holds no images", "add images of class '"
                        + classes.get(c) + "' or remove the folder");
            }
            for (Path f : files) {
                images.add(load(f, channels, height, width));
                labels.add(c);
            }
        }
        int p = channels * height * width;
        if ((long) images.size() * p > Integer.MAX_VALUE - 8) {
            throw new DatasetException("image-folder: " + dir, images.size() + " images of " + channels + "x" + height
                    + "x" + width + " are more than one array can hold", "lower data.height and data.width");
        }
        float[] pixels = new float[images.size() * p];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * p, p);
        }
        return new ImageDataset(name, channels, height, width, classes.size(), pixels,
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Why ImageIO could not read a file. Its PNG reader wraps anything but an I/O or argument error in a message that
     * says nothing ("Caught exception during read: "), so the cause's message is taken; a cause without one is named
     * by what it means.
     */
    static String reason(Exception e) {
        String detail = null;
        boolean endsEarly = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return "it declares more pixels than fit into the memory this process has free (an enormous or "
                        + "forged image)";
            }
            String m = t.getMessage() == null ? ""
                    : t.getMessage().replace("Caught exception during read:", "").strip();
            if (!m.isEmpty()) {
                detail = m;
            }
            endsEarly |= t instanceof java.io.EOFException;
        }
        if (endsEarly) {
            return "the file ends early (truncated copy?)" + (detail == null ? "" : ": " + detail);
        }
        return detail == null ? "not a readable PNG, JPEG, BMP or GIF image" : detail;
    }

    /** One image, resized and converted to {@code channels} planes in [0, 1]. */
    static float[] load(Path file, int channels, int height, int width) throws DatasetException {
        return convert(read(file, "image-folder"), channels, height, width);
    }

    /**
     * One image as ImageIO decodes it.
     *
     * @param dataset the dataset name that starts the message, e.g. {@code image-folder}
     * @throws DatasetException naming the file if it is not an image ImageIO can read
     */
    static BufferedImage read(Path file, String dataset) throws DatasetException {
        BufferedImage source;
        try {
            source = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // A decoder meeting a damaged file may throw anything, e.g. an index out of bounds on a forged header.
            throw new DatasetException(dataset + ": " + file, "is not a readable image (" + reason(e) + ")",
                    "remove it, or replace it with an intact png, jpg, bmp or gif");
        }
        if (source == null) {
            throw new DatasetException(dataset + ": " + file, "is not an image ImageIO can read (png, jpg, bmp, "
                    + "gif)", "remove it from the folder, or convert it");
        }
        return source;
    }

    /** {@code source} resized to {@code height x width} and converted to {@code channels} planes in [0, 1]. */
    static float[] convert(BufferedImage source, int channels, int height, int width) {
        // Drawing into a fresh RGB image both converts any colour model (grey, palette, alpha) and resizes;
        // it touches no global state, so it works headless and next to other threads.
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        int plane = height * width;
        int[] rgb = scaled.getRGB(0, 0, width, height, null, 0, width);
        float[] out = new float[channels * plane];
        for (int k = 0; k < plane; k++) {
            float r = ((rgb[k] >> 16) & 0xff) / 255f;
            float green = ((rgb[k] >> 8) & 0xff) / 255f;
            float b = (rgb[k] & 0xff) / 255f;
            if (channels == 1) {
                // ITU-R BT.601 luma, the weights ImageIO and most tools use for grey conversion.
                out[k] = GREY_FROM_RGB[0] * r + GREY_FROM_RGB[1] * green + GREY_FROM_RGB[2] * b;
            } else {
                out[k] = r;
                out[plane + k] = green;
                out[2 * plane + k] = b;
            }
        }
        return out;
    }
}
