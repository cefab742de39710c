package org.supertickets.ui.graph;

import org.supertickets.space.LayerKind;

/** What a node of the connectivity graph stands for; the colour follows it. */
public enum NodeKind {
    INPUT("input"),
    STEM("stem conv"),
    EXPAND("expand 1×1"),
    DEPTHWISE("depthwise k×k"),
    PROJECT("project 1×1"),
    SKIP("skip 1×1"),
    ADD("residual add"),
    HEAD("head 1×1"),
    /** Segmentation's decoder: the 1×1 projection of a stride-4 feature map, pruned like every conv. */
    DECODER("decoder skip 1×1"),
    /** Segmentation's decoder: the head upsampled to the skip's resolution, added to the projection, ReLU. */
    DECODER_JOIN("upsampled head + decoder skip"),
    CLASSIFIER("classifier");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A junction without weights, drawn as a small circle with "+" (a residual add, the decoder's join). */
    public boolean junction() {
        return this == ADD || this == DECODER_JOIN;
    }

    /** The node kind of a weight layer. */
    public static NodeKind of(LayerKind kind) {
        return switch (kind) {
            case STEM -> STEM;
            case EXPAND -> EXPAND;
            case DEPTHWISE -> DEPTHWISE;
            case PROJECT -> PROJECT;
            case SKIP -> SKIP;
            case HEAD -> HEAD;
            case DECODER -> DECODER;
            case CLASSIFIER -> CLASSIFIER;
        };
    }
}
