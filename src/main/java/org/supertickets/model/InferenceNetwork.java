package org.supertickets.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * A network of the search space for inference only, built so that sparse weights can pay: every BN is folded into
 * the conv before it ({@link FoldedConv}), and activations are kept as {@code [C, N·H·W]} (channels first, then
 * images) so that each 1×1 conv — expand, projection, strided skip, head — and the classifier is one matrix
 * product {@code W [out, in] × x} with no transposition around it ({@link PointwiseProduct}). Layers whose density
 * is at or below a threshold multiply with a sparse weight; the depthwise convs stay dense and run on the same
 * layout as one grouped conv with each channel's kernel repeated for every image.
 *
 * <p>It computes what {@link Supernet#forward} computes in {@link BatchNormMode#EVAL}, up to float rounding
 * (folding reorders the arithmetic).
 */
public final class InferenceNetwork implements AutoCloseable {

    /**
     * Densities at or below which a 1×1 layer runs sparse when asked to: the COO product beat the dense GEMM on
     * all nine layer shapes of the Fashion-MNIST supernet at 15 % density (1.1–2×) and lost on most at 30 %
     * (docs/performance.md, "Sparse inference").
     */
    public static final double SPARSE_AT_OR_BELOW_DENSITY = 0.15;

    /** Which kernel the 1×1 layers use. */
    public enum Kernels {
        /** Dense products everywhere: the same network and layout, to tell what sparsity itself buys. */
        DENSE,
        /** Sparse products for the layers at or below {@link #SPARSE_AT_OR_BELOW_DENSITY}. */
        SPARSE_WHERE_IT_PAYS
    }

    private final Architecture architecture;
    private final NDManager manager;
    private final NDArray stemWeight;
    private final NDArray stemBias;
    private final Map<String, PointwiseProduct> pointwise = new HashMap<>();
    private final Map<String, BranchedProjection> projections = new HashMap<>();
    /** A block with an identity skip: its projection's bias, where its sum starts (the input is added last). */
    private final Map<String, NDArray> identitySkipBias = new HashMap<>();
    private final Map<String, FoldedConv> depthwise = new HashMap<>();
    /** Depthwise weight and bias repeated per image, by layer and batch size (built on first use). */
    private final Map<String, NDList> depthwiseByBatch = new HashMap<>();

    private InferenceNetwork(NetworkState state, NDManager parent, Device device, Kernels kernels) {
        this.architecture = state.architecture();
        this.manager = parent.newSubManager(device);
        double threshold = kernels == Kernels.DENSE ? -1 : SPARSE_AT_OR_BELOW_DENSITY;
        FoldedConv stem = FoldedConv.of(state, TensorNames.STEM, TensorNames.STEM_BN);
        stemWeight = manager.create(stem.weight(), new Shape(stem.shape()));
        stemBias = manager.create(stem.bias());
        for (BlockState block : architecture.blocks()) {
            float[] projectionBias = null;
            if (!block.bodyRemoved()) {
                addPointwise(state, TensorNames.expand(block), TensorNames.expandBn(block), threshold);
                BranchedProjection projection = BranchedProjection.of(FoldedConv.of(state, TensorNames.project(block),
                        TensorNames.outBn(block)), liveWidths(block), manager, threshold);
                projections.put(TensorNames.project(block), projection);
                projectionBias = projection.bias();
                for (BranchState branch : block.branches()) {
                    if (!branch.removed()) {
                        String layer = TensorNames.depthwise(block, branch);
                        depthwise.put(layer, FoldedConv.of(state, layer, TensorNames.depthwiseBn(block, branch)));
                    }
                }
            }
            if (!block.identitySkip()) {
                FoldedConv skip = architecture.skipPath().hasBatchNorm()
                        ? FoldedConv.of(state, TensorNames.skip(block), TensorNames.skipBn(block))
                        // The official grouped skip has no BN to fold: its block-diagonal dense form, no bias.
                        : FoldedConv.groupedAsDense(state, TensorNames.skip(block), block.inChannels(),
                                architecture.skipGroups(block));
                // The projection's sum starts from the skip's output, so the skip carries the projection's bias.
                pointwise.put(TensorNames.skip(block), PointwiseProduct.of(
                        projectionBias == null ? skip : skip.plusBias(projectionBias), manager, threshold));
            } else if (projectionBias != null) {
                identitySkipBias.put(TensorNames.project(block), manager.create(projectionBias,
                        new Shape(projectionBias.length, 1)));
            }
        }
        addPointwise(state, TensorNames.HEAD, TensorNames.HEAD_BN, threshold);
        pointwise.put(TensorNames.CLASSIFIER, PointwiseProduct.of(FoldedConv.unfolded(state, TensorNames.CLASSIFIER,
                state.tensor(TensorNames.CLASSIFIER_BIAS).data()), manager, threshold));
    }

    private static int[] liveWidths(BlockState block) {
        return block.branches().stream().filter(b -> !b.removed()).mapToInt(BranchState::hiddenChannels).toArray();
    }

    private void addPointwise(NetworkState state, String layer, String bn, double threshold) {
        pointwise.put(layer, PointwiseProduct.of(FoldedConv.of(state, layer, bn), manager, threshold));
    }

    /** Folds and copies a host network onto {@code device}; the arrays belong to a sub-manager of {@code parent}. */
    public static InferenceNetwork load(NetworkState state, NDManager parent, Device device, Kernels kernels) {
        return new InferenceNetwork(state, parent, device, kernels);
    }

    public NDManager manager() {
        return manager;
    }

    /** The 1×1 layers (and the classifier) that multiply with a sparse weight, in network order. */
    public List<String> sparseLayers() {
        List<String> names = new ArrayList<>();
        for (String layer : layerOrder()) {
            PointwiseProduct product = pointwise.get(layer);
            if (product != null ? product.sparse() : projections.get(layer).sparse()) {
                names.add(layer);
            }
        }
        return names;
    }

    /** How many 1×1 layers (the classifier included) there are. */
    public int pointwiseLayers() {
        return layerOrder().size();
    }

    private List<String> layerOrder() {
        List<String> names = new ArrayList<>();
        for (BlockState block : architecture.blocks()) {
            if (!block.identitySkip()) {
                names.add(TensorNames.skip(block));
            }
            if (!block.bodyRemoved()) {
                names.add(TensorNames.expand(block));
                names.add(TensorNames.project(block));
            }
        }
        names.add(TensorNames.HEAD);
        names.add(TensorNames.CLASSIFIER);
        return names;
    }

    /** Logits {@code [N, classes]} for a normalised batch {@code [N, C, H, W]}. */
    public NDArray forward(NDArray input) {
        int n = (int) input.getShape().get(0);
        int k = architecture.stemKernel();
        int s = architecture.stemStride();
        NDArray stemOut = Activation.relu(Conv2d.conv2d(input, stemWeight, stemBias, new Shape(s, s),
                new Shape(k / 2, k / 2), new Shape(1, 1), 1).singletonOrThrow());
        Shape stemShape = stemOut.getShape();
        NDArray x = stemOut.transpose(1, 0, 2, 3).reshape(stemShape.get(1), -1);
        int h = (int) stemShape.get(2);
        int w = (int) stemShape.get(3);
        for (BlockState block : architecture.blocks()) {
            x = block(x, block, n, h, w);
            h = block.outHeight();
            w = block.outWidth();
        }
        NDArray head = Activation.relu(pointwise.get(TensorNames.HEAD).apply(x));
        NDArray pooled = head.reshape(head.getShape().get(0), n, (long) h * w).mean(new int[] {2});
        return pointwise.get(TensorNames.CLASSIFIER).apply(pooled).transpose();
    }

    /** One block on {@code x [in, N·H·W]}; the branches' hidden channels are consecutive rows of the expansion. */
    private NDArray block(NDArray x, BlockState block, int n, int h, int w) {
        NDArray skip = block.identitySkip() ? x : pointwise.get(TensorNames.skip(block)).apply(strided(x, block, n, h,
                w));
        if (block.bodyRemoved()) {
            return skip;
        }
        NDArray hidden = Activation.relu(pointwise.get(TensorNames.expand(block)).apply(x));
        BranchedProjection projection = projections.get(TensorNames.project(block));
        NDArray sum = block.identitySkip() ? identitySkipBias.get(TensorNames.project(block)) : skip;
        long offset = 0;
        int b = 0;
        for (BranchState branch : block.branches()) {
            if (branch.removed()) {
                continue;
            }
            long end = offset + branch.hiddenChannels();
            NDArray rows = hidden.get(new NDIndex("{}:{}", offset, end));
            sum = projection.addBranch(b++, depthwise(rows, block, branch, n, h, w), sum);
            offset = end;
        }
        return block.identitySkip() ? sum.addi(x) : sum;
    }

    /** What a strided 1×1 conv sees: every {@code stride}-th row and column of each image. */
    private static NDArray strided(NDArray x, BlockState block, int n, int h, int w) {
        if (block.stride() == 1) {
            return x;
        }
        int s = block.stride();
        return x.reshape(x.getShape().get(0), n, h, w).get(new NDIndex(":, :, ::{}, ::{}", s, s))
                .reshape(x.getShape().get(0), -1);
    }

    /**
     * A branch's depthwise conv, BN and ReLU on its rows {@code [c, N·H·W]}: viewed as one image of {@code c·N}
     * channels, it is a grouped conv whose kernels are each channel's repeated for the N images.
     */
    private NDArray depthwise(NDArray rows, BlockState block, BranchState branch, int n, int h, int w) {
        String layer = TensorNames.depthwise(block, branch);
        int c = branch.hiddenChannels();
        NDList kernel = depthwiseByBatch.computeIfAbsent(layer + "@" + n, key -> {
            FoldedConv conv = depthwise.get(layer);
            NDList repeated = new NDList(manager.create(conv.weight(), new Shape(conv.shape())).repeat(0, n),
                    manager.create(conv.bias()).repeat(0, n));
            // Kept across passes: a caller's NDScope around forward() must not free them with the pass's arrays.
            NDScope.unregister(repeated);
            return repeated;
        });
        int k = branch.kernelSize();
        int s = block.stride();
        NDArray y = Conv2d.conv2d(rows.reshape(1, (long) c * n, h, w), kernel.get(0), kernel.get(1), new Shape(s, s),
                new Shape(k / 2, k / 2), new Shape(1, 1), c * n).singletonOrThrow();
        return Activation.relu(y).reshape(c, -1);
    }

    @Override
    public void close() {
        manager.close();
    }
}
