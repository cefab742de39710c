package org.supertickets.prune;

/** How iterative magnitude pruning ranks weights (open_lth: {@code sparse_global} vs per-layer). */
public enum PruneScope {
    /** One threshold over all prunable layers. */
    GLOBAL,
    /** Every layer pruned to the same sparsity by its own threshold. */
    LAYERWISE
}
