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
    CLASSIFIER("classifier");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The node kind of a weight layer. */
    public static NodeKind of(LayerKind kind) {
        return switch (kind) {
            case STEM -> STEM;
            case EXPAND -> EXPAND;
            case DEPTHWISE -> DEPTHWISE;
            case PROJECT -> PROJECT;
            case SKIP -> SKIP;
            // the graph draws segmentation's decoder as part of the head (no node of its own yet)
            case HEAD, DECODER -> HEAD;
            case CLASSIFIER -> CLASSIFIER;
        };
    }
}
