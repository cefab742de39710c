package org.supertickets.train;

/**
 * A small fixed set of images a what-if is measured on: a few training batches to re-estimate the BN statistics
 * (as every evaluation of the run does) and the first validation images. Fixed, so two what-ifs on the same
 * network differ only by what they switched off.
 *
 * @param calibration the training batches a what-if re-estimates its BN statistics on (their image shape is the
 *                    probe's)
 * @param images      validation images, row-major
 * @param labels      their labels
 */
public record ProbeBatch(CalibrationBatches calibration, float[] images, long[] labels) {

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
        return new ProbeBatch(CalibrationBatches.of(data, batchSize, CALIBRATION_BATCHES), images, labels);
    }

    public int channels() {
        return calibration.channels();
    }

    public int height() {
        return calibration.height();
    }

    public int width() {
        return calibration.width();
    }

    /** Validation images in the probe. */
    public int size() {
        return images.length / (channels() * height() * width());
    }
}
