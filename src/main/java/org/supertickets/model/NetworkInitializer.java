package org.supertickets.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.LayerKind;
import org.supertickets.space.LayerShape;

/**
 * Creates the initial tensors of a network from a seed alone, on the Java heap, so that the same seed gives
 * bit-identical weights on every machine and engine. Convs: Kaiming normal (fan-out, ReLU gain), as in
 * MobileNetV2; classifier: N(0, 0.01) and zero bias; BN: scale 1, shift 0, mean 0, variance 1; masks: ones.
 */
public final class NetworkInitializer {

    private NetworkInitializer() {
    }

    public static NetworkState initialize(Architecture architecture, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        for (LayerShape layer : architecture.layers()) {
            long[] shape = layer.weightShape();
            double std = layer.kind() == LayerKind.CLASSIFIER
                    ? 0.01
                    : Math.sqrt(2.0 / ((double) layer.outChannels() / layer.groups() * layer.kernel() * layer.kernel()));
            tensors.put(TensorNames.weight(layer.name()), gaussian(shape, std, random));
            if (layer.prunable()) {
                tensors.put(TensorNames.mask(layer.name()), HostTensor.filled(shape, 1f));
            }
        }
        tensors.put(TensorNames.CLASSIFIER_BIAS, HostTensor.filled(new long[] {architecture.classes()}, 0f));
        addBatchNorm(tensors, TensorNames.STEM_BN, architecture.stemChannels());
        Map<String, int[]> origins = new LinkedHashMap<>();
        for (BlockState block : architecture.blocks()) {
            if (block.hiddenChannels() > 0) {
                addBatchNorm(tensors, TensorNames.expandBn(block), block.hiddenChannels());
                addBatchNorm(tensors, TensorNames.outBn(block), block.outChannels());
            }
            for (BranchState branch : block.branches()) {
                if (!branch.removed()) {
                    addBatchNorm(tensors, TensorNames.depthwiseBn(block, branch), branch.hiddenChannels());
                    origins.put(TensorNames.depthwise(block, branch),
                            IntStream.range(0, branch.hiddenChannels()).toArray());
                }
            }
            if (!block.identitySkip()) {
                addBatchNorm(tensors, TensorNames.skipBn(block), block.outChannels());
            }
        }
        addBatchNorm(tensors, TensorNames.HEAD_BN, architecture.headChannels());
        return new NetworkState(architecture, tensors, origins);
    }

    private static void addBatchNorm(Map<String, HostTensor> tensors, String name, int channels) {
        long[] shape = {channels};
        tensors.put(name + TensorNames.GAMMA, HostTensor.filled(shape, 1f));
        tensors.put(name + TensorNames.BETA, HostTensor.filled(shape, 0f));
        tensors.put(name + TensorNames.RUNNING_MEAN, HostTensor.filled(shape, 0f));
        tensors.put(name + TensorNames.RUNNING_VAR, HostTensor.filled(shape, 1f));
    }

    private static HostTensor gaussian(long[] shape, double std, SplittableRandom random) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] data = new float[(int) n];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (nextGaussian(random) * std);
        }
        return new HostTensor(data, shape);
    }

    /** Our own Box-Muller, so initial weights never depend on the JDK's Gaussian algorithm. */
    private static double nextGaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
