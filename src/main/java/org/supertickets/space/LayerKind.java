package org.supertickets.space;

/** What a counted layer is; the graph view colours nodes by it. */
public enum LayerKind {
    STEM,
    EXPAND,
    DEPTHWISE,
    PROJECT,
    SKIP,
    HEAD,
    /** Segmentation's decoder skip projection (ours). */
    DECODER,
    CLASSIFIER
}
