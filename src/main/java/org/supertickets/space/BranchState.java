package org.supertickets.space;

/**
 * One depthwise kernel branch of a searchable block, as it stands now.
 *
 * @param kernelSize     depthwise kernel size
 * @param hiddenChannels channels still alive (0 = the branch was searched away)
 * @param maxChannels    channels in the supernet
 */
public record BranchState(int kernelSize, int hiddenChannels, int maxChannels) {

    public boolean removed() {
        return hiddenChannels == 0;
    }

    public BranchState withHiddenChannels(int channels) {
        return new BranchState(kernelSize, channels, maxChannels);
    }
}
