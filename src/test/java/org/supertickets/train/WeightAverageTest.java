package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.space.EmaConfig;

/** The moving average of the weights against a hand computation on a tiny network. */
class WeightAverageTest {

    private static final String WEIGHT = TensorNames.weight(TensorNames.STEM);
    private static final String MEAN = TensorNames.STEM_BN + TensorNames.RUNNING_MEAN;
    private static final String MASK = TensorNames.mask(TensorNames.STEM);

    @Test
    void theDecayIsAdjustedToTheBatchSizeAndWarmsUp() {
        assertEquals(Math.pow(0.9999, 128.0 / 4096), WeightAverage.decayPerStep(0.9999, 4096, 128), 1e-15);
        assertEquals(0.9999, WeightAverage.decayPerStep(0.9999, 0, 128), 0.0);
        WeightAverage warm = new WeightAverage(0.99, true);
        assertEquals(2.0 / 11, warm.decayAt(1), 1e-15);
        assertEquals(101.0 / 110, warm.decayAt(100), 1e-15);
        assertEquals(0.99, warm.decayAt(100_000), 0.0, "the warm-up ends where it reaches the decay");
        assertEquals(0.99, new WeightAverage(0.99, false).decayAt(1), 0.0);
        assertEquals(Math.pow(0.9999, 32.0 / 4096), WeightAverage.of(new EmaConfig(true, 0.9999, 4096, true), 32)
                .decayAt(Long.MAX_VALUE / 2), 1e-15);
    }

    @Test
    void averagesEveryTrainedTensorAndStatisticAsComputedByHand() {
        Architecture architecture = Architecture.supernet(TestConfigs.tinySynthetic());
        NetworkState start = NetworkInitializer.initialize(architecture, 3);
        WeightAverage average = new WeightAverage(0.9, true);
        float[][] weights = {start.tensor(WEIGHT).data(), filled(start, WEIGHT, 1f), filled(start, WEIGHT, -2f),
            filled(start, WEIGHT, 0.5f)};
        float[][] means = {start.tensor(MEAN).data(), filled(start, MEAN, 3f), filled(start, MEAN, 3f),
            filled(start, MEAN, -1f)};
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(start, root, Device.cpu())) {
            average.register(net);
            for (int n = 1; n <= 3; n++) {
                net.set(WEIGHT, new HostTensor(weights[n], start.tensor(WEIGHT).shape()));
                net.set(MEAN, new HostTensor(means[n], start.tensor(MEAN).shape()));
                average.update(net, n);
            }
            // d1 = min(0.9, 2/11), d2 = min(0.9, 3/12), d3 = min(0.9, 4/13); a0 = x0; a_n = d a_{n-1} + (1 - d) x_n
            double[] d = {0, 2.0 / 11, 3.0 / 12, 4.0 / 13};
            assertArrayEquals(byHand(weights, d), average.averaged(WEIGHT).data(), 1e-6f);
            assertArrayEquals(byHand(means, d), average.averaged(MEAN).data(), 1e-6f);

            Map<String, HostTensor> kept = average.toHost();
            assertFalse(kept.containsKey(MASK), "masks are not averaged");
            assertTrue(kept.keySet().stream().allMatch(WeightAverage::isAveraged));
            NetworkState applied = average.applyTo(net.toHost());
            assertArrayEquals(byHand(weights, d), applied.tensor(WEIGHT).data(), 1e-6f);
            assertArrayEquals(net.toHost().tensor(MASK).data(), applied.tensor(MASK).data());
        }
    }

    private static float[] byHand(float[][] values, double[] d) {
        float[] out = new float[values[0].length];
        for (int i = 0; i < out.length; i++) {
            double a = values[0][i];
            for (int n = 1; n < values.length; n++) {
                a = d[n] * a + (1 - d[n]) * values[n][i];
            }
            out[i] = (float) a;
        }
        return out;
    }

    private static float[] filled(NetworkState state, String name, float value) {
        float[] v = new float[state.tensor(name).size()];
        Arrays.fill(v, value);
        for (int i = 0; i < v.length; i++) {
            v[i] += 0.01f * i; // distinct per element, so a mix-up of elements shows
        }
        return v;
    }

    /**
     * The distillation's teacher is a view of the student with the averaged arrays: the same function as a copy
     * built from the averaged state (what evaluation loads), without copying anything; with batch statistics
     * only, it leaves the averaged running statistics as they were.
     */
    @Test
    void theAveragedViewComputesWhatACopyOfTheAverageComputes() {
        Architecture architecture = Architecture.supernet(TestConfigs.tinySynthetic());
        NetworkState start = NetworkInitializer.initialize(architecture, 5);
        WeightAverage average = new WeightAverage(0.5, false);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(start, root, Device.cpu())) {
            average.register(net);
            float[] trained = filled(start, WEIGHT, 0.25f);
            net.set(WEIGHT, new HostTensor(trained, start.tensor(WEIGHT).shape()));
            average.update(net, 1);
            float[] mask = start.tensor(MASK).data().clone();
            mask[0] = 0;
            net.set(MASK, new HostTensor(mask, start.tensor(MASK).shape()));
            ai.djl.ndarray.NDArray x = root.randomNormal(new ai.djl.ndarray.types.Shape(2, architecture.inChannels(),
                    architecture.inHeight(), architecture.inWidth()));
            org.supertickets.model.BatchNormMode batchOnly = org.supertickets.model.BatchNormMode.BATCH_STATISTICS_ONLY;
            float[] statisticsBefore = average.averaged(MEAN).data();
            float[] viewed = net.withTensorsOf(average.arrays()).forward(x, batchOnly).toFloatArray();
            assertArrayEquals(statisticsBefore, average.averaged(MEAN).data(), "running statistics untouched");
            try (Supernet copy = Supernet.load(average.applyTo(net.toHost()), root, Device.cpu())) {
                assertArrayEquals(copy.forward(x, batchOnly).toFloatArray(), viewed, 1e-5f);
            }
            float[] student = net.forward(x, batchOnly).toFloatArray();
            assertFalse(Arrays.equals(student, viewed), "the average differs from the student, or this proves nothing");
            assertArrayEquals(trained, net.tensor(WEIGHT).toFloatArray(), "the view left the student's arrays alone");
        }
    }
}
