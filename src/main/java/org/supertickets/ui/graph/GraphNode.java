package org.supertickets.ui.graph;

/**
 * A node of the supernet graph with its frozen position (layout units, y downwards).
 *
 * @param id          index in {@link SupernetGraph#nodes()}
 * @param kind        what it is
 * @param layer       the weight layer it draws ({@code blocks.2.dw.k5}); null for input and add nodes
 * @param block       block index, -1 outside blocks
 * @param kernel      depthwise kernel size, else 0
 * @param rank        layer of the longest-path layering (0 = input)
 * @param x           centre x
 * @param y           centre y
 * @param maxChannels channels in the supernet
 * @param maxWidth    drawn width in the supernet
 * @param groups      groups of its conv: 1, except the official block's grouped skip conv (gcd of in and out)
 */
public record GraphNode(int id, NodeKind kind, String layer, int block, int kernel, int rank, double x, double y,
        int maxChannels, double maxWidth, int groups) {
}
