package org.supertickets.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
 * <p>The expand convs of a block's branches read the same input and their projections are summed, so each
 * block runs one expand conv to all branches' channels and one projection from their concatenation: the
 * same function with fewer kernels.
 */
public final class Supernet implements AutoCloseable {

    private static final float BN_EPSILON = 1e-5f;

    private final Architecture architecture;
    private final NDManager manager;
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();
    private final Map<String, int[]> channelOrigins;

    private Supernet(NetworkState state, NDManager parent, Device device) {
        this.architecture = state.architecture();
        this.manager = parent.newSubManager(device);
        this.channelOrigins = state.channelOrigins();
        for (Map.Entry<String, HostTensor> e : state.tensors().entrySet()) {
            NDArray array = manager.create(e.getValue().data(), new Shape(e.getValue().shape()));
            if (isTrainable(e.getKey())) {
                array.setRequiresGradient(true);
            }
            tensors.put(e.getKey(), array);
        }
    }

    /** Copies a host network onto {@code device}; the arrays belong to a sub-manager of {@code parent}. */
    public static Supernet load(NetworkState state, NDManager parent, Device device) {
        return new Supernet(state, parent, device);
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

    /** Logits {@code [N, classes]} for a normalised batch {@code [N, C, H, W]}. */
    public NDArray forward(NDArray input, BatchNormMode mode) {
        NDArray x = convBnRelu(input, TensorNames.STEM, TensorNames.STEM_BN, architecture.stemStride(), 1, mode,
                true);
        for (BlockState block : architecture.blocks()) {
            x = block(x, block, mode);
        }
        x = convBnRelu(x, TensorNames.HEAD, TensorNames.HEAD_BN, 1, 1, mode, true);
        NDArray pooled = x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2});
        return Linear.linear(pooled, tensor(TensorNames.weight(TensorNames.CLASSIFIER)),
                tensor(TensorNames.CLASSIFIER_BIAS)).singletonOrThrow();
    }

    private NDArray block(NDArray x, BlockState block, BatchNormMode mode) {
        NDArray skip = block.identitySkip()
                ? x
                : convBnRelu(x, TensorNames.skip(block), TensorNames.skipBn(block), block.stride(), 1, mode, false);
        if (block.bodyRemoved()) {
            return skip;
        }
        NDArray hidden = convBnRelu(x, TensorNames.expand(block), TensorNames.expandBn(block), 1, 1, mode, true);
        List<BranchState> live = block.branches().stream().filter(b -> !b.removed()).toList();
        NDList parts;
        if (live.size() == 1) {
            parts = new NDList(hidden);
        } else {
            long[] splits = new long[live.size() - 1];
            long offset = 0;
            for (int i = 0; i < splits.length; i++) {
                offset += live.get(i).hiddenChannels();
                splits[i] = offset;
            }
            parts = hidden.split(splits, 1);
        }
        NDList branchOutputs = new NDList(live.size());
        for (int i = 0; i < live.size(); i++) {
            BranchState branch = live.get(i);
            branchOutputs.add(convBnRelu(parts.get(i), TensorNames.depthwise(block, branch),
                    TensorNames.depthwiseBn(block, branch), block.stride(), branch.hiddenChannels(), mode, true));
        }
        NDArray concatenated = branchOutputs.size() == 1 ? branchOutputs.head() : NDArrays.concat(branchOutputs, 1);
        NDArray body = convBnRelu(concatenated, TensorNames.project(block), TensorNames.outBn(block), 1, 1, mode,
                false);
        return body.add(skip);
    }

    private NDArray convBnRelu(NDArray x, String layer, String bn, int stride, int groups, BatchNormMode mode,
            boolean relu) {
        NDArray weight = tensor(TensorNames.weight(layer));
        NDArray mask = tensors.get(TensorNames.mask(layer));
        NDArray effective = mask == null ? weight : weight.mul(mask);
        int k = (int) weight.getShape().get(2);
        NDArray y = Conv2d.conv2d(x, effective, null, new Shape(stride, stride), new Shape(k / 2, k / 2),
                new Shape(1, 1), groups).singletonOrThrow();
        y = BatchNorm.batchNorm(y, tensor(bn + TensorNames.RUNNING_MEAN), tensor(bn + TensorNames.RUNNING_VAR),
                tensor(bn + TensorNames.GAMMA), tensor(bn + TensorNames.BETA), 1, mode.keepFraction(), BN_EPSILON,
                mode.training()).singletonOrThrow();
        return relu ? Activation.relu(y) : y;
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
        manager.close();
    }
}
