package org.supertickets.train;

/**
 * What the trainer needs from a dataset: normalised batches by index, and each epoch's order. Every method
 * is a pure function of its arguments and the run's seed, so a resumed run sees the same batches.
 */
public interface TrainingData {

    int channels();

    int height();

    int width();

    int classes();

    /**
     * How many labels one image has: 1 for classification, {@code height() * width()} for segmentation (one class
     * index per pixel, row-major). The fill methods write {@code indices.length * labelsPerImage()} labels.
     */
    default int labelsPerImage() {
        return 1;
    }

    int trainSize();

    int validationSize();

    int testSize();

    /** The shuffled order of the training images in {@code epoch}. */
    int[] epochOrder(int epoch);

    /**
     * Fills a training batch (augmented when the config says so; randomness from epoch and position).
     *
     * @param indices  training image indices
     * @param epoch    current epoch
     * @param position batch position within the epoch
     * @param images   receives {@code indices.length * C * H * W} normalised values
     * @param labels   receives {@code indices.length} labels
     */
    void fillTrain(int[] indices, int epoch, int position, float[] images, long[] labels);

    /** Fills a validation batch (never augmented). */
    void fillValidation(int[] indices, float[] images, long[] labels);

    /** Fills a test batch (never augmented). */
    void fillTest(int[] indices, float[] images, long[] labels);

    /**
     * The test images {@code indices} as stored, before normalisation: {@code indices.length * C * H * W} unsigned
     * 8-bit values, NCHW, for showing them to a person (a segmentation run records a few with its predictions).
     * Null when the data keep no 8-bit copy; the images are then recovered from {@link #fillTest}.
     */
    default byte[] testImageBytes(int[] indices) {
        return null;
    }
}
