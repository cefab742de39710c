package org.supertickets.data;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Composes a segmentation dataset from a classification one: each canvas holds a few source images (objects) at
 * random places, fully inside the canvas, later objects in front of earlier ones. A source pixel brighter than
 * the threshold is an object pixel: it is painted with its intensity and labelled with the object's class + 1;
 * every other canvas pixel is black (0) and labelled background (0). So the dataset has the source's classes + 1.
 * <p>
 * An object's pixels at or below the threshold (its faint rim, and dark holes) are not painted at all: the object
 * behind shows through them, and where no object is behind the pixel stays black. Painting the rim would put
 * light into pixels labelled background, and a front object's rim would dim a back object's visible pixels that
 * are still labelled as the back object; dropping it keeps image and mask in exact agreement (every non-black
 * pixel is an object's, every black one is background), at the price of slightly harder edges than the source.
 * <p>
 * Canvas {@code i} is a pure function of (seed, {@code i}) and the source, so a dataset of n canvases is the first
 * n of a larger one with the same seed, and canvases may be composed in any order or in parallel.
 */
public final class CanvasComposer {

    private final CanvasSpec spec;
    private final int height;
    private final int width;
    private final int threshold;

    /** Where one object goes: the source image and its top-left corner on the canvas. */
    record Placement(int source, int top, int left) {
    }

    /**
     * @param spec   objects per canvas and threshold (the counts are the loader's business)
     * @param height canvas height in pixels
     * @param width  canvas width in pixels
     */
    public CanvasComposer(CanvasSpec spec, int height, int width) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("canvas " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        // Compared on the 8-bit value the source came from, so the float threshold never splits a grey level.
        this.threshold = (int) Math.floor((double) spec.threshold() * 255);
    }

    /**
     * {@code count} canvases of objects drawn from {@code source}.
     *
     * @param source the objects: at most the canvas size, at most {@value SegmentationDataset#MAX_CLASSES} - 1
     *               classes, pixels in [0, 1] (8-bit values divided by 255, as the readers produce them)
     * @param count  number of canvases
     * @param seed   composition seed; canvas {@code i} depends on (seed, i) alone
     * @param name   the dataset's name
     */
    public SegmentationDataset compose(ImageDataset source, int count, long seed, String name) {
        return compose(source, IntStream.range(0, count).toArray(), seed, name);
    }

    /**
     * The canvases {@code canvases} (by index) of the dataset {@link #compose(ImageDataset, int, long, String)}
     * would compose, in that order: canvas {@code canvases[k]} is the k-th of the result. A run that uses a few
     * canvases of a large dataset composes only those.
     */
    public SegmentationDataset compose(ImageDataset source, int[] canvases, long seed, String name) {
        Objects.requireNonNull(source, "source");
        int count = canvases.length;
        if (source.height() > height || source.width() > width) {
            throw new IllegalArgumentException(source.name() + ": objects of " + source.height() + "x"
                    + source.width() + " do not fit a canvas of " + height + "x" + width);
        }
        if (source.classes() + 1 > SegmentationDataset.MAX_CLASSES || source.size() == 0) {
            throw new IllegalArgumentException(source.name() + ": " + source.size() + " images of "
                    + source.classes() + " classes for " + count + " canvases");
        }
        int c = source.channels();
        byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(count, c), height * width)];
        byte[] masks = new byte[Math.multiplyExact(count, height * width)];
        // Each canvas writes only its own slice, so the parallel loop is as deterministic as a serial one.
        IntStream.range(0, count).parallel().forEach(k -> paint(source, placements(seed, canvases[k], source), pixels,
                masks, k));
        return new SegmentationDataset(name, c, height, width, source.classes() + 1, pixels, masks);
    }

    /** The objects of canvas {@code index} in painting order (back to front). */
    Placement[] placements(long seed, int index, ImageDataset source) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, index, 0xCA57A5, 0));
        int k = spec.minObjects() + random.nextInt(spec.maxObjects() - spec.minObjects() + 1);
        Placement[] objects = new Placement[k];
        for (int j = 0; j < k; j++) {
            objects[j] = new Placement(random.nextInt(source.size()), random.nextInt(height - source.height() + 1),
                    random.nextInt(width - source.width() + 1));
        }
        return objects;
    }

    private void paint(ImageDataset source, Placement[] objects, byte[] pixels, byte[] masks, int index) {
        int c = source.channels();
        int h = source.height();
        int w = source.width();
        int plane = height * width;
        float[] src = source.pixels();
        for (Placement object : objects) {
            int from = object.source() * c * h * w;
            byte label = (byte) (source.labels()[object.source()] + 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int k = y * w + x;
                    if (!isObject(src, from, k, c, h * w)) {
                        continue;
                    }
                    int at = (object.top() + y) * width + object.left() + x;
                    masks[index * plane + at] = label;
                    for (int ch = 0; ch < c; ch++) {
                        pixels[(index * c + ch) * plane + at] = (byte) level(src[from + ch * h * w + k]);
                    }
                }
            }
        }
    }

    /** Whether any channel of source pixel {@code k} is brighter than the threshold. */
    private boolean isObject(float[] src, int from, int k, int channels, int plane) {
        for (int ch = 0; ch < channels; ch++) {
            if (level(src[from + ch * plane + k]) > threshold) {
                return true;
            }
        }
        return false;
    }

    private static int level(float value) {
        return Math.round(Math.min(1f, Math.max(0f, value)) * 255);
    }
}
