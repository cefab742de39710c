package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;

/**
 * Each pruning criterion's scores against an independent computation on a tiny network: the closed forms for
 * magnitude and random, autograd through the mask entries themselves for SNIP, central finite differences of
 * the synaptic-flow objective in each weight for SynFlow, and central finite differences of the gradient along g
 * for GraSP's Hessian-gradient product.
 */
class WeightScorerTest {

    private static final int BATCH = 8;
    private static final String LAYER = TensorNames.STEM;
    private static final List<String> LAYERS = List.of(LAYER);
    private final SyntheticData data = new SyntheticData(64, 4, 12, 3);

    /** The tiny network with a few stem weights pruned, so pruned weights are scored too. */
    private static NetworkState network() {
        NetworkState start = NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinySynthetic()), 3);
        float[] mask = start.tensor(TensorNames.mask(LAYER)).data().clone();
        mask[0] = 0f;
        mask[5] = 0f;
        return start.withTensors(Map.of(TensorNames.mask(LAYER), new HostTensor(mask,
                start.tensor(TensorNames.mask(LAYER)).shape())));
    }

    private float[] scores(String criterion, NetworkState network, int event) {
        try (NDManager root = NDManager.newBaseManager(Device.cpu())) {
            return new WeightScorer(criterion, data, BATCH, 1, 0.0, 7).scores(network, LAYERS, event, root,
                    Device.cpu()).get(LAYER).data();
        }
    }

    @Test
    void magnitudeIsTheAbsoluteRawWeightPrunedOrNot() {
        NetworkState n = network();
        float[] w = n.tensor(TensorNames.weight(LAYER)).data();
        float[] s = scores("magnitude", n, 1);
        for (int i = 0; i < w.length; i++) {
            assertEquals(Math.abs(w[i]), s[i], 0f);
        }
    }

    @Test
    void randomIsSeededByTheEvent() {
        NetworkState n = network();
        float[] first = scores("random", n, 1);
        assertArrayEquals(first, scores("random", n, 1));
        assertFalse(Arrays.equals(first, scores("random", n, 2)));
        for (float v : first) {
            assertTrue(v >= 0 && v < 1);
        }
    }

    /**
     * SNIP against autograd through the masks themselves: the test makes the mask entries trainable, so the
     * engine differentiates the loss in each mask entry directly, while the scorer gets the same number through
     * {@code w * dL/d(w m)} on a copy. (Finite differences of the loss are too coarse here: a mask entry scales a
     * weight shared by every position, and the ReLUs' kinks bend the loss within any useful step.)
     */
    @Test
    void snipIsTheLossSensitivityToEachMaskEntry() {
        NetworkState n = network();
        float[] s = scores("snip", n, 1);
        float[] images = new float[BATCH * 144];
        long[] labels = new long[BATCH];
        data.fillTrain(Evaluator.slice(data.epochOrder(-1), 0, BATCH), -1, 0, images, labels);
        float[] direct;
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(n, root, Device.cpu())) {
            NDArray mask = net.tensor(TensorNames.mask(LAYER));
            mask.setRequiresGradient(true);
            NDArray x = root.create(images, new Shape(BATCH, 1, 12, 12));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(CrossEntropy.loss(net.forward(x, BatchNormMode.TRAIN), root.create(labels), 0));
            }
            direct = mask.getGradient().toFloatArray();
        }
        float largest = 0;
        for (float v : direct) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertTrue(largest > 0);
        for (int i = 0; i < direct.length; i++) {
            assertEquals(Math.abs(direct[i]), s[i], 1e-4f * largest, "mask entry " + i);
        }
        assertTrue(s[0] > 0 && s[5] > 0, "a pruned weight has a SNIP score: it can win its place back");
    }

    @Test
    void synflowIsTheSynapticFlowThroughEachWeight() {
        NetworkState n = network();
        float[] s = scores("synflow", n, 1);
        Map<String, HostTensor> absolute = new java.util.LinkedHashMap<>();
        n.tensors().forEach((name, t) -> {
            float[] a = t.data().clone();
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.abs(a[i]);
            }
            absolute.put(name, new HostTensor(a, t.shape()));
        });
        NetworkState positive = n.withTensors(absolute);
        ToDoubleFunction<NetworkState> flow = state -> {
            try (NDManager root = NDManager.newBaseManager(Device.cpu());
                    Supernet net = Supernet.load(state, root, Device.cpu())) {
                float[] ones = new float[144];
                Arrays.fill(ones, 1f);
                return net.forward(root.create(ones, new Shape(1, 1, 12, 12)), BatchNormMode.EVAL).sum().getFloat();
            }
        };
        String weight = TensorNames.weight(LAYER);
        for (int i : new int[] {1, 7, 12}) {
            double theta = positive.tensor(weight).data()[i];
            double h = 1e-2 * theta;
            double byDifferences = Math.abs(theta * centralDifference(positive, weight, i, h, flow));
            assertEquals(byDifferences, s[i], 0.03 * byDifferences + 1e-6, "weight " + i);
        }
        assertEquals(0f, s[0], "a pruned weight carries no flow");
        assertEquals(0f, s[5]);
    }

    private static double centralDifference(NetworkState n, String tensor, int index, double h,
            ToDoubleFunction<NetworkState> f) {
        return (f.applyAsDouble(shifted(n, tensor, index, h)) - f.applyAsDouble(shifted(n, tensor, index, -h)))
                / (2 * h);
    }

    private static NetworkState shifted(NetworkState n, String tensor, int index, double h) {
        HostTensor t = n.tensor(tensor);
        float[] v = t.data().clone();
        v[index] += (float) h;
        return n.withTensors(Map.of(tensor, new HostTensor(v, t.shape())));
    }

    /**
     * GraSP against first-order autograd only: {@code H g} is the directional derivative of the gradient along g,
     * {@code (grad(theta + h g) - grad(theta - h g)) / 2h}, with g the gradient itself (logits / 200, the official
     * temperature), all taken at the weights the forward pass uses ({@code w * m}); the score is raw w times it.
     */
    @Test
    void graspIsTheRawWeightTimesTheHessianGradientProduct() {
        NetworkState n = smooth(network());
        float[] s = scores("grasp", n, 1);
        String weight = TensorNames.weight(LAYER);
        float[] w = n.tensor(weight).data();
        float[] m = n.tensor(TensorNames.mask(LAYER)).data();
        float[] masked = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            masked[i] = w[i] * m[i];
        }
        NetworkState atMasked = n.withTensors(Map.of(weight, new HostTensor(masked, n.tensor(weight).shape()),
                TensorNames.mask(LAYER), HostTensor.filled(n.tensor(weight).shape(), 1f)));
        float[] g = temperedGradient(atMasked);
        double gMax = maxAbs(g);
        double h = 1e-3 * maxAbs(masked) / gMax;
        float[] plus = temperedGradient(shiftedAlong(atMasked, weight, g, h));
        float[] minus = temperedGradient(shiftedAlong(atMasked, weight, g, -h));
        double[] expected = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            expected[i] = w[i] * (plus[i] - minus[i]) / (2 * h);
        }
        double largest = 0;
        for (double e : expected) {
            largest = Math.max(largest, Math.abs(e));
        }
        assertTrue(largest > 0, "the Hessian-gradient product is not zero");
        for (int i = 0; i < w.length; i++) {
            assertEquals(expected[i], s[i], 0.02 * largest, "weight " + i);
        }
        assertTrue(s[0] != 0 && s[5] != 0, "a pruned weight has a GraSP score: it can win its place back");
    }

    /**
     * The network with every BN shift at 10: each ReLU (all follow a BN) then sees only positive inputs, so the
     * network is smooth around its weights and finite differences of its gradient do not jump at ReLU kinks.
     */
    private static NetworkState smooth(NetworkState n) {
        Map<String, HostTensor> shifts = new java.util.LinkedHashMap<>();
        n.tensors().forEach((name, t) -> {
            if (name.endsWith(TensorNames.BETA)) {
                shifts.put(name, HostTensor.filled(t.shape(), 10f));
            }
        });
        return n.withTensors(shifts);
    }

    /** The stem's weight gradient of the cross-entropy on logits / 200, on the scorer's one batch. */
    private float[] temperedGradient(NetworkState state) {
        float[] images = new float[BATCH * 144];
        long[] labels = new long[BATCH];
        data.fillTrain(Evaluator.slice(data.epochOrder(-1), 0, BATCH), -1, 0, images, labels);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(state, root, Device.cpu())) {
            NDArray x = root.create(images, new Shape(BATCH, 1, 12, 12));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(CrossEntropy.loss(net.forward(x, BatchNormMode.TRAIN)
                        .mul(1 / WeightScorer.GRASP_TEMPERATURE), root.create(labels), 0));
            }
            return net.tensor(TensorNames.weight(LAYER)).getGradient().toFloatArray();
        }
    }

    private static NetworkState shiftedAlong(NetworkState n, String tensor, float[] direction, double h) {
        HostTensor t = n.tensor(tensor);
        float[] v = t.data().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (h * direction[i]);
        }
        return n.withTensors(Map.of(tensor, new HostTensor(v, t.shape())));
    }

    private static double maxAbs(float[] values) {
        double m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
