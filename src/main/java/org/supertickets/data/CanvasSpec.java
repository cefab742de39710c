package org.supertickets.data;

/**
 * How {@link CanvasComposer} fills canvases, and how many of them a canvas dataset has. The canvas size is not
 * here: it is the config's {@code data.height} x {@code data.width}
 * ({@link org.supertickets.space.ConfigDefaults#CANVAS_SIDE} on each side by default).
 *
 * @param minObjects    fewest objects on one canvas (at least 1)
 * @param maxObjects    most objects on one canvas; the count is uniform in {@code [minObjects, maxObjects]}
 * @param threshold     a source pixel brighter than this belongs to the object; in [0, 1)
 * @param trainCanvases canvases composed from the source's training split (before limits and validation)
 * @param testCanvases  canvases composed from the source's test split
 */
public record CanvasSpec(int minObjects, int maxObjects, float threshold, int trainCanvases, int testCanvases) {

    public static final int DEFAULT_MIN_OBJECTS = 2;
    public static final int DEFAULT_MAX_OBJECTS = 4;
    /**
     * 0.2 (51 of 255) cuts the anti-aliased rim of the MNIST and Fashion-MNIST strokes: measured on the first 5,000
     * training images of each, 15% of the non-zero pixels are at or below it (against 9% at 0.1), nearly all on the
     * outline, and an object keeps ~127 (digit) or ~329 (garment) pixels. The label's edge then sits where a person
     * would draw it, and a faint rim pixel is not called an object with nothing in it to see.
     */
    public static final float DEFAULT_THRESHOLD = 0.2f;
    /**
     * ~60,000 object draws at 3 objects a canvas: about one pass over Fashion-MNIST's 60,000 training images (seven
     * over the embedded MNIST's 8,500).
     */
    public static final int DEFAULT_TRAIN_CANVASES = 20_000;
    /** ~12,000 object draws from Fashion-MNIST's 10,000 test images (the embedded MNIST has 1,500). */
    public static final int DEFAULT_TEST_CANVASES = 4_000;

    /** The defaults above. */
    public static final CanvasSpec DEFAULTS = new CanvasSpec(DEFAULT_MIN_OBJECTS, DEFAULT_MAX_OBJECTS,
            DEFAULT_THRESHOLD, DEFAULT_TRAIN_CANVASES, DEFAULT_TEST_CANVASES);

    public CanvasSpec {
        if (minObjects < 1 || maxObjects < minObjects) {
            throw new IllegalArgumentException("objects per canvas " + minObjects + ".." + maxObjects
                    + ": need 1 <= min <= max");
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold " + threshold + " outside [0, 1)");
        }
        if (trainCanvases < 1 || testCanvases < 0) {
            throw new IllegalArgumentException(trainCanvases + " training and " + testCanvases + " test canvases");
        }
    }
}
