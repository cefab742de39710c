package org.supertickets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * The forward pass runs each branch on its slice of the merged expand and projection tensors. This checks it
 * against the textbook formulation of the same block — one expand conv, the activation split by branch,
 * concatenated again before one projection — on the same tensors: same logits, same gradients, same BN
 * running statistics (the per-branch BN works on views, which must update the merged statistics in place).
 */
class SupernetForwardTest {

    private static final float EPSILON = 1e-5f;

    @Test
    void perBranchSlicesComputeTheMergedBlockExactly() {
        Architecture architecture = Architecture.supernet(TestConfigs.tinySynthetic());
        NetworkState state = withRandomMasks(NetworkInitializer.initialize(architecture, 3), 11);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(state, root, Device.cpu())) {
            float[] pixels = new float[6 * 12 * 12];
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextGaussian();
            }
            NDArray x = root.create(pixels, new Shape(6, 1, 12, 12));

            Pass ours = pass(net, state, n -> n.forward(x, BatchNormMode.TRAIN));
            Pass reference = pass(net, state, n -> mergedForward(n, x));

            assertArrayEquals(reference.logits, ours.logits, 1e-4f);
            for (String name : reference.gradients.keySet()) {
                assertArrayEquals(reference.gradients.get(name), ours.gradients.get(name), 1e-4f, name);
            }
            String expandMean = TensorNames.expandBn(architecture.blocks().get(0)) + TensorNames.RUNNING_MEAN;
            assertTrue(maxAbs(ours.statistics.get(expandMean)) > 1e-3, "the expand BN's statistics moved");
            for (String name : reference.statistics.keySet()) {
                assertArrayEquals(reference.statistics.get(name), ours.statistics.get(name), 1e-5f, name);
            }
        }
    }

    private record Pass(float[] logits, Map<String, float[]> gradients, Map<String, float[]> statistics) {
    }

    /** One forward and backward from the start state; gradients and statistics read, then reset. */
    private static Pass pass(Supernet net, NetworkState start, Function<Supernet, NDArray> forward) {
        float[] logits;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = forward.apply(net);
            logits = out.toFloatArray();
            collector.backward(out.square().sum());
        }
        Map<String, float[]> gradients = new LinkedHashMap<>();
        for (String name : net.trainableNames()) {
            NDArray g = net.tensor(name).getGradient();
            gradients.put(name, g.toFloatArray());
            g.subi(g);
        }
        Map<String, float[]> statistics = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : start.tensors().entrySet()) {
            if (e.getKey().endsWith(TensorNames.RUNNING_MEAN) || e.getKey().endsWith(TensorNames.RUNNING_VAR)) {
                statistics.put(e.getKey(), net.tensor(e.getKey()).toFloatArray());
                net.set(e.getKey(), e.getValue());
            }
        }
        return new Pass(logits, gradients, statistics);
    }

    private static NetworkState withRandomMasks(NetworkState state, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, HostTensor> tensors = new LinkedHashMap<>(state.tensors());
        tensors.replaceAll((name, t) -> {
            if (!name.endsWith(TensorNames.MASK)) {
                return t;
            }
            float[] mask = new float[t.data().length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextDouble() < 0.3 ? 0f : 1f;
            }
            return new HostTensor(mask, t.shape());
        });
        return new NetworkState(state.architecture(), tensors, state.channelOrigins());
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    // The textbook formulation, written out independently of Supernet's own code path.

    private static NDArray mergedForward(Supernet net, NDArray input) {
        Architecture a = net.architecture();
        NDArray x = convBn(net, input, TensorNames.STEM, TensorNames.STEM_BN, a.stemStride(), 1, true);
        for (BlockState block : a.blocks()) {
            NDArray skip = block.identitySkip() ? x
                    : convBn(net, x, TensorNames.skip(block), TensorNames.skipBn(block), block.stride(), 1, false);
            if (block.bodyRemoved()) {
                x = skip;
                continue;
            }
            NDArray hidden = convBn(net, x, TensorNames.expand(block), TensorNames.expandBn(block), 1, 1, true);
            List<BranchState> live = block.branches().stream().filter(b -> !b.removed()).toList();
            long[] splits = new long[live.size() - 1];
            long offset = 0;
            for (int i = 0; i < splits.length; i++) {
                offset += live.get(i).hiddenChannels();
                splits[i] = offset;
            }
            NDList parts = splits.length == 0 ? new NDList(hidden) : hidden.split(splits, 1);
            NDList outputs = new NDList();
            for (int i = 0; i < live.size(); i++) {
                BranchState b = live.get(i);
                outputs.add(convBn(net, parts.get(i), TensorNames.depthwise(block, b),
                        TensorNames.depthwiseBn(block, b), block.stride(), b.hiddenChannels(), true));
            }
            NDArray concatenated = outputs.size() == 1 ? outputs.head() : NDArrays.concat(outputs, 1);
            x = convBn(net, concatenated, TensorNames.project(block), TensorNames.outBn(block), 1, 1, false)
                    .add(skip);
        }
        x = convBn(net, x, TensorNames.HEAD, TensorNames.HEAD_BN, 1, 1, true);
        NDArray pooled = x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2});
        return Linear.linear(pooled, net.tensor(TensorNames.weight(TensorNames.CLASSIFIER)),
                net.tensor(TensorNames.CLASSIFIER_BIAS)).singletonOrThrow();
    }

    private static NDArray convBn(Supernet net, NDArray x, String layer, String bn, int stride, int groups,
            boolean relu) {
        NDArray weight = net.tensor(TensorNames.weight(layer)).mul(net.tensor(TensorNames.mask(layer)));
        int k = (int) weight.getShape().get(2);
        NDArray y = Conv2d.conv2d(x, weight, null, new Shape(stride, stride), new Shape(k / 2, k / 2),
                new Shape(1, 1), groups).singletonOrThrow();
        y = BatchNorm.batchNorm(y, net.tensor(bn + TensorNames.RUNNING_MEAN), net.tensor(bn + TensorNames.RUNNING_VAR),
                net.tensor(bn + TensorNames.GAMMA), net.tensor(bn + TensorNames.BETA), 1,
                BatchNormMode.TRAIN.keepFraction(), EPSILON, true).singletonOrThrow();
        return relu ? Activation.relu(y) : y;
    }
}
