package org.supertickets.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;

/**
 * Zero channels appended to a branch so that, in channels-last, its activations are {@value
 * ActivationLayout#CHANNEL_MULTIPLE} wide or a multiple of it: a search shrinks branches to any width, and at odd
 * widths libtorch's channels-last batch norm and oneDNN's convolutions leave their vectorised kernels
 * (docs/performance.md, "Channels-last on Intel"). The appended channels compute exact zeros — zero expand rows,
 * zero BN scale and shift, zero depthwise kernels, zero projection columns — so the output, the gradients of the real
 * tensors and their running statistics are the unpadded network's; only the kernels that compute them change. The
 * padding lives in the forward pass alone: no stored tensor, checkpoint or ticket ever has it.
 */
final class ChannelPadding {

    /** No padding: NCHW, whose kernels do not care about widths. */
    static final ChannelPadding NONE = new ChannelPadding(null);

    private final NDManager manager;
    /** Constant fills by shape and value, kept for the network's life: a shrunk network pads the same shapes each step. */
    private final Map<String, NDArray> constants = new HashMap<>();

    private ChannelPadding(NDManager manager) {
        this.manager = manager;
    }

    /** Padding for a network whose arrays live in {@code manager}, laid out as {@code layout}. */
    static ChannelPadding forLayout(ActivationLayout layout, NDManager manager) {
        return layout == ActivationLayout.CHANNELS_LAST ? new ChannelPadding(manager) : NONE;
    }

    /** How many zero channels a branch of {@code width} channels gets. */
    int channelsAfter(long width) {
        int multiple = ActivationLayout.CHANNEL_MULTIPLE;
        return this == NONE ? 0 : (int) ((multiple - width % multiple) % multiple);
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
