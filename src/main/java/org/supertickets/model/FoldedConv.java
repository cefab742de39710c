package org.supertickets.model;

/**
 * A conv's weight with the batch normalisation after it folded in, for inference: evaluation-mode BN is
 * {@code (y - mean) / sqrt(var + eps) * gamma + beta}, an affine map per output channel, so scaling the channel's
 * weights by {@code s = gamma / sqrt(var + eps)} and adding {@code beta - mean * s} computes the same. A zero weight
 * stays zero, so a pruned layer keeps its sparsity. The layer's mask, where it has one, is applied first.
 *
 * @param weight the folded weight, the layer's shape, row-major (output channel first)
 * @param shape  the weight's shape
 * @param bias   one value per output channel
 */
record FoldedConv(float[] weight, long[] shape, float[] bias) {

    /** The layer {@code layer} of {@code state} with its BN {@code bn} folded in. */
    static FoldedConv of(NetworkState state, String layer, String bn) {
        HostTensor w = state.tensor(TensorNames.weight(layer));
        float[] weight = masked(state, layer, w);
        float[] gamma = state.tensor(bn + TensorNames.GAMMA).data();
        float[] beta = state.tensor(bn + TensorNames.BETA).data();
        float[] mean = state.tensor(bn + TensorNames.RUNNING_MEAN).data();
        float[] var = state.tensor(bn + TensorNames.RUNNING_VAR).data();
        int out = gamma.length;
        int perChannel = weight.length / out;
        float[] bias = new float[out];
        float epsilon = state.architecture().bnEpsilon().floatValue();
        for (int o = 0; o < out; o++) {
            float s = (float) (gamma[o] / Math.sqrt(var[o] + epsilon));
            for (int i = o * perChannel; i < (o + 1) * perChannel; i++) {
                weight[i] *= s;
            }
            bias[o] = beta[o] - mean[o] * s;
        }
        return new FoldedConv(weight, w.shape().clone(), bias);
    }

    /**
     * A grouped 1x1 conv without BN (the official skip) as the dense {@code [out, in, 1, 1]} weight that computes the
     * same: output channel o reads only its group's {@code in / groups} inputs, zeros elsewhere; no bias.
     */
    static FoldedConv groupedAsDense(NetworkState state, String layer, int in, int groups) {
        HostTensor w = state.tensor(TensorNames.weight(layer));
        float[] grouped = masked(state, layer, w);
        int out = (int) w.shape()[0];
        int perGroupIn = in / groups;
        int perGroupOut = out / groups;
        float[] dense = new float[out * in];
        for (int o = 0; o < out; o++) {
            int first = o / perGroupOut * perGroupIn;
            for (int c = 0; c < perGroupIn; c++) {
                dense[o * in + first + c] = grouped[o * perGroupIn + c];
            }
        }
        return new FoldedConv(dense, new long[] {out, in, 1, 1}, new float[out]);
    }

    /** A layer without a BN after it (the classifier): its masked weight and the given bias. */
    static FoldedConv unfolded(NetworkState state, String layer, float[] bias) {
        HostTensor w = state.tensor(TensorNames.weight(layer));
        return new FoldedConv(masked(state, layer, w), w.shape().clone(), bias.clone());
    }

    private static float[] masked(NetworkState state, String layer, HostTensor w) {
        float[] weight = w.data().clone();
        HostTensor mask = state.tensors().get(TensorNames.mask(layer));
        if (mask != null) {
            for (int i = 0; i < weight.length; i++) {
                weight[i] *= mask.data()[i];
            }
        }
        return weight;
    }

    /** Input channels {@code [from, to)} of this 1×1 layer, with {@code bias}. */
    FoldedConv columns(int from, int to, float[] bias) {
        int out = (int) shape[0];
        int in = weight.length / out;
        int width = to - from;
        float[] part = new float[out * width];
        for (int o = 0; o < out; o++) {
            System.arraycopy(weight, o * in + from, part, o * width, width);
        }
        return new FoldedConv(part, new long[] {out, width, 1, 1}, bias);
    }

    /** The same weight with {@code extra} added to the bias. */
    FoldedConv plusBias(float[] extra) {
        float[] sum = bias.clone();
        for (int o = 0; o < sum.length; o++) {
            sum[o] += extra[o];
        }
        return new FoldedConv(weight, shape, sum);
    }

    /** Share of weights that are not zero. */
    double density() {
        long alive = 0;
        for (float v : weight) {
            alive += v != 0f ? 1 : 0;
        }
        return weight.length == 0 ? 1 : (double) alive / weight.length;
    }
}
