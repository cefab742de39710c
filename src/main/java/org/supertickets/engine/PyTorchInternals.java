package org.supertickets.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;

/**
 * Every call the workbench makes below DJL's public API, into its PyTorch engine's JNI ({@code JniUtils}, an
 * internal class that may change with any DJL release). Nothing else imports {@code ai.djl.pytorch} (ArchitectureTest
 * checks it), so a DJL upgrade that moves one of these breaks the build here, in one class, and
 * {@code PyTorchInternalsTest} checks that each still does what the workbench relies on, naming the DJL and PyTorch
 * versions when one does not.
 */
public final class PyTorchInternals {

    private PyTorchInternals() {
    }

    /**
     * libtorch's {@code linear}: {@code input · weightᵀ + bias} as one operation ({@code addmm}), which DJL's public
     * API only offers as a product followed by an addition. {@code model.PointwiseProduct} calls it with the roles
     * swapped to start a sparse product's output from its bias (docs/performance.md, "Sparse inference").
     */
    public static NDArray linear(NDArray input, NDArray weight, NDArray bias) {
        return JniUtils.linear((PtNDArray) input, (PtNDArray) weight, (PtNDArray) bias);
    }

    /**
     * Back-propagates {@code scalar} keeping the graph of the gradients it computes ({@code create_graph=True} in
     * PyTorch), so a function of those gradients can be back-propagated again: the Hessian-gradient product GraSP
     * needs. DJL's {@code GradientCollector} does not offer it.
     *
     * <p>Known cost: PyTorch warns that a backward with {@code create_graph} makes a reference cycle between each
     * parameter and its gradient; in Python one breaks it with {@code p.grad = None}, which DJL cannot do. The cycle
     * keeps each scored batch's graph allocated after its copy is closed (measured: about 30 MB per batch of 64
     * Fashion-MNIST images on the quickstart-sized supernet, so about 150 MB per GraSP event of 5 batches), until
     * the process ends. Fine for a few events; docs/method.md says so.
     *
     * @throws IllegalStateException when {@code scalar} is not a PyTorch array (another engine)
     */
    public static void backwardKeepingGraph(NDArray scalar) {
        if (!(scalar instanceof PtNDArray target)) {
            throw new IllegalStateException("second-order gradients need DJL's PyTorch engine, not "
                    + scalar.getClass().getName());
        }
        try (NDArray ones = target.onesLike()) {
            JniUtils.backward(target, (PtNDArray) ones, true, true);
        }
    }

    /**
     * Switches gradient recording on or off for the calling thread (PyTorch's grad mode is per thread, and a new
     * thread starts with it on).
     */
    public static void setGradMode(boolean enabled) {
        JniUtils.setGradMode(enabled);
    }

    /**
     * Switches gradient recording off for the calling thread when the engine is PyTorch: a thread starts with it on,
     * and in-place updates of leaf tensors (an optimiser's, a mask's, BN's statistics) fail while it is on. DJL's
     * collector restores the thread's previous mode when it closes, so a thread that trains switches it off once.
     */
    public static void stopRecordingGradientsOnThisThread() {
        if ("PyTorch".equals(ai.djl.engine.Engine.getInstance().getEngineName())) {
            setGradMode(false);
        }
    }

    /** Starts libtorch's profiler on the CPU, recording shapes ({@code bench --profile}). */
    public static void startProfiler() {
        JniUtils.startProfile(false, true, false);
    }

    /** Stops the profiler and writes its Chrome trace to {@code trace}. */
    public static void stopProfiler(Path trace) {
        JniUtils.stopProfile(trace.toString());
    }

    /** "DJL 0.36.0, PyTorch 2.7.1": what a message about these entry points should name. */
    public static String versions() {
        return "DJL " + Engine.getDjlVersion() + ", " + Engine.getInstance().getEngineName() + " "
                + Engine.getInstance().getVersion();
    }
}
