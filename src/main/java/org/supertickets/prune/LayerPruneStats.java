package org.supertickets.prune;

/**
 * What one pruning event did to one layer.
 *
 * @param layer       layer name
 * @param total       prunable weights in the layer
 * @param kept        weights alive after the event
 * @param reactivated weights that were pruned before the event and are alive after it
 * @param newlyPruned weights that were alive before the event and are pruned after it
 */
public record LayerPruneStats(String layer, long total, long kept, long reactivated, long newlyPruned) {
}
