package org.supertickets.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.supertickets.space.Architecture;
import org.supertickets.space.Initialization;
import org.supertickets.space.LayerKind;
import org.supertickets.space.LayerShape;

/**
 * Creates the initial tensors of a network from a seed alone, on the Java heap, so that the same seed gives
 * bit-identical weights on every machine and engine. Convs: normal with the ReLU gain over the fan-out, the
 * classifier as the {@link Initialization} says, zero bias; BN: scale 1, shift 0, mean 0, variance 1; masks: ones.
 */
public final class NetworkInitializer {

    private NetworkInitializer() {
    }

    /** Our scheme ({@link Initialization#MOBILENET_V2}). */
    public static NetworkState initialize(Architecture architecture, long seed) {
        return initialize(architecture, seed, Initialization.MOBILENET_V2);
    }

    public static NetworkState initialize(Architecture architecture, long seed, Initialization scheme) {
        SplittableRandom random = new SplittableRandom(seed);
        TensorLayout layout = TensorLayout.of(architecture);
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        layout.tensors().forEach((name, shape) -> {
            LayerShape layer = layout.layers().get(name);
            if (name.endsWith(TensorNames.WEIGHT) && layer.kind() == LayerKind.CLASSIFIER
                    && scheme == Initialization.MNAS) {
                tensors.put(name, uniform(shape, 1.0 / Math.sqrt(layer.outChannels()), random));
            } else if (name.endsWith(TensorNames.WEIGHT)) {
                double std = layer.kind() == LayerKind.CLASSIFIER ? 0.01 : Math.sqrt(2.0 / fanOut(layer, scheme));
                tensors.put(name, gaussian(shape, std, random));
            } else {
                boolean one = name.endsWith(TensorNames.MASK) || name.endsWith(TensorNames.GAMMA)
                        || name.endsWith(TensorNames.RUNNING_VAR);
                tensors.put(name, HostTensor.filled(shape, one ? 1f : 0f));
            }
        });
        Map<String, int[]> origins = new LinkedHashMap<>();
        layout.origins().forEach((layer, channels) -> origins.put(layer, IntStream.range(0, channels).toArray()));
        return new NetworkState(architecture, tensors, origins);
    }

    /**
     * A conv's fan-out. Ours divides by the groups. The official rule (PyTorch's fan-out, with depthwise convs
     * recognised by {@code groups == in_channels}) is followed literally, so it also takes a grayscale stem or a
     * grouped skip whose input width divides its output width for depthwise.
     */
    static double fanOut(LayerShape conv, Initialization scheme) {
        double area = (double) conv.kernel() * conv.kernel();
        if (scheme == Initialization.MOBILENET_V2) {
            return (double) conv.outChannels() / conv.groups() * area;
        }
        return conv.groups() == conv.inChannels() ? area : conv.outChannels() * area;
    }

    private static HostTensor uniform(long[] shape, double bound, SplittableRandom random) {
        float[] data = new float[(int) TensorLayout.count(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return new HostTensor(data, shape);
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
