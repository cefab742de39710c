package org.supertickets.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import org.supertickets.space.BlockState;

/**
 * Zero channels appended to a block's hidden activations in channels-last, so that their width is a multiple of
 * {@value #MULTIPLE}: a search shrinks branches to any width, and at widths that are not multiples of the vector
 * (16 floats with AVX-512) libtorch's channels-last batch norm leaves its vectorised kernels — its backward pass took
 * 1.9–3.5× NCHW's time at 8, 24 and 40 channels and 10× at 12, against 0.9–1.3× at 16, 32 and 48
 * (docs/performance.md, "Channels-last after a shrink"). The appended channels compute exact zeros — zero expand
 * rows, BN scale and shift, depthwise kernels and projection columns — so the output, the gradients of the real
 * tensors and their running statistics are the unpadded network's; only the kernels that compute them change. The
 * padding lives in the forward pass alone: no stored tensor, checkpoint or ticket ever has it.
 */
final class ChannelPadding {

    /** The widths padded to: AVX-512's vector of floats. */
    static final int MULTIPLE = 16;

    /** No padding: NCHW, whose kernels do not care about widths. */
    static final ChannelPadding NONE = new ChannelPadding(null);

    private final NDManager manager;
    /** Constant fills by shape and value, kept for the network's life: it pads the same shapes at every step. */
    private final Map<String, NDArray> constants = new HashMap<>();

    private ChannelPadding(NDManager manager) {
        this.manager = manager;
    }

    /** Padding for a network whose arrays live in {@code manager}, laid out as {@code layout}. */
    static ChannelPadding forLayout(ActivationLayout layout, NDManager manager) {
        return layout == ActivationLayout.CHANNELS_LAST ? new ChannelPadding(manager) : NONE;
    }

    /**
     * Whether {@code block} runs padded: in channels-last, once a branch's width is no longer a multiple of {@link
     * ActivationLayout#CHANNEL_MULTIPLE} (a dense supernet's blocks run fastest as they are).
     */
    boolean neededBy(BlockState block) {
        return this != NONE && block.branches().stream()
                .anyMatch(b -> !b.removed() && b.hiddenChannels() % ActivationLayout.CHANNEL_MULTIPLE != 0);
    }

    /** How many zero channels make {@code width} a multiple of {@link #MULTIPLE} (none without padding). */
    int channelsAfter(long width) {
        return this == NONE ? 0 : (int) ((MULTIPLE - width % MULTIPLE) % MULTIPLE);
    }

    /** {@code t} with {@code count} slices of {@code fill} appended along {@code axis} (itself when count is 0). */
    NDArray append(NDArray t, int axis, int count, float fill) {
        if (count == 0) {
            return t;
        }
        long[] dims = t.getShape().getShape().clone(); // the shape's own array: never write to it
        dims[axis] = count;
        return NDArrays.concat(new NDList(t, constant(new Shape(dims), fill)), axis);
    }

    private NDArray constant(Shape shape, float fill) {
        return constants.computeIfAbsent(shape + "=" + fill, k -> {
            NDArray c = manager.full(shape, fill);
            NDScope.unregister(c); // lives as long as the network, not the step that first asked for it
            return c;
        });
    }
}
