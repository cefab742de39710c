package org.supertickets.train;

/**
 * A small fixed set of images a what-if is measured on: a few training batches to re-estimate the BN statistics
 * (as every evaluation of the run does) and the first validation images. Fixed, so two what-ifs on the same
 * network differ only by what they switched off.
 *
 * @param calibration      training images of {@code calibrationBatches} batches of {@code batchSize}, row-major
 * @param calibrationBatches how many batches {@code calibration} holds
 * @param batchSize        images per calibration batch
 * @param images           validation images, row-major
 * @param labels           their labels
 * @param channels         image channels
 * @param height           image height
 * @param width            image width
 */
public record ProbeBatch(
        float[] calibration,
        int calibrationBatches,
        int batchSize,
        float[] images,
        long[] labels,
        int channels,
        int height,
        int width) {

    /** Validation images a what-if is measured on (at most). */
    public static final int VALIDATION_IMAGES = 256;
    /** Training batches that re-estimate the BN statistics of a what-if network (at most). */
    public static final int CALIBRATION_BATCHES = 3;

    /** Reads the probe from a run's data: the first validation images and the evaluator's first BN batches. */
    static ProbeBatch from(TrainingData data, int batchSize) {
        int pixels = data.channels() * data.height() * data.width();
        int n = Math.min(VALIDATION_IMAGES, data.validationSize());
        float[] images = new float[n * pixels];
        long[] labels = new long[n * data.labelsPerImage()];
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        if (n > 0) {
            data.fillValidation(indices, images, labels);
        }
        CalibrationBatches calibration = CalibrationBatches.of(data, batchSize, CALIBRATION_BATCHES);
        return new ProbeBatch(calibration.images(), calibration.batches(), batchSize, images, labels, data.channels(),
                data.height(), data.width());
    }

    /** The training batches a what-if re-estimates its BN statistics on. */
    public CalibrationBatches calibrationSet() {
        return new CalibrationBatches(calibration, calibrationBatches, batchSize, channels, height, width);
    }

    /** Validation images in the probe. */
    public int size() {
        return images.length / (channels * height * width);
    }
}
