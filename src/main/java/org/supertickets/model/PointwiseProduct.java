package org.supertickets.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * A 1×1 conv (or the classifier) as one matrix product on activations laid out {@code [C, N·H·W]}: {@code W [out,
 * in] × x [in, N·H·W] + bias}. Sparse enough weights are held as a COO sparse matrix, whose product with a dense
 * matrix costs in proportion to the kept weights; the others stay dense (a dense GEMM beats the sparse kernel
 * until most weights are gone, see docs/performance.md).
 */
final class PointwiseProduct {

    private final NDArray weight;
    private final NDArray bias;
    private final boolean sparse;
    private final double density;

    private PointwiseProduct(NDArray weight, NDArray bias, boolean sparse, double density) {
        this.weight = weight;
        this.bias = bias;
        this.sparse = sparse;
        this.density = density;
    }

    /** The product of {@code conv}, sparse when its density is at most {@code sparseAtOrBelow}. */
    static PointwiseProduct of(FoldedConv conv, NDManager manager, double sparseAtOrBelow) {
        long out = conv.shape()[0];
        long in = conv.weight().length / out;
        double density = conv.density();
        NDArray dense = manager.create(conv.weight(), new Shape(out, in));
        boolean sparse = density <= sparseAtOrBelow;
        NDArray weight = sparse ? dense.toSparse(SparseFormat.COO) : dense;
        return new PointwiseProduct(weight, manager.create(conv.bias(), new Shape(out, 1)), sparse, density);
    }

    /** {@code [out, M]} for {@code x [in, M]}; the bias is added in place (one buffer less per layer). */
    NDArray apply(NDArray x) {
        return weight.matMul(x).addi(bias);
    }

    boolean sparse() {
        return sparse;
    }

    double density() {
        return density;
    }
}
