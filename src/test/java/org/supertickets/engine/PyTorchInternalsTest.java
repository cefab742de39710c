package org.supertickets.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's internal entry points still do what the workbench relies on. DJL's {@code JniUtils} is not public API:
 * when a DJL upgrade changes one of them, this test says which, with the versions, before a run goes wrong.
 */
class PyTorchInternalsTest {

    private static final float EPS = 1e-5f;

    /** The failure message: which entry point, which versions, where to look. */
    private static String broken(String entryPoint) {
        return "With " + PyTorchInternals.versions() + ", " + entryPoint + " no longer does what PyTorchInternals "
                + "expects. Fix: find its replacement in this DJL's ai.djl.pytorch.jni.JniUtils (or pin djl.version "
                + "in pom.xml back) and update PyTorchInternals";
    }

    @Test
    void linearIsInputTimesWeightTransposedPlusBias() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray input = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            NDArray weight = m.create(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1}, new Shape(4, 3));
            NDArray bias = m.create(new float[] {10, 20, 30, 40}, new Shape(4));
            float[] out = PyTorchInternals.linear(input, weight, bias).toFloatArray();
            assertArrayEquals(new float[] {11, 22, 33, 46, 14, 25, 36, 55}, out, EPS, broken("JniUtils.linear"));
        }
    }

    /** GraSP's Hessian-gradient product: the gradient of (gradient · v) is H v. For sum(x³): H v = 6 x v. */
    @Test
    void backwardKeepingGraphLetsTheGradientBeDifferentiatedAgain() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.create(new float[] {1, 2, -1});
            x.setRequiresGradient(true);
            NDArray v = m.create(new float[] {1, 0.5f, 2});
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                PyTorchInternals.backwardKeepingGraph(x.pow(3).sum());
                NDArray gradient = x.getGradient();
                float[] first = gradient.toFloatArray();
                assertArrayEquals(new float[] {3, 12, 3}, first, EPS, broken("JniUtils.backward (3 x², first pass)"));
                collector.backward(gradient.mul(v).sum());
                float[] both = x.getGradient().toFloatArray();
                float[] hessianTimesV = new float[both.length];
                for (int i = 0; i < both.length; i++) {
                    hessianTimesV[i] = both[i] - first[i];
                }
                assertArrayEquals(new float[] {6, 6, -12}, hessianTimesV, EPS,
                        broken("JniUtils.backward with create_graph (second pass)"));
            }
        }
    }

    /**
     * Why the trainer switches recording off: a new thread records gradients, and PyTorch then refuses in-place
     * updates of a leaf that requires them (optimiser steps, masks, BN resets). Switched off, the update goes through.
     */
    @Test
    void gradModeOffLetsAFreshThreadUpdateALeafInPlace() throws Exception {
        Engine.getInstance(); // started on this thread, so the fresh one below has PyTorch's default: recording on
        String[] outcomes = CompletableFuture.supplyAsync(() -> {
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                NDArray leaf = m.create(new float[] {1, 2});
                leaf.setRequiresGradient(true);
                String recording = addInPlace(leaf);
                PyTorchInternals.setGradMode(false);
                return new String[] {recording, addInPlace(leaf)};
            } finally {
                PyTorchInternals.setGradMode(true);
            }
        }, runnable -> new Thread(runnable, "fresh-thread").start()).get();
        assertArrayEquals(new String[] {"refused", "updated"}, outcomes, broken("JniUtils.setGradMode"));
    }

    private static String addInPlace(NDArray leaf) {
        try {
            leaf.addi(1);
            return "updated";
        } catch (RuntimeException refused) {
            return "refused";
        }
    }

    @Test
    void theProfilerWritesATrace(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.json");
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray a = m.ones(new Shape(8, 8));
            PyTorchInternals.startProfiler();
            a.matMul(a).toFloatArray();
            PyTorchInternals.stopProfiler(trace);
        }
        assertTrue(Files.isRegularFile(trace) && Files.size(trace) > 0,
                broken("JniUtils.startProfile/stopProfile (no trace written)"));
    }
}
