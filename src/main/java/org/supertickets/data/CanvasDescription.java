package org.supertickets.data;

/**
 * How the canvases of a {@code fashion-mnist-canvas} or {@code mnist-canvas} run were composed
 * ({@link CanvasComposer}, {@link CanvasSpec}), as fields: nothing outside the workbench composes them again (its
 * shuffles are its own), but these are the numbers a reader needs to know what the canvases are;
 * {@code export TICKET --test-canvases DIR} writes the test canvases themselves.
 *
 * @param source        the embedded dataset the objects come from ({@code fashion-mnist} or {@code mnist})
 * @param height        canvas height in pixels ({@code data.height})
 * @param width         canvas width in pixels ({@code data.width})
 * @param minObjects    fewest objects on one canvas
 * @param maxObjects    most objects on one canvas (the count is uniform in between)
 * @param threshold     a source pixel brighter than this (after / 255) is an object pixel; the others stay background
 * @param trainCanvases canvases composed from the source's training images, before limits and validation
 * @param testCanvases  canvases composed from the source's test images, before {@code data.testLimit}
 * @param trainSeed     composition seed of the training canvases, the same for every run
 * @param testSeed      composition seed of the test canvases, the same for every run
 */
public record CanvasDescription(String source, int height, int width, int minObjects, int maxObjects,
        double threshold, int trainCanvases, int testCanvases, long trainSeed, long testSeed) {

    /** The canvases a run on {@code source} composes at {@code height} x {@code width} with {@code spec}. */
    static CanvasDescription of(String source, int height, int width, CanvasSpec spec) {
        // The float threshold as its shortest decimal (0.2, not 0.20000000298023224).
        return new CanvasDescription(source, height, width, spec.minObjects(), spec.maxObjects(),
                Double.parseDouble(Float.toString(spec.threshold())), spec.trainCanvases(), spec.testCanvases(),
                SegmentationLoader.TRAIN_CANVAS_SEED, SegmentationLoader.TEST_CANVAS_SEED);
    }
}
