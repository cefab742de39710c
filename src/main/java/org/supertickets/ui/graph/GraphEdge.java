package org.supertickets.ui.graph;

/**
 * A data path between two nodes.
 *
 * @param from     source node id
 * @param to       target node id
 * @param residual a skip path (drawn dashed, routed around the block body)
 */
public record GraphEdge(int from, int to, boolean residual) {
}
