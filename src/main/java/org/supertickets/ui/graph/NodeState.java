package org.supertickets.ui.graph;

/**
 * A node at one moment.
 *
 * @param channels        channels kept (0 = removed)
 * @param maxChannels     channels in the supernet
 * @param weights         weights of the layer now (0 for input/add nodes and removed layers)
 * @param keptWeights     weights alive under the mask
 * @param macs            dense MACs of the layer now
 * @param keptMacs        MACs of the alive weights
 * @param importanceShare depthwise only: the branch's share of the block's summed |gamma|; NaN otherwise
 * @param opacity         0.2 + 0.8 x share for branches, 1 otherwise
 */
public record NodeState(int channels, int maxChannels, long weights, long keptWeights, long macs, long keptMacs,
        double importanceShare, double opacity) {

    public boolean removed() {
        return channels <= 0;
    }

    /** Fraction of weights alive; NaN for nodes without weights. */
    public double aliveFraction() {
        return weights <= 0 ? Double.NaN : (double) keptWeights / weights;
    }
}
