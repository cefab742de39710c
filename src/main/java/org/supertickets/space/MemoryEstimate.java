package org.supertickets.space;

import java.util.Locale;

/**
 * The memory a config's training will take at its largest (the supernet, before anything is pruned away), from
 * the config alone: an order of magnitude to refuse what cannot fit, not an accounting to the byte.
 *
 * @param weightBytes     weights and masks on the device, and their copy on the host (checkpoints, snapshots)
 * @param optimizerBytes  gradients and SGD momentum
 * @param activationBytes feature maps kept for the backward pass at {@code training.batchSize} (or, if more, the
 *                        largest layer's input and output at {@code training.evalBatchSize})
 */
public record MemoryEstimate(long weightBytes, long optimizerBytes, long activationBytes) {

    /** Convolution output, BN output and activation are each kept for the backward pass. */
    private static final int KEPT_PER_LAYER = 3;
    private static final int FLOAT = 4;

    /** The estimate of a resolved, valid config. */
    public static MemoryEstimate of(SearchSpaceConfig resolved) {
        Architecture supernet = Architecture.supernet(resolved);
        long weights = 0;
        long prunable = 0;
        long featureValues = 0;
        long largestFeatureMap = 0;
        for (LayerShape layer : supernet.layers()) {
            weights += layer.weightCount();
            prunable += layer.prunable() ? layer.weightCount() : 0;
            long values = (long) layer.outChannels() * layer.outHeight() * layer.outWidth();
            featureValues += values;
            largestFeatureMap = Math.max(largestFeatureMap, values);
        }
        long batch = resolved.training().batchSize();
        long evalBatch = resolved.training().evalBatchSize();
        // Evaluation keeps no graph: only a layer's input and output live at once, but at the larger eval batch.
        long activations = times(Math.max(times(batch * KEPT_PER_LAYER, featureValues),
                times(2 * evalBatch, largestFeatureMap)), FLOAT);
        return new MemoryEstimate(2L * FLOAT * (weights + prunable), 2L * FLOAT * weights, activations);
    }

    /** A product that saturates at Long.MAX_VALUE: a hostile config must read as "too much", never as negative. */
    private static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    public long totalBytes() {
        long sum = weightBytes + optimizerBytes;
        return activationBytes > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + activationBytes;
    }

    /** What shrinking helps most: the batch when activations dominate, else the network's width. */
    public String fix() {
        if (activationBytes >= weightBytes + optimizerBytes) {
            return "lower training.batchSize (activations grow with it), or the image size, or the early stages' "
                    + "channels";
        }
        return "shrink the stages' channels, repeats, expansionRatio or kernelSizes (weights grow with channels "
                + "squared)";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (weights and masks %s, gradients and momentum %s, activations %s)",
                gb(totalBytes()), gb(weightBytes), gb(optimizerBytes), gb(activationBytes));
    }

    public static String gb(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 9 EB" : String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
