package org.supertickets.ticket;

import org.supertickets.space.LayerKind;

/**
 * One row of a ticket's per-layer table.
 *
 * @param name        layer name (also the tensor name prefix in weights.safetensors)
 * @param kind        what the layer is
 * @param shape       weight shape
 * @param inChannels  input channels kept
 * @param outChannels output channels kept
 * @param weights     weights in the (shrunk) layer
 * @param kept        weights alive under the mask
 * @param sparsity    share masked
 * @param macs        dense MACs of the shrunk layer
 * @param keptMacs    MACs of the alive weights
 */
public record TicketLayer(
        String name,
        LayerKind kind,
        long[] shape,
        int inChannels,
        int outChannels,
        long weights,
        long kept,
        double sparsity,
        long macs,
        long keptMacs) {
}
