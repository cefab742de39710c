package org.supertickets.data;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.supertickets.io.NonRegularFile;

/**
 * Reads a segmentation dataset in the VOC/ADE layout: {@code images/} and {@code masks/}, a mask beside each image
 * with the same base name and the extension {@code .png} ({@code images/cat_01.jpg} and {@code masks/cat_01.png}),
 * either directly in the folder or in {@code train/} and {@code test/} sub-folders that each hold both. A mask is
 * an 8-bit grey or palette-indexed PNG whose pixel value is the class index (the palette's colours are ignored).
 * <p>
 * Images are not resized: each image and mask must have the config's height and width, because a resized mask
 * would need nearest-neighbour sampling and still mislabel the edges. Images are converted to the configured
 * channels as {@link ImageFolderReader} does. Every file is accounted for: a non-regular file, an image without a
 * mask, a mask without an image, a mask that is not an 8-bit grey or palette PNG, a mask of another size than its
 * image and a class index of {@code classes} or more are refused with the file named. Hidden files are skipped.
 */
final class MaskFolderReader {

    static final String DATASET = "mask-folder";
    static final String IMAGES = "images";
    static final String MASKS = "masks";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String LAYOUT = "set data.path to a folder holding images/ and masks/ (a PNG mask per "
            + "image, same base name), or train/ and test/ sub-folders that each hold images/ and masks/";

    private MaskFolderReader() {
    }

    /**
     * Whether {@code folder} uses the {@code train/} + {@code test/} layout; otherwise it must hold {@code images/}
     * and {@code masks/} itself.
     *
     * @throws DatasetException if it has only one of {@code train/} and {@code test/}, or neither them nor
     *                          {@code images/} and {@code masks/}
     */
    static boolean hasTrainTestFolders(Path folder) throws DatasetException {
        boolean train = Files.isDirectory(folder.resolve("train"));
        boolean test = Files.isDirectory(folder.resolve("test"));
        if (train != test) {
            throw new DatasetException(DATASET + ": " + folder, "has " + (train ? "train/ but no test/"
                    : "test/ but no train/"), "add the missing folder with its own images/ and masks/, or move "
                    + "images/ and masks/ up into " + folder + " to have the test images held out automatically");
        }
        if (!train && !(Files.isDirectory(folder.resolve(IMAGES)) && Files.isDirectory(folder.resolve(MASKS)))) {
            throw new DatasetException(DATASET + ": " + folder, "holds neither images/ and masks/ nor train/ and "
                    + "test/", LAYOUT);
        }
        return train;
    }

    /**
     * The images of {@code dir/images} (sorted by file name) with the masks of {@code dir/masks}.
     *
     * @param name    the dataset's name, for messages
     * @param classes every mask value must be below this
     */
    static SegmentationDataset read(Path dir, String name, int channels, int height, int width, int classes)
            throws DatasetException {
        if (channels != 1 && channels != 3) {
            throw new DatasetException("data.channels", "is " + channels + "; " + DATASET + " images are read as 1 "
                    + "(grey) or 3 (RGB) channels", "set data.channels to 1 or 3");
        }
        if (classes > SegmentationDataset.MAX_CLASSES) {
            throw new DatasetException("data.classes", "is " + classes + "; an 8-bit mask holds at most "
                    + SegmentationDataset.MAX_CLASSES + " classes", "set data.classes to at most 256");
        }
        Path imageDir = dir.resolve(IMAGES);
        Path maskDir = dir.resolve(MASKS);
        Map<String, Path> images = byBaseName(imageDir);
        Map<String, Path> masks = byBaseName(maskDir);
        if (images.isEmpty()) {
            throw new DatasetException(DATASET + ": " + imageDir, "holds no images", "add images, or " + LAYOUT);
        }
        for (Map.Entry<String, Path> mask : masks.entrySet()) {
            if (!images.containsKey(mask.getKey())) {
                throw new DatasetException(DATASET + ": " + mask.getValue(), "is a mask without an image (no "
                        + mask.getKey() + ".* in " + imageDir + ")", "add the image, or remove the mask");
            }
        }
        int plane = height * width;
        if ((long) images.size() * channels * plane > Integer.MAX_VALUE - 8) {
            throw new DatasetException(DATASET + ": " + imageDir, images.size() + " images of " + channels + "x"
                    + height + "x" + width + " are more than one array can hold", "use fewer or smaller images");
        }
        byte[] pixels = new byte[images.size() * channels * plane];
        byte[] labels = new byte[images.size() * plane];
        int n = 0;
        for (Map.Entry<String, Path> image : images.entrySet()) {
            Path maskFile = masks.get(image.getKey());
            if (maskFile == null) {
                throw new DatasetException(DATASET + ": " + image.getValue(), "has no mask (expected "
                        + maskDir.resolve(image.getKey() + ".png") + ")", "add the mask, or remove the image");
            }
            BufferedImage picture = ImageFolderReader.read(image.getValue(), DATASET);
            checkSize(image.getValue(), picture, height, width);
            float[] values = ImageFolderReader.convert(picture, channels, height, width);
            for (int k = 0; k < values.length; k++) {
                pixels[n * channels * plane + k] = (byte) Math.round(values[k] * 255);
            }
            readMask(maskFile, height, width, classes, labels, n * plane);
            n++;
        }
        return new SegmentationDataset(name, channels, height, width, classes, pixels, labels);
    }

    /** The non-hidden files of {@code dir} by base name, sorted; refuses non-regular files and clashing names. */
    private static Map<String, Path> byBaseName(Path dir) throws DatasetException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(DATASET + ": " + dir, "cannot be listed (" + e.getMessage() + ")", LAYOUT);
        }
        Map<String, Path> byBase = new LinkedHashMap<>();
        for (Path f : files) {
            var what = NonRegularFile.describe(f);
            if (what.isPresent()) {
                throw new DatasetException(DATASET + ": " + f, what.get(), "remove it from " + dir);
            }
            String file = f.getFileName().toString();
            int dot = file.lastIndexOf('.');
            String base = dot > 0 ? file.substring(0, dot) : file;
            Path clash = byBase.put(base, f);
            if (clash != null) {
                throw new DatasetException(DATASET + ": " + f, "has the same base name as " + clash + ", so the mask "
                        + "cannot tell them apart", "rename or remove one of them");
            }
        }
        return byBase;
    }

    private static void checkSize(Path file, BufferedImage image, int height, int width) throws DatasetException {
        if (image.getHeight() != height || image.getWidth() != width) {
            throw new DatasetException(DATASET + ": " + file, "is " + image.getWidth() + "x" + image.getHeight()
                    + " (width x height) but data.width x data.height is " + width + "x" + height + "; "
                    + DATASET + " does not resize", "resize the images and masks alike beforehand (masks with "
                    + "nearest-neighbour), or set data.height and data.width to the images' size");
        }
    }

    /** Writes the class indices of {@code file} into {@code labels} at {@code offset}. */
    private static void readMask(Path file, int height, int width, int classes, byte[] labels, int offset)
            throws DatasetException {
        String fix = "save the mask as an 8-bit grey or palette-indexed PNG whose pixel values are the class indices";
        if (!file.getFileName().toString().endsWith(".png") || !hasPngSignature(file)) {
            throw new DatasetException(DATASET + ": " + file, "is not a PNG", fix);
        }
        BufferedImage mask;
        try {
            mask = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DatasetException(DATASET + ": " + file, "is not a readable PNG (" + e.getMessage() + ")", fix);
        }
        if (mask == null) {
            throw new DatasetException(DATASET + ": " + file, "is not a readable PNG", fix);
        }
        Raster raster = mask.getRaster();
        boolean palette = mask.getColorModel() instanceof IndexColorModel;
        boolean grey = mask.getType() == BufferedImage.TYPE_BYTE_GRAY;
        if (raster.getNumBands() != 1 || !(palette || grey)) {
            throw new DatasetException(DATASET + ": " + file, "is a " + raster.getNumBands() + "-band PNG of "
                    + mask.getColorModel().getPixelSize() + " bits a pixel, not 8-bit grey or palette-indexed", fix);
        }
        if (mask.getHeight() != height || mask.getWidth() != width) {
            throw new DatasetException(DATASET + ": " + file, "is " + mask.getWidth() + "x" + mask.getHeight()
                    + " (width x height) but its image is " + width + "x" + height, "make the mask the size of "
                    + "its image");
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                if (row[x] >= classes) {
                    throw new DatasetException(DATASET + ": " + file, "has class index " + row[x] + " at x=" + x
                            + ", y=" + y + " but data.classes is " + classes, "set data.classes to at least "
                            + (row[x] + 1) + ", or relabel the mask (VOC's 255 'void' border is not supported: map "
                            + "it to a class)");
                }
                labels[offset + y * width + x] = (byte) row[x];
            }
        }
    }

    private static boolean hasPngSignature(Path file) throws DatasetException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE);
        } catch (IOException e) {
            throw new DatasetException(DATASET + ": " + file, "cannot be read (" + e.getMessage() + ")",
                    "check the file's permissions");
        }
    }
}
