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
 * Reads a folder of images, one sub-folder per class (sorted names give the class indices). With {@code train/}
 * and {@code test/} sub-folders those are the splits; otherwise the images form the training set and the test
 * set is empty. Images are converted to the configured channels and resized (bilinear) to the configured size.
 */
public final class ImageFolderReader {

    private ImageFolderReader() {
    }

    /** The training and the test set. */
    public static ImageDataset[] read(Path folder, int channels, int height, int width) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("image-folder: " + folder + " is not a folder. Fix: set data.path to a folder "
                    + "with one sub-folder per class (or train/ and test/ holding those).");
        }
        Path train = folder.resolve("train");
        Path test = folder.resolve("test");
        if (Files.isDirectory(train) && Files.isDirectory(test)) {
            List<String> classes = classNames(train);
            return new ImageDataset[] {readSplit(train, classes, channels, height, width),
                    readSplit(test, classes, channels, height, width)};
        }
        List<String> classes = classNames(folder);
        ImageDataset all = readSplit(folder, classes, channels, height, width);
        return new ImageDataset[] {all, all.subset(new int[0])};
    }

    private static List<String> classNames(Path dir) throws DatasetException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
            if (names.size() < 2) {
                throw new DatasetException("image-folder: " + dir + " has " + names.size() + " class sub-folders; "
                        + "at least 2 are needed. Fix: put each class's images in its own sub-folder.");
            }
            return names;
        } catch (IOException e) {
            throw new DatasetException("image-folder: " + dir + ": cannot be listed (" + e.getMessage() + ").");
        }
    }

    private static ImageDataset readSplit(Path dir, List<String> classes, int channels, int height, int width)
            throws DatasetException {
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path classDir = dir.resolve(classes.get(c));
            if (!Files.isDirectory(classDir)) {
                throw new DatasetException("image-folder: " + classDir + " is missing; train/ and test/ must have the "
                        + "same class sub-folders.");
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(classDir)) {
                files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
            } catch (IOException e) {
                throw new DatasetException("image-folder: " + classDir + ": cannot be listed (" + e.getMessage() + ").");
            }
            for (Path f : files) {
                images.add(load(f, channels, height, width));
                labels.add(c);
            }
        }
        int p = channels * height * width;
        float[] pixels = new float[images.size() * p];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * p, p);
        }
        return new ImageDataset(dir.getFileName().toString(), channels, height, width, classes.size(), pixels,
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static float[] load(Path file, int channels, int height, int width) throws DatasetException {
        BufferedImage source;
        try {
            source = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DatasetException("image-folder: " + file + ": cannot be read (" + e.getMessage() + ").");
        }
        if (source == null) {
            throw new DatasetException("image-folder: " + file + " is not an image ImageIO can read (png, jpg, bmp, "
                    + "gif). Fix: remove it or convert it.");
        }
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        float[] out = new float[channels * height * width];
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = scaled.getRGB(x, y);
                float r = ((rgb >> 16) & 0xff) / 255f;
                float gr = ((rgb >> 8) & 0xff) / 255f;
                float b = (rgb & 0xff) / 255f;
                if (channels == 1) {
                    out[y * width + x] = 0.299f * r + 0.587f * gr + 0.114f * b;
                } else {
                    out[y * width + x] = r;
                    out[plane + y * width + x] = gr;
                    out[2 * plane + y * width + x] = b;
                }
            }
        }
        return out;
    }
}
