package org.supertickets.report;

import org.supertickets.space.LayerKind;
import org.supertickets.ticket.TicketLayer;

/**
 * One weight layer in two tickets: its weight sparsity in A and in B (a layer can exist in only one of them,
 * when the search removed a branch or a block body in the other).
 *
 * @param layer layer name
 * @param kind  what the layer is
 * @param a     the layer in ticket A; null when A has no such layer
 * @param b     the layer in ticket B; null when B has no such layer
 */
public record LayerChange(String layer, LayerKind kind, TicketLayer a, TicketLayer b) {

    /** Weight sparsity in A; NaN when A has no such layer. */
    public double sparsityA() {
        return a == null ? Double.NaN : a.sparsity();
    }

    /** Weight sparsity in B; NaN when B has no such layer. */
    public double sparsityB() {
        return b == null ? Double.NaN : b.sparsity();
    }

    /** Sparsity of B minus sparsity of A; NaN when the layer is missing on one side. */
    public double sparsityDelta() {
        return sparsityB() - sparsityA();
    }

    /** True when the layer exists in only one ticket or its channels differ (the graph marks it). */
    public boolean structural() {
        return a == null || b == null || a.inChannels() != b.inChannels() || a.outChannels() != b.outChannels();
    }
}
