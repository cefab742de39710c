package org.supertickets.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.LayerShape;

/**
 * Every tensor an architecture has, by name and shape, in the order a network holds them, computed without
 * allocating any: the initializer fills it, and readers check a file's header against it before reading data.
 *
 * @param tensors weights, masks (prunable layers), the classifier bias and BN parameters and statistics
 * @param layers  the layer of each weight and mask tensor
 * @param origins the channel count of each depthwise layer whose channel origins are stored
 */
public record TensorLayout(Map<String, long[]> tensors, Map<String, LayerShape> layers, Map<String, Integer> origins) {

    public static TensorLayout of(Architecture architecture) {
        Map<String, long[]> tensors = new LinkedHashMap<>();
        Map<String, LayerShape> layers = new LinkedHashMap<>();
        for (LayerShape layer : architecture.layers()) {
            tensors.put(TensorNames.weight(layer.name()), layer.weightShape());
            layers.put(TensorNames.weight(layer.name()), layer);
            if (layer.prunable()) {
                tensors.put(TensorNames.mask(layer.name()), layer.weightShape());
                layers.put(TensorNames.mask(layer.name()), layer);
            }
        }
        tensors.put(TensorNames.CLASSIFIER_BIAS, new long[] {architecture.classes()});
        addBatchNorm(tensors, TensorNames.STEM_BN, architecture.stemChannels());
        Map<String, Integer> origins = new LinkedHashMap<>();
        for (BlockState block : architecture.blocks()) {
            if (block.hiddenChannels() > 0) {
                addBatchNorm(tensors, TensorNames.expandBn(block), block.hiddenChannels());
                addBatchNorm(tensors, TensorNames.outBn(block), block.outChannels());
            }
            for (BranchState branch : block.branches()) {
                if (!branch.removed()) {
                    addBatchNorm(tensors, TensorNames.depthwiseBn(block, branch), branch.hiddenChannels());
                    origins.put(TensorNames.depthwise(block, branch), branch.hiddenChannels());
                }
            }
            if (!block.identitySkip() && architecture.skipPath().hasBatchNorm()) {
                addBatchNorm(tensors, TensorNames.skipBn(block), block.outChannels());
            }
        }
        addBatchNorm(tensors, TensorNames.HEAD_BN, architecture.headChannels());
        if (architecture.segments()) {
            addBatchNorm(tensors, TensorNames.DECODER_SKIP_BN, architecture.headChannels());
        }
        return new TensorLayout(Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(layers),
                Collections.unmodifiableMap(origins));
    }

    private static void addBatchNorm(Map<String, long[]> tensors, String name, int channels) {
        for (String part : new String[] {TensorNames.GAMMA, TensorNames.BETA, TensorNames.RUNNING_MEAN,
            TensorNames.RUNNING_VAR}) {
            tensors.put(name + part, new long[] {channels});
        }
    }

    /** Bytes the network's tensors and channel origins take on the heap (4 bytes per value). */
    public long heapBytes() {
        long values = 0;
        for (long[] shape : tensors.values()) {
            values += count(shape);
        }
        for (int channels : origins.values()) {
            values += channels;
        }
        return values * 4;
    }

    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
