package org.supertickets.train;

import java.util.List;

/**
 * What one network did with one image: its class probabilities and the activations on the way.
 *
 * @param network       which network, for a person (e.g. {@code supernet} or {@code ticket})
 * @param step          the training step the network is from
 * @param probabilities the softmax of its logits, one per class
 * @param layers        activations from the input to the head, in the order the forward pass met them
 */
public record NetworkPass(String network, long step, float[] probabilities, List<LayerActivation> layers) {

    public NetworkPass {
        probabilities = probabilities.clone();
        layers = List.copyOf(layers);
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The class with the highest probability (the lowest index among ties, as argmax does). */
    public int predicted() {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    /** This pass's activation at the place of {@code other}'s; null where this network has no such layer. */
    public LayerActivation at(LayerActivation other) {
        for (LayerActivation layer : layers) {
            if (layer.samePlace(other)) {
                return layer;
            }
        }
        return null;
    }

    /**
     * How much {@code to}'s activation differs from {@code from}'s at one place, relative to {@code from}'s:
     * {@code ‖to − from‖ / ‖from‖} over the channels of either, matched by their supernet index. A channel one of
     * them lost counts as zeros there, so a pruned-away branch changes its place by 100 %. NaN when {@code from} is
     * all zeros or the maps differ in size.
     */
    public static double relativeChange(LayerActivation from, LayerActivation to) {
        if (from.height() != to.height() || from.width() != to.width()) {
            return Double.NaN;
        }
        int area = from.height() * from.width();
        java.util.Map<Integer, Integer> toMap = new java.util.HashMap<>();
        int[] toChannels = to.channels();
        for (int i = 0; i < toChannels.length; i++) {
            toMap.put(toChannels[i], i);
        }
        double diff = 0;
        double norm = 0;
        int[] fromChannels = from.channels();
        float[] a = from.values();
        float[] b = to.values();
        for (int i = 0; i < fromChannels.length; i++) {
            Integer j = toMap.remove(fromChannels[i]);
            for (int p = 0; p < area; p++) {
                double x = a[i * area + p];
                double y = j == null ? 0 : b[j * area + p];
                diff += (y - x) * (y - x);
                norm += x * x;
            }
        }
        for (int j : toMap.values()) {
            for (int p = 0; p < area; p++) {
                double y = b[j * area + p];
                diff += y * y;
            }
        }
        return norm == 0 ? Double.NaN : Math.sqrt(diff / norm);
    }
}
