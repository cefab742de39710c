package org.supertickets.space;

/**
 * The first convolution (conv + BN + ReLU). Its weights are pruned; its width is not searched.
 *
 * @param channels   output channels
 * @param kernelSize square kernel size (odd)
 * @param stride     1 or 2
 */
public record StemConfig(Integer channels, Integer kernelSize, Integer stride) {
}
