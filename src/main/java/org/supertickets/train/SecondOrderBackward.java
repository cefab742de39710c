package org.supertickets.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A backward pass that keeps the graph of the gradients it computes ({@code create_graph=True} in PyTorch), so a
 * function of those gradients can be back-propagated again: the Hessian-gradient product GraSP needs. DJL's
 * {@code GradientCollector} does not offer it; its PyTorch engine's JNI does, and this is the one place that calls
 * it (the workbench runs on that engine only).
 */
final class SecondOrderBackward {

    private SecondOrderBackward() {
    }

    /** Back-propagates {@code scalar}; the gradients it leaves have a graph of their own. */
    static void backwardKeepingGraph(NDArray scalar) {
        if (!(scalar instanceof PtNDArray target)) {
            throw new IllegalStateException("second-order gradients need DJL's PyTorch engine, not "
                    + scalar.getClass().getName());
        }
        try (NDArray ones = target.onesLike()) {
            JniUtils.backward(target, (PtNDArray) ones, true, true);
        }
    }
}
