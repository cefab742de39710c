package org.supertickets.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The machine's fp32 matrix-multiply rate through the engine: the ceiling for a training step's FLOP/s. */
public final class MatmulPeak {

    private MatmulPeak() {
    }

    /** Best FLOP/s of {@code repeats} {@code n×n · n×n} products (2n³ FLOPs each) after one unmeasured product. */
    public static double flopsPerSecond(NDManager parent, int n, int repeats) {
        try (NDManager manager = parent.newSubManager()) {
            NDArray a = manager.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = manager.randomUniform(-1, 1, new Shape(n, n));
            a.matMul(b).close();
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0); // waits for the product on an asynchronous device
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                c.close();
            }
            return 2.0 * n * n * n / best;
        }
    }
}
