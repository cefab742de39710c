package org.supertickets.space;

/**
 * The 1x1 convolution (+ BN + ReLU) after the last stage, followed by global average pooling and the
 * linear classifier. The head conv is pruned; the classifier never is.
 *
 * @param channels output channels of the head convolution
 */
public record HeadConfig(Integer channels) {
}
