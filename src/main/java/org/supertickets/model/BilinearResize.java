package org.supertickets.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Bilinear resizing of {@code [N, C, h, w]} maps to {@code [N, C, H, W]} as two matrix products, {@code U_H · x ·
 * U_W^T}, with PyTorch's {@code align_corners=False} sampling. As products they stay on the autograd tape with
 * no engine-specific interpolation kernel, and the ONNX export writes the same two MatMuls.
 */
public final class BilinearResize {

    private BilinearResize() {
    }

    /** {@code x} resized to {@code height × width}; {@code x} itself when it already has that size. */
    public static NDArray resize(NDArray x, int height, int width) {
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        NDArray y = x;
        NDManager manager = x.getManager();
        if (w != width) {
            y = y.matMul(manager.create(matrix(w, width), new Shape(width, w)).transpose());
        }
        if (h != height) {
            y = manager.create(matrix(h, height), new Shape(height, h)).matMul(y);
        }
        return y;
    }

    /**
     * The {@code out × in} interpolation matrix along one axis, row-major: output position {@code o} samples the
     * input at {@code (o + 0.5) · in / out − 0.5} (clamped at 0), weighting its two neighbours linearly.
     */
    public static float[] matrix(int in, int out) {
        float[] m = new float[out * in];
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double source = Math.max(0, (o + 0.5) * scale - 0.5);
            int i0 = Math.min((int) source, in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            float toNext = (float) (source - i0);
            m[o * in + i0] += 1 - toNext;
            m[o * in + i1] += toNext;
        }
        return m;
    }
}
