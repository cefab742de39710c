package org.supertickets.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import org.supertickets.engine.PyTorchInternals;

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
        return of(conv, manager, conv.density() <= sparseAtOrBelow);
    }

    /** The product of {@code conv}, with a sparse weight or a dense one as {@code sparse} says. */
    static PointwiseProduct of(FoldedConv conv, NDManager manager, boolean sparse) {
        long out = conv.shape()[0];
        long in = conv.weight().length / out;
        NDArray dense = manager.create(conv.weight(), new Shape(out, in));
        NDArray weight = sparse ? dense.toSparse(SparseFormat.COO) : dense;
        return new PointwiseProduct(weight, manager.create(conv.bias(), new Shape(out, 1)), sparse, conv.density());
    }

    /** {@code W x + bias}: {@code [out, M]} for {@code x [in, M]}. */
    NDArray apply(NDArray x) {
        return onto(x, bias);
    }

    /**
     * {@code start + W x}, without this layer's bias, as one {@code addmm(start, W, x)}: libtorch's {@code linear}
     * with the roles swapped ({@code W} as its input, {@code xᵀ} as its weight) begins the output from {@code start}
     * ({@code [out, 1]} broadcasts over the columns). A sparse {@code W} times {@code x} alone fills its output with
     * zeros twice (once to create it, once more in the COO kernel), and adding the bias or a residual would be a
     * further pass: this was ~2× faster on the expand layers (docs/performance.md, "Sparse inference").
     */
    NDArray onto(NDArray x, NDArray start) {
        return PyTorchInternals.linear(weight, x.transpose(), start);
    }

    boolean sparse() {
        return sparse;
    }

    double density() {
        return density;
    }
}
