package org.supertickets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.DataConfig;
import org.supertickets.space.HeadConfig;
import org.supertickets.space.Initialization;
import org.supertickets.space.LayerKind;
import org.supertickets.space.LayerShape;
import org.supertickets.space.NetworkConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.StageConfig;
import org.supertickets.space.StemConfig;

/**
 * The {@code network} settings in the forward pass and at initialisation, against plain-Java computations: the
 * official grouped skip (groups = gcd(in, out), no BN) and the BN epsilon in an evaluation pass, the BN momentum
 * in the running statistics of a training pass, and the official MnasNet initialisation.
 */
class LayerSettingsTest {

    private static final int N = 2;

    /** 1x6x6 input, stem 4 (k3), one block 4 -> 6 at stride 2 (skip groups gcd(4, 6) = 2), head 5, 3 classes. */
    private static SearchSpaceConfig config(NetworkConfig network) {
        return ConfigResolver.resolve(new SearchSpaceConfig("layers", new DataConfig("idx", "/x", 1, 6, 6, 3, 0.0, 0,
                0, false), new StemConfig(4, 3, 1), List.of(new StageConfig(6, 1, 2, List.of(3), 1)),
                new HeadConfig(5), null, null, null, 1L).withNetwork(network));
    }

    /**
     * With the block body searched away the network is stem, grouped skip, head and classifier; its logits in
     * evaluation mode are recomputed here by loops over every index, with random BN statistics, a masked skip
     * weight and epsilon 1e-3.
     */
    @Test
    void theGroupedSkipAndTheEpsilonComputeWhatTheLoopsCompute() {
        Architecture a = Architecture.supernet(config(new NetworkConfig("grouped", 1e-3, null, null)))
                .smallestSubnet();
        assertEquals(2, a.skipGroups(a.blocks().get(0)));
        NetworkState state = RandomisedStates.randomised(NetworkInitializer.initialize(a, 5), 17,
                (name, i) -> name.equals("blocks.0.skip.mask") && i % 4 == 1);
        assertFalse(state.tensors().containsKey("blocks.0.skip_bn.gamma"), "the official skip has no BN");
        assertArrayEquals(new long[] {6, 2, 1, 1}, state.tensor("blocks.0.skip.weight").shape());
        float[] input = new float[N * 36];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextGaussian();
        }
        float[] logits;
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(state, root, Device.cpu())) {
            logits = net.forward(root.create(input, new Shape(N, 1, 6, 6)), BatchNormMode.EVAL).toFloatArray();
        }
        double[][][][] x = toImages(input, 1, 6);
        x = relu(bn(conv(x, state, "stem.conv", 4, 3, 1, 1), state, "stem.bn", 1e-3));
        x = conv(x, state, "blocks.0.skip", 6, 1, 2, 2);
        x = relu(bn(conv(x, state, "head.conv", 5, 1, 1, 1), state, "head.bn", 1e-3));
        float[] w = state.tensor("classifier.weight").data();
        float[] b = state.tensor("classifier.bias").data();
        for (int n = 0; n < N; n++) {
            for (int k = 0; k < 3; k++) {
                double sum = b[k];
                for (int c = 0; c < 5; c++) {
                    sum += w[k * 5 + c] * mean(x[n][c]);
                }
                assertEquals(sum, logits[n * 3 + k], 1e-4, "logit " + n + "," + k);
            }
        }
    }

    /** PyTorch's momentum: the running mean becomes (1 - m) * old + m * the batch mean. */
    @Test
    void theMomentumIsTheShareOfEachBatchInTheRunningStatistics() {
        Architecture a = Architecture.supernet(config(new NetworkConfig(null, null, 0.01, null)));
        NetworkState state = NetworkInitializer.initialize(a, 5);
        float[] old = new float[4];
        for (int c = 0; c < 4; c++) {
            old[c] = 0.25f * c;
        }
        state = state.withTensors(Map.of("stem.bn.mean", new HostTensor(old, new long[] {4})));
        float[] input = new float[N * 36];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextGaussian();
        }
        float[] running;
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(state, root, Device.cpu())) {
            net.forward(root.create(input, new Shape(N, 1, 6, 6)), BatchNormMode.training(0.01));
            running = net.tensor("stem.bn.mean").toFloatArray();
        }
        double[][][][] stem = conv(toImages(input, 1, 6), state, "stem.conv", 4, 3, 1, 1);
        for (int c = 0; c < 4; c++) {
            double batchMean = 0;
            for (int n = 0; n < N; n++) {
                batchMean += mean(stem[n][c]) / N;
            }
            assertEquals(0.99 * old[c] + 0.01 * batchMean, running[c], 1e-6, "channel " + c);
        }
        assertEquals(BatchNormMode.TRAIN, BatchNormMode.training(0.1), "the default keeps what every run used");
    }

    /**
     * MnasNet's rule: fan-out k*k where groups == in_channels, else C_out*k*k; classifier U(+-1/sqrt(classes)).
     * Convs are drawn in the same order from the same seed, so a conv whose fan-out both rules agree on gets the
     * very same weights, and the grayscale stem (groups 1 == in_channels 1) the same draws times sqrt(C_out).
     */
    @Test
    void theMnasInitialisationFollowsTheOfficialRule() {
        Architecture a = Architecture.supernet(config(new NetworkConfig("grouped", null, null, null)));
        NetworkState ours = NetworkInitializer.initialize(a, 11);
        NetworkState mnas = NetworkInitializer.initialize(a, 11, Initialization.MNAS);
        assertEquals(ours.tensors().keySet(), NetworkInitializer.initialize(a, 11, Initialization.MOBILENET_V2)
                .tensors().keySet());
        assertArrayEquals(ours.tensor("head.conv.weight").data(), mnas.tensor("head.conv.weight").data());
        assertArrayEquals(ours.tensor("blocks.0.expand.weight").data(), mnas.tensor("blocks.0.expand.weight").data());
        assertArrayEquals(ours.tensor("blocks.0.dw.k3.weight").data(), mnas.tensor("blocks.0.dw.k3.weight").data());
        float[] stemOurs = ours.tensor("stem.conv.weight").data();
        float[] stemMnas = mnas.tensor("stem.conv.weight").data();
        for (int i = 0; i < stemOurs.length; i++) {
            assertEquals(stemOurs[i] * Math.sqrt(4), stemMnas[i], 1e-6, "stem weight " + i);
        }
        // Grouped skip 4 -> 6, groups 2 != 4 in: official fan-out 6, ours 6 / 2 = 3.
        float[] skipOurs = ours.tensor("blocks.0.skip.weight").data();
        float[] skipMnas = mnas.tensor("blocks.0.skip.weight").data();
        for (int i = 0; i < skipOurs.length; i++) {
            assertEquals(skipOurs[i] * Math.sqrt(3.0 / 6.0), skipMnas[i], 1e-6, "skip weight " + i);
        }
        float[] classifier = mnas.tensor("classifier.weight").data();
        double bound = 1 / Math.sqrt(3);
        double largest = 0;
        for (float v : classifier) {
            assertTrue(Math.abs(v) <= bound, v + " within +-1/sqrt(3)");
            largest = Math.max(largest, Math.abs(v));
        }
        assertTrue(largest > 0.05, "drawn at the classifier's scale, not N(0, 0.01)");
        for (Map.Entry<String, HostTensor> e : mnas.tensors().entrySet()) {
            if (e.getKey().endsWith(TensorNames.GAMMA) || e.getKey().endsWith(TensorNames.BETA)) {
                assertArrayEquals(ours.tensor(e.getKey()).data(), e.getValue().data(), e.getKey());
            }
        }
        LayerShape grouped = new LayerShape("s", LayerKind.SKIP, 4, 8, 1, 4, 1, 1, true);
        assertEquals(1, NetworkInitializer.fanOut(grouped, Initialization.MNAS), 0,
                "official: groups == in_channels reads as depthwise");
        assertEquals(2, NetworkInitializer.fanOut(grouped, Initialization.MOBILENET_V2), 0);
    }

    // ---- the plain-Java reference ----------------------------------------------------------------------------

    private static double[][][][] toImages(float[] flat, int channels, int size) {
        double[][][][] x = new double[N][channels][size][size];
        for (int i = 0; i < flat.length; i++) {
            x[i / (channels * size * size)][i / (size * size) % channels][i / size % size][i % size] = flat[i];
        }
        return x;
    }

    /** Conv with padding k/2, no bias, the layer's masked weight; output channel o reads its group's inputs. */
    private static double[][][][] conv(double[][][][] x, NetworkState s, String layer, int out, int k, int stride,
            int groups) {
        float[] w = s.tensor(layer + TensorNames.WEIGHT).data();
        float[] m = s.tensor(layer + TensorNames.MASK).data();
        int in = x[0].length;
        int size = x[0][0].length;
        int outSize = (size + stride - 1) / stride;
        int inPerGroup = in / groups;
        int outPerGroup = out / groups;
        double[][][][] y = new double[N][out][outSize][outSize];
        for (int n = 0; n < N; n++) {
            for (int o = 0; o < out; o++) {
                int first = o / outPerGroup * inPerGroup;
                for (int i = 0; i < outSize; i++) {
                    for (int j = 0; j < outSize; j++) {
                        double sum = 0;
                        for (int c = 0; c < inPerGroup; c++) {
                            for (int ki = 0; ki < k; ki++) {
                                for (int kj = 0; kj < k; kj++) {
                                    int row = i * stride + ki - k / 2;
                                    int col = j * stride + kj - k / 2;
                                    if (row >= 0 && row < size && col >= 0 && col < size) {
                                        int at = ((o * inPerGroup + c) * k + ki) * k + kj;
                                        sum += w[at] * m[at] * x[n][first + c][row][col];
                                    }
                                }
                            }
                        }
                        y[n][o][i][j] = sum;
                    }
                }
            }
        }
        return y;
    }

    private static double[][][][] bn(double[][][][] x, NetworkState s, String bn, double epsilon) {
        float[] mean = s.tensor(bn + TensorNames.RUNNING_MEAN).data();
        float[] var = s.tensor(bn + TensorNames.RUNNING_VAR).data();
        float[] gamma = s.tensor(bn + TensorNames.GAMMA).data();
        float[] beta = s.tensor(bn + TensorNames.BETA).data();
        for (double[][][] image : x) {
            for (int c = 0; c < image.length; c++) {
                for (double[] row : image[c]) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = (row[j] - mean[c]) / Math.sqrt(var[c] + epsilon) * gamma[c] + beta[c];
                    }
                }
            }
        }
        return x;
    }

    private static double[][][][] relu(double[][][][] x) {
        for (double[][][] image : x) {
            for (double[][] channel : image) {
                for (double[] row : channel) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = Math.max(0, row[j]);
                    }
                }
            }
        }
        return x;
    }

    private static double mean(double[][] channel) {
        double sum = 0;
        for (double[] row : channel) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum / (channel.length * channel[0].length);
    }
}
