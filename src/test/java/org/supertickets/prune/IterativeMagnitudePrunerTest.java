package org.supertickets.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.space.LayerShape;

class IterativeMagnitudePrunerTest {

    private static NetworkState network() {
        return NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinySynthetic()), 3);
    }

    private static long pruned(Map<String, HostTensor> masks) {
        return masks.values().stream().mapToLong(m -> {
            long n = 0;
            for (float v : m.data()) {
                n += v == 0f ? 1 : 0;
            }
            return n;
        }).sum();
    }

    private static long total(Map<String, HostTensor> masks) {
        return masks.values().stream().mapToLong(HostTensor::size).sum();
    }

    @Test
    void globalLevelPrunesTheSmallestAliveWeightsToTheExactSparsity() {
        NetworkState net = network();
        Map<String, HostTensor> masks = IterativeMagnitudePruner.masks(net, 0.3, PruneScope.GLOBAL);
        assertEquals(Math.round(0.3 * total(masks)), pruned(masks));
        float largestPruned = 0;
        float smallestAlive = Float.MAX_VALUE;
        for (Map.Entry<String, HostTensor> e : masks.entrySet()) {
            String layer = e.getKey().substring(0, e.getKey().length() - TensorNames.MASK.length());
            float[] w = net.tensor(TensorNames.weight(layer)).data();
            float[] m = e.getValue().data();
            for (int i = 0; i < w.length; i++) {
                if (m[i] == 0f) {
                    largestPruned = Math.max(largestPruned, Math.abs(w[i]));
                } else {
                    smallestAlive = Math.min(smallestAlive, Math.abs(w[i]));
                }
            }
        }
        assertTrue(largestPruned <= smallestAlive, largestPruned + " > " + smallestAlive);
        assertTrue(masks.values().stream().map(m -> sparsity(m)).distinct().count() > 1,
                "one global threshold leaves layers at different sparsities");
    }

    @Test
    void weightsPrunedAtAnEarlierLevelStayPrunedEvenWhenTheyGrew() {
        NetworkState net = network();
        Map<String, HostTensor> level1 = IterativeMagnitudePruner.masks(net, 0.3, PruneScope.GLOBAL);
        // Training after the rewind: make every pruned weight huge. IMP must not bring any of them back.
        Map<String, HostTensor> grown = new LinkedHashMap<>(level1);
        for (Map.Entry<String, HostTensor> e : level1.entrySet()) {
            String layer = e.getKey().substring(0, e.getKey().length() - TensorNames.MASK.length());
            float[] w = net.tensor(TensorNames.weight(layer)).data().clone();
            for (int i = 0; i < w.length; i++) {
                w[i] = e.getValue().data()[i] == 0f ? 100f : w[i];
            }
            grown.put(TensorNames.weight(layer), new HostTensor(w, e.getValue().shape()));
        }
        NetworkState trained = net.withTensors(grown);
        Map<String, HostTensor> level2 = IterativeMagnitudePruner.masks(trained, 0.5, PruneScope.GLOBAL);
        assertEquals(Math.round(0.5 * total(level2)), pruned(level2));
        level1.forEach((name, m1) -> {
            float[] m2 = level2.get(name).data();
            for (int i = 0; i < m2.length; i++) {
                assertTrue(m1.data()[i] != 0f || m2[i] == 0f, name + "[" + i + "] came back");
            }
        });
    }

    @Test
    void layerwiseLevelPrunesEveryLayerToTheSameSparsity() {
        NetworkState net = network();
        Map<String, HostTensor> masks = IterativeMagnitudePruner.masks(net, 0.4, PruneScope.LAYERWISE);
        for (LayerShape layer : net.architecture().layers()) {
            if (layer.prunable()) {
                HostTensor m = masks.get(TensorNames.mask(layer.name()));
                assertEquals(Math.round(0.4 * m.size()), Math.round(sparsity(m) * m.size()), layer.name());
            }
        }
    }

    @Test
    void randomMasksKeepEveryLayersAliveCountAtOtherPositions() {
        NetworkState net = network();
        NetworkState ticket = net.withTensors(IterativeMagnitudePruner.masks(net, 0.7, PruneScope.GLOBAL));
        Map<String, HostTensor> random = RandomMasks.samePerLayerSparsity(ticket, 5);
        int differentLayers = 0;
        for (LayerShape layer : net.architecture().layers()) {
            if (layer.prunable()) {
                String name = TensorNames.mask(layer.name());
                HostTensor original = ticket.tensor(name);
                assertEquals(sparsity(original), sparsity(random.get(name)), 0, name);
                differentLayers += Arrays.equals(original.data(), random.get(name).data()) ? 0 : 1;
            }
        }
        assertTrue(differentLayers > 0, "positions are redrawn");
        assertEquals(random.keySet(), RandomMasks.samePerLayerSparsity(ticket, 5).keySet());
        random.forEach((name, m) -> assertTrue(Arrays.equals(m.data(),
                RandomMasks.samePerLayerSparsity(ticket, 5).get(name).data()), "same seed, same masks"));
        assertNotEquals(Arrays.toString(random.values().iterator().next().data()),
                Arrays.toString(RandomMasks.samePerLayerSparsity(ticket, 6).values().iterator().next().data()));
    }

    private static double sparsity(HostTensor mask) {
        long zeros = 0;
        for (float v : mask.data()) {
            zeros += v == 0f ? 1 : 0;
        }
        return (double) zeros / mask.size();
    }
}
