package org.supertickets.model;

import ai.djl.ndarray.NDArray;

/**
 * Receives the activations of one forward pass where a person would look at them: the stem's output, each branch's
 * feature maps (after its depthwise conv, BN and ReLU), each block's output and the head's. The arrays belong to the
 * pass; a tap copies what it keeps.
 */
@FunctionalInterface
public interface ActivationTap {

    /** Where an activation was taken. */
    enum Point {
        /** The stem conv's output, after BN and ReLU. */
        STEM,
        /** One branch's depthwise output, after BN and ReLU: the feature maps that branch computes. */
        BRANCH,
        /** A block's output: its body's projection after BN, plus the skip. */
        BLOCK,
        /** The head conv's output, after BN and ReLU, before pooling. */
        HEAD
    }

    /** Taps nothing: the forward pass of training. */
    ActivationTap NONE = (point, block, kernel, activation) -> { };

    /**
     * @param point      where
     * @param block      the block's index; -1 for the stem, the number of blocks for the head
     * @param kernel     the branch's kernel size; 0 where {@code point} is not a branch
     * @param activation {@code [N, C, H, W]}
     */
    void take(Point point, int block, int kernel, NDArray activation);
}
