package org.supertickets.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A backward pass that keeps the graph of the gradients it computes ({@code create_graph=True} in PyTorch), so a
 * function of those gradients can be back-propagated again: the Hessian-gradient product GraSP needs. DJL's
 * {@code GradientCollector} does not offer it; its PyTorch engine's JNI does, and this is the one place that calls
 * it (the workbench runs on that engine only).
 *
 * <p>Known cost: PyTorch warns that a backward with {@code create_graph} makes a reference cycle between each
 * parameter and its gradient; in Python one breaks it with {@code p.grad = None}, which DJL cannot do. The cycle
 * keeps each scored batch's graph allocated after its copy is closed (measured: about 30 MB per batch of 64
 * Fashion-MNIST images on the quickstart-sized supernet, so about 150 MB per GraSP event of 5 batches), until
 * the process ends. Fine for a few events; docs/method.md says so.
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
