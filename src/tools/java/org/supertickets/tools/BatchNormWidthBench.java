package org.supertickets.tools;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import org.supertickets.model.ActivationLayout;

/**
 * How fast libtorch's training-mode batch norm runs at each channel count, in NCHW and in channels-last: the best of
 * 24 timed forward passes and of 24 backward passes on a {@code [128, C, HW, HW]} batch, after a round that warms
 * every shape up. It is why {@code model.ChannelPadding} pads to 16 channels (docs/performance.md, "Channels-last
 * after a shrink"). Arguments: the side {@code HW} (default 14). Run it on an idle machine.
 */
public final class BatchNormWidthBench {

    private static final int[] CHANNELS = {8, 12, 16, 24, 32, 40, 48};
    private static final int BATCH = 128;
    private static final int PASSES = 30;
    private static final int UNTIMED = 6;

    private BatchNormWidthBench() {
    }

    public static void main(String[] args) {
        int side = args.length > 0 ? Integer.parseInt(args[0]) : 14;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            for (int round = 0; round < 2; round++) {
                for (int c : CHANNELS) {
                    for (ActivationLayout layout : ActivationLayout.values()) {
                        long[] best = time(m, layout, c, side);
                        if (round == 1) {
                            System.out.printf("%dx%d  C=%-3d %-13s forward %.3f ms  backward %.3f ms%n", side, side,
                                    c, layout.label(), best[0] / 1e6, best[1] / 1e6);
                        }
                    }
                }
            }
        }
    }

    /** Best forward and best backward nanoseconds. */
    private static long[] time(NDManager m, ActivationLayout layout, int c, int side) {
        Shape shape = new Shape(BATCH, c, side, side);
        NDArray x = layout.arrange(m.randomNormal(shape));
        x.setRequiresGradient(true);
        NDArray gamma = m.ones(new Shape(c));
        NDArray beta = m.zeros(new Shape(c));
        gamma.setRequiresGradient(true);
        beta.setRequiresGradient(true);
        NDArray mean = m.zeros(new Shape(c));
        NDArray variance = m.ones(new Shape(c));
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int pass = 0; pass < PASSES; pass++) {
            try (NDScope scope = new NDScope();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray upstream = layout.arrange(m.randomNormal(shape));
                upstream.getFloat(0, 0, 0, 0);
                long start = System.nanoTime();
                NDArray y = BatchNorm.batchNorm(x, mean, variance, gamma, beta, 1, 0.9f, 1e-5f, true)
                        .singletonOrThrow();
                y.getFloat(0, 0, 0, 0);
                long forward = System.nanoTime() - start;
                NDArray loss = y.mul(upstream).sum();
                start = System.nanoTime();
                collector.backward(loss);
                x.getGradient().getFloat(0, 0, 0, 0);
                long backward = System.nanoTime() - start;
                if (pass >= UNTIMED) {
                    best[0] = Math.min(best[0], forward);
                    best[1] = Math.min(best[1], backward);
                }
            }
        }
        return best;
    }
}
