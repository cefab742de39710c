package org.supertickets.space;

import java.util.List;

/**
 * One searchable inverted-residual block as it stands now. Its output width never changes; the search only
 * narrows or removes its branches. With every branch gone the body is removed and the block is its skip path.
 *
 * @param index       position in the network, 0-based
 * @param inChannels  input channels
 * @param outChannels output channels
 * @param stride      stride of the depthwise convs and of the skip conv
 * @param inHeight    input height
 * @param inWidth     input width
 * @param branches    one per kernel size, in config order
 */
public record BlockState(
        int index,
        int inChannels,
        int outChannels,
        int stride,
        int inHeight,
        int inWidth,
        List<BranchState> branches) {

    public BlockState {
        branches = List.copyOf(branches);
    }

    /** True when the skip is the identity: stride 1 and unchanged width. */
    public boolean identitySkip() {
        return stride == 1 && inChannels == outChannels;
    }

    /** True when every branch was searched away and only the skip path is left. */
    public boolean bodyRemoved() {
        return branches.stream().allMatch(BranchState::removed);
    }

    /** Hidden channels of all branches together (the width of the shared expand conv). */
    public int hiddenChannels() {
        return branches.stream().mapToInt(BranchState::hiddenChannels).sum();
    }

    /** Hidden channels of the supernet's block. */
    public int maxHiddenChannels() {
        return branches.stream().mapToInt(BranchState::maxChannels).sum();
    }

    public int outHeight() {
        return (inHeight + stride - 1) / stride;
    }

    public int outWidth() {
        return (inWidth + stride - 1) / stride;
    }

    public BlockState withBranches(List<BranchState> newBranches) {
        return new BlockState(index, inChannels, outChannels, stride, inHeight, inWidth, newBranches);
    }

    /** Parameter-name prefix of this block, e.g. {@code blocks.3}. */
    public String prefix() {
        return "blocks." + index;
    }
}
