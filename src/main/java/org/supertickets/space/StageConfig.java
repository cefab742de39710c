package org.supertickets.space;

import java.util.List;

/**
 * A run of searchable inverted-residual blocks with the same output width. Each block has one parallel
 * depthwise branch per kernel size; each branch has {@code expansionRatio * inputChannels} hidden channels.
 * The first block of the stage uses {@code stride}, the others stride 1.
 *
 * @param channels       output channels of every block in the stage (never changed by the search)
 * @param repeats        number of blocks
 * @param stride         stride of the first block (1 or 2)
 * @param kernelSizes    depthwise kernel sizes offered as parallel branches, e.g. [3, 5, 7]
 * @param expansionRatio hidden channels per branch = ratio x block input channels
 */
public record StageConfig(
        Integer channels,
        Integer repeats,
        Integer stride,
        List<Integer> kernelSizes,
        Integer expansionRatio) {
}
