package org.supertickets.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * A network of the search space on an engine device: its tensors as NDArrays and the forward pass. Masks
 * multiply the raw weights inside the forward pass, so a pruned weight keeps its value (it is shrunk only by
 * weight decay) and can come back when a later event reactivates it — as in the official code.
 *
 * <p>The expand convs of a block's branches read the same input and their projections are summed, so their
 * weights are stored merged: one expand weight to all branches' channels and one projection from their
 * concatenation (the layout of checkpoints and tickets).
 */
public final class Supernet implements AutoCloseable {

    private final Architecture architecture;
    /** The epsilon of every batch normalisation: {@code (x - mean) / sqrt(var + eps) * gamma + beta}. */
    private final float bnEpsilon;
    private final NDManager manager;
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();
    private final Map<String, int[]> channelOrigins;
    /** False for a view ({@link #withTensorsOf}): the arrays and their manager belong to another network. */
    private final boolean ownsArrays;
    /** How the activations lie in memory: a speed choice for this machine ({@link ActivationLayout}). */
    private final ActivationLayout layout;
    /** Zero channels that keep a shrunk block's widths fast in channels-last (none in NCHW). */
    private final ChannelPadding padding;

    private Supernet(NetworkState state, NDManager parent, Device device, ActivationLayout layout) {
        this.architecture = state.architecture();
        this.bnEpsilon = architecture.bnEpsilon().floatValue();
        this.manager = parent.newSubManager(device);
        this.channelOrigins = state.channelOrigins();
        this.ownsArrays = true;
        this.layout = layout;
        this.padding = ChannelPadding.forLayout(layout, manager);
        for (Map.Entry<String, HostTensor> e : state.tensors().entrySet()) {
            NDArray array = manager.create(e.getValue().data(), new Shape(e.getValue().shape()));
            if (isTrainable(e.getKey())) {
                array.setRequiresGradient(true);
            }
            tensors.put(e.getKey(), array);
        }
    }

    private Supernet(Supernet base, Map<String, NDArray> replacements) {
        this.architecture = base.architecture;
        this.bnEpsilon = base.bnEpsilon;
        this.manager = base.manager;
        this.channelOrigins = base.channelOrigins;
        this.ownsArrays = false;
        this.layout = base.layout;
        this.padding = base.padding;
        tensors.putAll(base.tensors);
        tensors.putAll(replacements);
    }

    /**
     * The same network with some tensors replaced by {@code replacements} (same names and shapes), sharing every
     * array: nothing is copied, and closing the view closes nothing. E.g. the moving average of the weights under
     * this network's masks.
     */
    public Supernet withTensorsOf(Map<String, NDArray> replacements) {
        return new Supernet(this, replacements);
    }

    /** Copies a host network onto {@code device}; the arrays belong to a sub-manager of {@code parent}. */
    public static Supernet load(NetworkState state, NDManager parent, Device device) {
        return load(state, parent, device, ActivationLayout.forNetwork(device, state.architecture()));
    }

    /** {@link #load(NetworkState, NDManager, Device)} with its activations laid out as {@code layout}. */
    public static Supernet load(NetworkState state, NDManager parent, Device device, ActivationLayout layout) {
        return new Supernet(state, parent, device, layout);
    }

    /** Weights, BN scales and shifts, and the classifier bias are trained; statistics and masks are not. */
    public static boolean isTrainable(String name) {
        return name.endsWith(TensorNames.WEIGHT) || name.endsWith(TensorNames.GAMMA)
                || name.endsWith(TensorNames.BETA) || name.equals(TensorNames.CLASSIFIER_BIAS);
    }

    public Architecture architecture() {
        return architecture;
    }

    public NDManager manager() {
        return manager;
    }

    public NDArray tensor(String name) {
        NDArray t = tensors.get(name);
        if (t == null) {
            throw new IllegalStateException("no tensor named " + name);
        }
        return t;
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    /** Names of the trained tensors, in a stable order. */
    public List<String> trainableNames() {
        List<String> names = new ArrayList<>();
        for (String name : tensors.keySet()) {
            if (isTrainable(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Logits for a normalised batch {@code [N, C, H, W]}: {@code [N, classes]} for classification, {@code [N,
     * classes, H, W]} (one prediction per pixel) for segmentation.
     */
    public NDArray forward(NDArray input, BatchNormMode mode) {
        return forward(input, mode, ActivationTap.NONE);
    }

    /** {@link #forward(NDArray, BatchNormMode)}, handing {@code tap} the activations a person would look at. */
    public NDArray forward(NDArray input, BatchNormMode mode, ActivationTap tap) {
        NDArray x = convBnRelu(layout.arrange(input), TensorNames.STEM, TensorNames.STEM_BN,
                architecture.stemStride(), 1, mode, true);
        tap.take(ActivationTap.Point.STEM, -1, 0, x);
        int skipBlock = architecture.segments() ? architecture.decoderSkipBlock() : Integer.MIN_VALUE;
        NDArray skipFeature = skipBlock == -1 ? x : null;
        List<BlockState> blocks = architecture.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            x = block(x, blocks.get(i), mode, tap);
            tap.take(ActivationTap.Point.BLOCK, i, 0, x);
            if (i == skipBlock) {
                skipFeature = x;
            }
        }
        x = convBnRelu(x, TensorNames.HEAD, TensorNames.HEAD_BN, 1, 1, mode, true);
        tap.take(ActivationTap.Point.HEAD, blocks.size(), 0, x);
        if (architecture.segments()) {
            return decode(x, skipFeature, mode);
        }
        NDArray pooled = x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2});
        return Linear.linear(pooled, tensor(TensorNames.weight(TensorNames.CLASSIFIER)),
                tensor(TensorNames.CLASSIFIER_BIAS)).singletonOrThrow();
    }

    /**
     * Segmentation's decoder (ours, an FPN-lite): the head's features upsampled to the skip's resolution, added to
     * the skip's 1x1 projection and BN, ReLU, the classifier at every pixel, then upsampled to the input size.
     */
    private NDArray decode(NDArray head, NDArray skipFeature, BatchNormMode mode) {
        NDArray up = BilinearResize.resize(head, architecture.decoderHeight(), architecture.decoderWidth());
        NDArray skip = batchNorm(conv(skipFeature, maskedWeight(TensorNames.DECODER_SKIP), 1, 1),
                TensorNames.DECODER_SKIP_BN, null, mode);
        NDArray features = Activation.relu(up.add(skip));
        NDArray classifier = tensor(TensorNames.weight(TensorNames.CLASSIFIER));
        long classes = classifier.getShape().get(0);
        NDArray logits = Conv2d.conv2d(features, classifier.reshape(classes, classifier.getShape().get(1), 1, 1),
                tensor(TensorNames.CLASSIFIER_BIAS), new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1)
                .singletonOrThrow();
        return BilinearResize.resize(logits, architecture.inHeight(), architecture.inWidth());
    }

    /** One block: its body's projection (the branches' sum) after BN, plus the skip. */
    private NDArray block(NDArray x, BlockState block, BatchNormMode mode, ActivationTap tap) {
        NDArray skip = block.identitySkip() ? x : skip(x, block, mode);
        if (block.bodyRemoved()) {
            return skip;
        }
        NDArray body = padding.neededBy(block) ? paddedBody(x, block, mode, tap) : branchByBranch(x, block, mode, tap);
        return batchNorm(body, TensorNames.outBn(block), null, mode).add(skip);
    }

    /**
     * The branches' summed projections, each branch on its own slice of the block's tensors. They are stored merged
     * (one expand weight for all branches' hidden channels, one projection from their concatenation), but splitting
     * the merged activation instead hands the depthwise convs strided slices, which libtorch copies forward and
     * concatenates backward, and that cost more than the larger kernels saved.
     */
    private NDArray branchByBranch(NDArray x, BlockState block, BatchNormMode mode, ActivationTap tap) {
        NDArray expandWeight = maskedWeight(TensorNames.expand(block));
        String expandBn = TensorNames.expandBn(block);
        NDArray body = null;
        long offset = 0;
        for (BranchState branch : block.branches()) {
            if (branch.removed()) {
                continue;
            }
            long end = offset + branch.hiddenChannels();
            NDIndex rows = new NDIndex("{}:{}", offset, end);
            NDArray hidden = conv(x, expandWeight.get(rows), 1, 1);
            hidden = batchNorm(hidden, expandBn, rows, mode);
            hidden = Activation.relu(hidden);
            hidden = convBnRelu(hidden, TensorNames.depthwise(block, branch), TensorNames.depthwiseBn(block, branch),
                    block.stride(), branch.hiddenChannels(), mode, true);
            tap.take(ActivationTap.Point.BRANCH, block.index(), branch.kernelSize(), hidden);
            NDArray projected = conv(hidden, maskedColumns(TensorNames.project(block), offset, end), 1, 1);
            body = body == null ? projected : body.add(projected);
            offset = end;
        }
        return body;
    }

    /**
     * The same sum computed as one wide branch, for a channels-last block whose branches a search has shrunk to
     * widths its kernels run slowly at ({@link ChannelPadding}): one expand conv to all hidden channels, one BN and
     * ReLU, one depthwise conv whose smaller kernels sit zero-padded in the middle of the largest (the same outputs),
     * one BN and ReLU, one projection — all of them {@link ChannelPadding#channelsAfter zero channels} wider, so that
     * every width is a multiple of {@value ChannelPadding#MULTIPLE}. Against the branch-by-branch pass on the same
     * shrunk networks this took 9–20 % less time per forward and backward, the padded kernels' extra work included;
     * on a dense supernet, where no width needs padding, the branch-by-branch pass is the faster
     * (docs/performance.md, "Channels-last after a shrink").
     */
    private NDArray paddedBody(NDArray x, BlockState block, BatchNormMode mode, ActivationTap tap) {
        int width = block.hiddenChannels();
        int zeros = padding.channelsAfter(width);
        NDArray hidden = conv(x, padding.append(maskedWeight(TensorNames.expand(block)), 0, zeros, 0f), 1, 1);
        hidden = Activation.relu(paddedBatchNorm(hidden, List.of(TensorNames.expandBn(block)), zeros, mode));
        List<BranchState> live = block.branches().stream().filter(b -> !b.removed()).toList();
        int largest = live.stream().mapToInt(BranchState::kernelSize).max().orElseThrow();
        NDList kernels = new NDList();
        List<String> depthwiseBns = new ArrayList<>();
        for (BranchState branch : live) {
            NDArray kernel = maskedWeight(TensorNames.depthwise(block, branch));
            int margin = (largest - branch.kernelSize()) / 2;
            kernels.add(margin == 0 ? kernel : kernel.pad(new Shape(margin, margin, margin, margin), 0));
            depthwiseBns.add(TensorNames.depthwiseBn(block, branch));
        }
        hidden = conv(hidden, padding.append(concat(kernels), 0, zeros, 0f), block.stride(), width + zeros);
        hidden = Activation.relu(paddedBatchNorm(hidden, depthwiseBns, zeros, mode));
        if (tap != ActivationTap.NONE) {
            long offset = 0;
            for (BranchState branch : live) {
                tap.take(ActivationTap.Point.BRANCH, block.index(), branch.kernelSize(),
                        hidden.get(new NDIndex(":, {}:{}", offset, offset + branch.hiddenChannels())));
                offset += branch.hiddenChannels();
            }
        }
        return conv(hidden, padding.append(maskedWeight(TensorNames.project(block)), 1, zeros, 0f), 1, 1);
    }

    /**
     * BN over channels that belong to the BNs {@code bns} in turn, then {@code zeros} padding channels: scales and
     * shifts are concatenated (zero for the padding), and so are the running statistics, into copies whose parts are
     * written back after the op. Each of those tensors is used here alone, so the in-place write cannot invalidate a
     * view the autograd tape holds.
     */
    private NDArray paddedBatchNorm(NDArray x, List<String> bns, int zeros, BatchNormMode mode) {
        if (bns.size() == 1 && zeros == 0) {
            return batchNorm(x, bns.get(0), null, mode);
        }
        NDList means = parts(bns, TensorNames.RUNNING_MEAN);
        NDList variances = parts(bns, TensorNames.RUNNING_VAR);
        NDArray mean = padding.append(concat(means), 0, zeros, 0f);
        NDArray variance = padding.append(concat(variances), 0, zeros, 1f);
        NDArray y = BatchNorm.batchNorm(x, mean, variance,
                padding.append(concat(parts(bns, TensorNames.GAMMA)), 0, zeros, 0f),
                padding.append(concat(parts(bns, TensorNames.BETA)), 0, zeros, 0f), 1, mode.keepFraction(),
                bnEpsilon, mode.training()).singletonOrThrow();
        if (mode.training() && mode.keepFraction() < 1f) {
            long offset = 0;
            for (int i = 0; i < means.size(); i++) {
                long n = means.get(i).size();
                NDIndex own = new NDIndex("{}:{}", offset, offset + n);
                NDIndex all = new NDIndex("0:{}", n);
                means.get(i).set(all, mean.get(own));
                variances.get(i).set(all, variance.get(own));
                offset += n;
            }
        }
        return y;
    }

    private NDList parts(List<String> bns, String suffix) {
        NDList parts = new NDList();
        for (String bn : bns) {
            parts.add(tensor(bn + suffix));
        }
        return parts;
    }

    private static NDArray concat(NDList parts) {
        return parts.size() == 1 ? parts.head() : NDArrays.concat(parts, 0);
    }

    /** The official skip is a grouped conv alone; ours a dense conv and its BN. Neither has an activation. */
    private NDArray skip(NDArray x, BlockState block, BatchNormMode mode) {
        String layer = TensorNames.skip(block);
        int groups = architecture.skipGroups(block);
        return architecture.skipPath().hasBatchNorm()
                ? convBnRelu(x, layer, TensorNames.skipBn(block), block.stride(), groups, mode, false)
                : conv(x, maskedWeight(layer), block.stride(), groups);
    }

    private NDArray convBnRelu(NDArray x, String layer, String bn, int stride, int groups, BatchNormMode mode,
            boolean relu) {
        NDArray y = batchNorm(conv(x, maskedWeight(layer), stride, groups), bn, null, mode);
        return relu ? Activation.relu(y) : y;
    }

    /**
     * Columns {@code [from, to)} of a layer's masked weight as a contiguous array: the product of the two strided
     * slices is written contiguously, and it stays on the autograd tape (a copy made with {@code duplicate()} would
     * not, and that layer would never be trained).
     */
    private NDArray maskedColumns(String layer, long from, long to) {
        NDIndex columns = new NDIndex(":, {}:{}", from, to);
        NDArray weight = tensor(TensorNames.weight(layer)).get(columns);
        NDArray mask = tensors.get(TensorNames.mask(layer));
        return mask == null ? weight.mul(1f) : weight.mul(mask.get(columns));
    }

    private NDArray maskedWeight(String layer) {
        NDArray weight = tensor(TensorNames.weight(layer));
        NDArray mask = tensors.get(TensorNames.mask(layer));
        return mask == null ? weight : weight.mul(mask);
    }

    private static NDArray conv(NDArray x, NDArray weight, int stride, int groups) {
        int k = (int) weight.getShape().get(2);
        return Conv2d.conv2d(x, weight, null, new Shape(stride, stride), new Shape(k / 2, k / 2), new Shape(1, 1),
                groups).singletonOrThrow();
    }

    /** BN with the named tensors, or with their {@code channels} slice (views: running statistics update in place). */
    private NDArray batchNorm(NDArray x, String bn, NDIndex channels, BatchNormMode mode) {
        return BatchNorm.batchNorm(x, part(bn + TensorNames.RUNNING_MEAN, channels),
                part(bn + TensorNames.RUNNING_VAR, channels), part(bn + TensorNames.GAMMA, channels),
                part(bn + TensorNames.BETA, channels), 1, mode.keepFraction(), bnEpsilon, mode.training())
                .singletonOrThrow();
    }

    private NDArray part(String name, NDIndex channels) {
        NDArray t = tensor(name);
        return channels == null ? t : t.get(channels);
    }

    /** Resets the running statistics of every BN before a re-estimation. */
    public void resetBatchNormStatistics() {
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            if (e.getKey().endsWith(TensorNames.RUNNING_MEAN)) {
                e.getValue().muli(0);
            } else if (e.getKey().endsWith(TensorNames.RUNNING_VAR)) {
                e.getValue().muli(0).addi(1);
            }
        }
    }

    /** Replaces a tensor's values in place (same shape), e.g. a new mask. */
    public void set(String name, HostTensor value) {
        NDArray target = tensor(name);
        target.set(java.nio.FloatBuffer.wrap(value.data()));
    }

    /** Copies every tensor to the Java heap. */
    public NetworkState toHost() {
        Map<String, HostTensor> host = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            host.put(e.getKey(), toHost(e.getValue()));
        }
        return new NetworkState(architecture, host, channelOrigins);
    }

    public static HostTensor toHost(NDArray array) {
        return new HostTensor(array.toFloatArray(), array.getShape().getShape());
    }

    @Override
    public void close() {
        if (ownsArrays) {
            manager.close();
        }
    }
}
