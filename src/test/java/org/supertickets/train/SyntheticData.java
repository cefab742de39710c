package org.supertickets.train;

import java.util.SplittableRandom;

/** A tiny learnable dataset: each class lights up its own patch of a noisy image. */
final class SyntheticData implements TrainingData {

    private final int size;
    private final int classes;
    private final int side;
    private final long seed;

    SyntheticData(int size, int classes, int side, long seed) {
        this.size = size;
        this.classes = classes;
        this.side = side;
        this.seed = seed;
    }

    @Override public int channels() { return 1; }
    @Override public int height() { return side; }
    @Override public int width() { return side; }
    @Override public int classes() { return classes; }
    @Override public int trainSize() { return size; }
    @Override public int validationSize() { return size / 4; }
    @Override public int testSize() { return size / 4; }

    @Override
    public int[] epochOrder(int epoch) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed * 31 + epoch);
        for (int i = size - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public void fillTrain(int[] indices, int epoch, int position, float[] images, long[] labels) {
        fill(indices, 0, images, labels);
    }

    @Override
    public void fillValidation(int[] indices, float[] images, long[] labels) {
        fill(indices, 1_000_000, images, labels);
    }

    @Override
    public void fillTest(int[] indices, float[] images, long[] labels) {
        fill(indices, 2_000_000, images, labels);
    }

    private void fill(int[] indices, int offset, float[] images, long[] labels) {
        int pixels = side * side;
        for (int n = 0; n < indices.length; n++) {
            int id = indices[n] + offset;
            SplittableRandom r = new SplittableRandom(seed ^ (id * 0x9E3779B97F4A7C15L));
            int label = Math.floorMod(id, classes);
            labels[n] = label;
            for (int p = 0; p < pixels; p++) {
                images[n * pixels + p] = (float) (r.nextDouble() - 0.5);
            }
            int cx = (label % 2) * side / 2;
            int cy = (label / 2) * side / 2;
            for (int y = cy; y < cy + side / 2 && y < side; y++) {
                for (int x = cx; x < cx + side / 2; x++) {
                    images[n * pixels + y * side + x] += 1.5f;
                }
            }
        }
    }
}
