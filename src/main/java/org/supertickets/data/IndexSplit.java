package org.supertickets.data;

import java.util.Arrays;
import org.supertickets.space.DataConfig;

/**
 * Which images of a set one split keeps and which it holds out, as indices into that set. Both loaders
 * ({@link DatasetLoader} for classification, {@link SegmentationLoader} for segmentation) split through here, so
 * a classification run and a segmentation run with the same seed and limits draw their samples the same way.
 *
 * @param kept    indices of the images that stay (the training part)
 * @param heldOut indices of the images held out (validation or test)
 */
record IndexSplit(int[] kept, int[] heldOut) {

    /** Share of a set without its own test split that is held out as the test set. */
    static final int HELD_OUT_TEST_PERCENT = 20;
    /** Seed of the test hold-out: deliberately not the run's seed, so runs with any seed share the test images. */
    static final long TEST_HOLD_OUT_SEED = 0x7E57L;

    /** Refuses a validation share outside [0, 1) and negative limits, naming the field. */
    static void checkLimits(DataConfig config) throws DatasetException {
        double f = config.validationFraction();
        if (!(f >= 0 && f < 1)) {
            throw new DatasetException("data.validationFraction", "is " + f + ", outside [0, 1)",
                    "use a share such as 0.1");
        }
        if (config.trainLimit() < 0) {
            throw new DatasetException("data.trainLimit", "is " + config.trainLimit(),
                    "use 0 (all) or a positive count");
        }
        if (config.testLimit() < 0) {
            throw new DatasetException("data.testLimit", "is " + config.testLimit(), "use 0 (all) or a positive count");
        }
    }

    /**
     * The training part ({@code kept}) and the validation part ({@code heldOut}) of a training set of {@code size}
     * images: {@code trainLimit} takes the first N after a seeded shuffle, then {@code validationFraction} of those
     * is held out with another seeded shuffle. A pure function of (config, seed, size).
     *
     * @throws DatasetException if the hold-out leaves no image for training
     */
    static IndexSplit validation(DataConfig config, long seed, int size) throws DatasetException {
        int[] kept = trainLimited(config, seed, size);
        int[] limited = kept == null ? identity(size) : kept;
        int held = (int) Math.round(limited.length * config.validationFraction());
        int[] order = Seeds.permutation(limited.length, Seeds.mix(seed, 0x7A11D, 0, 0));
        if (held == order.length) {
            throw new DatasetException("data.validationFraction", "holding out " + config.validationFraction()
                    + " of " + limited.length + " training images leaves none for training",
                    "lower data.validationFraction or raise data.trainLimit");
        }
        int[] validation = new int[held];
        int[] train = new int[order.length - held];
        for (int i = 0; i < order.length; i++) {
            if (i < held) {
                validation[i] = limited[order[i]];
            } else {
                train[i - held] = limited[order[i]];
            }
        }
        return new IndexSplit(train, validation);
    }

    /**
     * The training images {@code trainLimit} keeps of {@code size}, in the order the validation hold-out sees them:
     * the first N after a seeded shuffle; null = all of them. Readers that can skip what is not used (IDX files,
     * canvases) ask for these up front; {@link #validation} then finds the limit applied and keeps every image.
     */
    static int[] trainLimited(DataConfig config, long seed, int size) {
        if (config.trainLimit() <= 0 || config.trainLimit() >= size) {
            return null;
        }
        return Arrays.copyOf(Seeds.permutation(size, Seeds.mix(seed, 0x11A1, 0, 0)), config.trainLimit());
    }

    /** The test images {@code testLimit} keeps of {@code size}: the first N; null = all of them. */
    static int[] testLimited(DataConfig config, int size) {
        if (config.testLimit() <= 0 || config.testLimit() >= size) {
            return null;
        }
        return identity(config.testLimit());
    }

    /**
     * The training part ({@code kept}) and the test part ({@code heldOut}, {@value #HELD_OUT_TEST_PERCENT}%, at
     * least one image) of a set without its own test split. The seed is fixed, not the run's.
     */
    static IndexSplit test(int size) {
        int test = Math.max(1, Math.round(size * HELD_OUT_TEST_PERCENT / 100f));
        int[] order = Seeds.permutation(size, TEST_HOLD_OUT_SEED);
        return new IndexSplit(Arrays.copyOfRange(order, test, order.length), Arrays.copyOf(order, test));
    }

    static int[] identity(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }
}
