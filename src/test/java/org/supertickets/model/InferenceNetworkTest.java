package org.supertickets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.space.Architecture;

/**
 * The inference network (BN folded, activations {@code [C, N·H·W]}, sparse 1×1 products) must compute the logits
 * of {@link Supernet#forward} in evaluation mode on the same tensors, and so predict the same classes, with dense
 * and with sparse kernels, on the supernet and on compacted networks (a branch gone, a body gone).
 */
class InferenceNetworkTest {

    private static final int BATCH = 5;

    @Test
    void sparseAndDenseKernelsComputeTheSupernetsLogits() {
        Architecture supernet = Architecture.supernet(TestConfigs.tinySynthetic());
        NetworkState state = ninetyPercentSparse(withTrainedLookingBatchNorm(NetworkInitializer.initialize(supernet,
                3), 4), 5);
        assertSameLogits(state);
    }

    /** The official grouped skip (no BN to fold: its block-diagonal dense form) and BN epsilon 1e-3. */
    @Test
    void theOfficialGroupedSkipAndEpsilonToo() {
        Architecture supernet = Architecture.supernet(TestConfigs.tinySynthetic().withNetwork(
                new org.supertickets.space.NetworkConfig("grouped", 1e-3, 0.1, "mobilenetv2")));
        assertEquals(4, supernet.skipGroups(supernet.blocks().get(0)), "gcd(4, 8)");
        NetworkState state = ninetyPercentSparse(withTrainedLookingBatchNorm(NetworkInitializer.initialize(supernet,
                9), 10), 11);
        assertSameLogits(state);
    }

    @Test
    void compactedNetworksWithoutABranchOrABodyToo() {
        Architecture supernet = Architecture.supernet(TestConfigs.tinySynthetic());
        NetworkState state = ninetyPercentSparse(withTrainedLookingBatchNorm(NetworkInitializer.initialize(supernet,
                6), 7), 8);
        // Block 0 keeps two k5 channels and no k3 branch; block 1 (an identity skip) loses its whole body.
        Map<Integer, Map<Integer, int[]>> keep = new HashMap<>();
        keep.put(0, Map.of(3, new int[0], 5, new int[] {1, 6}));
        keep.put(1, Map.of(3, new int[0], 5, new int[0]));
        NetworkState compacted = new ChannelSurgery(state, keep).apply(false);
        assertTrue(compacted.architecture().blocks().get(0).branches().get(0).removed());
        assertTrue(compacted.architecture().blocks().get(1).bodyRemoved());
        assertSameLogits(compacted);
    }

    @Test
    void onlyLayersAtOrBelowTheThresholdRunSparse() {
        Architecture supernet = Architecture.supernet(TestConfigs.tinySynthetic());
        NetworkState dense = NetworkInitializer.initialize(supernet, 9);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                InferenceNetwork allDense = InferenceNetwork.load(dense, root, Device.cpu(),
                        InferenceNetwork.Kernels.SPARSE_WHERE_IT_PAYS);
                InferenceNetwork sparse = InferenceNetwork.load(ninetyPercentSparse(dense, 10), root, Device.cpu(),
                        InferenceNetwork.Kernels.SPARSE_WHERE_IT_PAYS);
                InferenceNetwork forcedDense = InferenceNetwork.load(ninetyPercentSparse(dense, 10), root,
                        Device.cpu(), InferenceNetwork.Kernels.DENSE)) {
            assertEquals(0, allDense.sparseLayers().size());
            // skip, expand, project of block 0; expand, project of block 1; head; classifier: the pruned ones
            // (the skip and the classifier carry no mask, so they stay dense).
            assertEquals(7, sparse.pointwiseLayers());
            assertEquals(java.util.List.of("blocks.0.expand", "blocks.0.project", "blocks.1.expand",
                    "blocks.1.project", "head.conv"), sparse.sparseLayers());
            assertEquals(0, forcedDense.sparseLayers().size());
        }
    }

    private static void assertSameLogits(NetworkState state) {
        Architecture a = state.architecture();
        float[] pixels = new float[BATCH * a.inChannels() * a.inHeight() * a.inWidth()];
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet reference = Supernet.load(state, root, Device.cpu());
                InferenceNetwork dense = InferenceNetwork.load(state, root, Device.cpu(),
                        InferenceNetwork.Kernels.DENSE);
                InferenceNetwork sparse = InferenceNetwork.load(state, root, Device.cpu(),
                        InferenceNetwork.Kernels.SPARSE_WHERE_IT_PAYS)) {
            assertTrue(sparse.sparseLayers().size() > 0, "the test must exercise sparse products");
            NDArray x = root.create(pixels, new Shape(BATCH, a.inChannels(), a.inHeight(), a.inWidth()));
            float[] expected = reference.forward(x, BatchNormMode.EVAL).toFloatArray();
            // Twice each, inside a scope like the latency command's: cached per-batch kernels must survive it.
            for (int pass = 0; pass < 2; pass++) {
                try (NDScope scope = new NDScope()) {
                    float[] viaDense = dense.forward(x).toFloatArray();
                    float[] viaSparse = sparse.forward(x).toFloatArray();
                    float tolerance = 1e-4f * (1 + maxAbs(expected));
                    assertArrayEquals(expected, viaDense, tolerance, "dense kernels");
                    assertArrayEquals(expected, viaSparse, tolerance, "sparse kernels");
                    assertArrayEquals(argmax(expected, a.classes()), argmax(viaSparse, a.classes()),
                            "same predicted classes");
                }
            }
        }
    }

    /** BN scales, shifts and statistics away from 1, 0, 0, 1, so that folding them is tested. */
    private static NetworkState withTrainedLookingBatchNorm(NetworkState state, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, HostTensor> replaced = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : state.tensors().entrySet()) {
            String name = e.getKey();
            float[] v = e.getValue().data().clone();
            boolean bn = true;
            for (int i = 0; i < v.length; i++) {
                if (name.endsWith(TensorNames.GAMMA)) {
                    v[i] = (float) random.nextDouble(0.5, 1.5);
                } else if (name.endsWith(TensorNames.BETA) || name.endsWith(TensorNames.RUNNING_MEAN)) {
                    v[i] = (float) random.nextGaussian() * 0.2f;
                } else if (name.endsWith(TensorNames.RUNNING_VAR)) {
                    v[i] = (float) random.nextDouble(0.5, 2);
                } else {
                    bn = false;
                }
            }
            if (bn) {
                replaced.put(name, new HostTensor(v, e.getValue().shape()));
            }
        }
        return state.withTensors(replaced);
    }

    /** Masks keeping one weight in ten at random (at least one per layer), the pruned weights left as they were. */
    private static NetworkState ninetyPercentSparse(NetworkState state, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, HostTensor> masks = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : state.tensors().entrySet()) {
            if (e.getKey().endsWith(TensorNames.MASK)) {
                float[] m = new float[e.getValue().data().length];
                for (int i = 0; i < m.length; i++) {
                    m[i] = random.nextDouble() < 0.1 ? 1 : 0;
                }
                m[random.nextInt(m.length)] = 1;
                masks.put(e.getKey(), new HostTensor(m, e.getValue().shape()));
            }
        }
        return state.withTensors(masks);
    }

    private static float maxAbs(float[] v) {
        float max = 0;
        for (float f : v) {
            max = Math.max(max, Math.abs(f));
        }
        return max;
    }

    private static int[] argmax(float[] logits, int classes) {
        int[] best = new int[logits.length / classes];
        for (int r = 0; r < best.length; r++) {
            for (int c = 1; c < classes; c++) {
                if (logits[r * classes + c] > logits[r * classes + best[r]]) {
                    best[r] = c;
                }
            }
        }
        return best;
    }
}
