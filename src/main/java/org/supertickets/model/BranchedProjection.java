package org.supertickets.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's projection conv cut into its branches' column blocks, {@code out = start + Σ W_b y_b}: each branch's
 * depthwise output is multiplied onto the running sum as it comes ({@link PointwiseProduct#onto}), so the
 * branches' outputs are never concatenated — that copy of every hidden channel was the largest pass left in the
 * sparse ticket after the products (docs/performance.md, "Sparse inference"). The sum starts from the skip path,
 * which carries the projection's bias.
 */
final class BranchedProjection {

    private final List<PointwiseProduct> slices;
    private final float[] bias;
    private final boolean sparse;

    private BranchedProjection(List<PointwiseProduct> slices, float[] bias, boolean sparse) {
        this.slices = slices;
        this.bias = bias;
        this.sparse = sparse;
    }

    /**
     * The projection {@code conv} cut at the branches' widths (in channel order); every slice is sparse when the
     * whole layer's density is at most {@code sparseAtOrBelow}.
     */
    static BranchedProjection of(FoldedConv conv, int[] widths, NDManager manager, double sparseAtOrBelow) {
        boolean sparse = conv.density() <= sparseAtOrBelow;
        List<PointwiseProduct> slices = new ArrayList<>();
        float[] noBias = new float[conv.bias().length];
        int from = 0;
        for (int width : widths) {
            slices.add(PointwiseProduct.of(conv.columns(from, from + width, noBias), manager, sparse));
            from += width;
        }
        return new BranchedProjection(slices, conv.bias(), sparse);
    }

    /** The projection's bias, one per output channel: the skip path adds it (see the class comment). */
    float[] bias() {
        return bias;
    }

    boolean sparse() {
        return sparse;
    }

    /** {@code start + W_b y_b}: adds branch {@code b}'s part, {@code y_b [width_b, M]}, onto {@code start}. */
    NDArray addBranch(int b, NDArray branchOutput, NDArray start) {
        return slices.get(b).onto(branchOutput, start);
    }
}
