package org.supertickets.prune;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RigL's Erdős-Rényi-Kernel sparsity distribution: a layer of weight shape {@code d1 × d2 × ...} keeps a share
 * proportional to {@code (d1 + d2 + ...) / (d1 · d2 · ...)}, scaled so that the whole network is at the target
 * sparsity; small layers (depthwise, stem, classifier) stay denser than large ones. A layer whose share would
 * exceed one stays dense and the scale is found again for the rest, as in RigL's code.
 */
public final class ErdosRenyiKernel {

    private ErdosRenyiKernel() {
    }

    /** The density (share of weights kept) of every layer, by the same names as {@code shapes}. */
    public static Map<String, Double> densities(Map<String, long[]> shapes, double sparsity) {
        Map<String, Double> densities = new LinkedHashMap<>();
        Map<String, Boolean> dense = new LinkedHashMap<>();
        shapes.keySet().forEach(layer -> dense.put(layer, false));
        double total = 0;
        for (long[] shape : shapes.values()) {
            total += count(shape);
        }
        while (true) {
            double keepBudget = (1 - sparsity) * total;
            double raw = 0;
            for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                if (dense.get(e.getKey())) {
                    keepBudget -= count(e.getValue());
                } else {
                    raw += score(e.getValue()) * count(e.getValue());
                }
            }
            double scale = raw <= 0 ? 0 : Math.max(0, keepBudget) / raw;
            boolean changed = false;
            for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                if (!dense.get(e.getKey()) && scale * score(e.getValue()) > 1) {
                    dense.put(e.getKey(), true);
                    changed = true;
                }
            }
            if (!changed) {
                for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                    densities.put(e.getKey(), dense.get(e.getKey()) ? 1.0 : scale * score(e.getValue()));
                }
                return densities;
            }
        }
    }

    private static double score(long[] shape) {
        double sum = 0;
        for (long d : shape) {
            sum += d;
        }
        return sum / count(shape);
    }

    private static double count(long[] shape) {
        double n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
