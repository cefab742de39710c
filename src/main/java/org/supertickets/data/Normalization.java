package org.supertickets.data;

import java.util.Arrays;

/**
 * Per-channel standardisation {@code (x - mean[c]) / std[c]}. The statistics come from the training split
 * only, so nothing about the validation or test images leaks into training.
 *
 * @param mean per-channel mean (copied)
 * @param std  per-channel standard deviation, every value positive (copied)
 */
public record Normalization(float[] mean, float[] std) {

    /** Floor for the standard deviation, so a constant channel does not divide by zero. */
    static final float MIN_STD = 1e-6f;

    public Normalization {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one value per channel: " + mean.length + " vs "
                    + std.length);
        }
        mean = mean.clone();
        std = std.clone();
        for (float s : std) {
            if (!(s > 0) || !Float.isFinite(s)) {
                throw new IllegalArgumentException("std must be positive and finite: " + Arrays.toString(std));
            }
        }
    }

    /** Mean and standard deviation of each channel over all pixels of {@code data} (identity when empty). */
    public static Normalization of(ImageDataset data) {
        int c = data.channels();
        int plane = data.height() * data.width();
        double[] sum = new double[c];
        double[] sumSq = new double[c];
        float[] px = data.pixels();
        for (int n = 0; n < data.size(); n++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (n * c + ch) * plane;
                // Accumulated pixel by pixel on purpose: the same order as earlier versions, so the statistics
                // (and a resumed run's batches) stay bit-identical.
                for (int p = 0; p < plane; p++) {
                    double v = px[base + p];
                    sum[ch] += v;
                    sumSq[ch] += v * v;
                }
            }
        }
        return fromSums(sum, sumSq, (double) data.size() * plane);
    }

    /**
     * Mean and standard deviation of each channel over all pixels of {@code data} (identity when empty). The
     * pixels are bytes, so a histogram per channel gives exact sums without a double per pixel.
     */
    public static Normalization of(SegmentationDataset data) {
        int c = data.channels();
        int plane = data.height() * data.width();
        long[][] histogram = new long[c][256];
        byte[] px = data.pixels();
        for (int n = 0; n < data.size(); n++) {
            for (int ch = 0; ch < c; ch++) {
                long[] h = histogram[ch];
                int base = (n * c + ch) * plane;
                for (int p = 0; p < plane; p++) {
                    h[px[base + p] & 0xff]++;
                }
            }
        }
        double[] sum = new double[c];
        double[] sumSq = new double[c];
        for (int ch = 0; ch < c; ch++) {
            for (int v = 0; v < 256; v++) {
                double value = v / 255f;
                sum[ch] += histogram[ch][v] * value;
                sumSq[ch] += histogram[ch][v] * value * value;
            }
        }
        return fromSums(sum, sumSq, (double) data.size() * plane);
    }

    private static Normalization fromSums(double[] sum, double[] sumSq, double count) {
        int c = sum.length;
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double m = count == 0 ? 0 : sum[ch] / count;
            double var = count == 0 ? 1 : Math.max(0, sumSq[ch] / count - m * m);
            mean[ch] = (float) m;
            std[ch] = (float) Math.max(MIN_STD, Math.sqrt(var));
        }
        return new Normalization(mean, std);
    }

    /** Number of channels. */
    public int channels() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** One normalised value. */
    public float apply(float value, int channel) {
        return (value - mean[channel]) / std[channel];
    }

    /**
     * Normalises one NCHW image in place: {@link #channels()} planes of {@code plane} values starting at
     * {@code offset}.
     */
    public void applyInPlace(float[] buffer, int offset, int plane) {
        for (int c = 0; c < mean.length; c++) {
            float m = mean[c];
            float s = std[c];
            int base = offset + c * plane;
            for (int k = 0; k < plane; k++) {
                buffer[base + k] = (buffer[base + k] - m) / s;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
