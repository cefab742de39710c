package org.supertickets.space;

/**
 * One weight layer of a network as the counters see it: a convolution (or the linear classifier, with
 * kernel 1 and a 1x1 output).
 *
 * @param name        stable name, also the parameter name in checkpoints and tickets (e.g. {@code blocks.3.dw.k5})
 * @param kind        what the layer is
 * @param inChannels  input channels
 * @param outChannels output channels
 * @param kernel      square kernel size
 * @param groups      convolution groups (= channels for a depthwise conv)
 * @param outHeight   output height
 * @param outWidth    output width
 * @param prunable    whether the global magnitude pruning covers this layer's weights
 */
public record LayerShape(
        String name,
        LayerKind kind,
        int inChannels,
        int outChannels,
        int kernel,
        int groups,
        int outHeight,
        int outWidth,
        boolean prunable) {

    /** Number of weights: {@code C_out * C_in/groups * k * k} (the classifier adds its bias separately). */
    public long weightCount() {
        return (long) outChannels * (inChannels / groups) * kernel * kernel;
    }

    /** Dense MACs, official convention: {@code C_in * C_out * k * k * H_out * W_out / groups}. */
    public long macs() {
        return weightCount() * outHeight * outWidth;
    }

    /** MACs with only {@code keptWeights} weights alive: every weight is used once per output position. */
    public long sparseMacs(long keptWeights) {
        return keptWeights * outHeight * outWidth;
    }

    /** Parameter tensor shape {@code [C_out, C_in/groups, k, k]}; the classifier is {@code [classes, C_in]}. */
    public long[] weightShape() {
        if (kind == LayerKind.CLASSIFIER) {
            return new long[] {outChannels, inChannels};
        }
        return new long[] {outChannels, inChannels / groups, kernel, kernel};
    }
}
