package org.supertickets.data;

/**
 * Per-channel standardisation {@code (x - mean) / std}, with statistics of the training split only.
 *
 * @param mean per-channel mean
 * @param std  per-channel standard deviation (never below 1e-6)
 */
public record Normalization(float[] mean, float[] std) {

    public static Normalization of(ImageDataset data) {
        int c = data.channels();
        int plane = data.height() * data.width();
        double[] sum = new double[c];
        double[] sumSq = new double[c];
        float[] px = data.pixels();
        for (int n = 0; n < data.size(); n++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (n * c + ch) * plane;
                for (int p = 0; p < plane; p++) {
                    double v = px[base + p];
                    sum[ch] += v;
                    sumSq[ch] += v * v;
                }
            }
        }
        float[] mean = new float[c];
        float[] std = new float[c];
        double count = (double) data.size() * plane;
        for (int ch = 0; ch < c; ch++) {
            double m = count == 0 ? 0 : sum[ch] / count;
            double var = count == 0 ? 1 : Math.max(0, sumSq[ch] / count - m * m);
            mean[ch] = (float) m;
            std[ch] = (float) Math.max(1e-6, Math.sqrt(var));
        }
        return new Normalization(mean, std);
    }

    public float apply(float value, int channel) {
        return (value - mean[channel]) / std[channel];
    }
}
