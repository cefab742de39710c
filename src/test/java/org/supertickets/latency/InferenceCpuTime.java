package org.supertickets.latency;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.InferenceNetwork;
import org.supertickets.model.Supernet;
import org.supertickets.space.Architecture;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.train.NativeAllocatorTuning;

/**
 * The CPU time of one forward pass of a ticket three ways (compacted dense, folded with dense 1×1 products, folded
 * with sparse ones), on the calling thread: with one intra-op thread ({@code -Dai.djl.pytorch.num_threads=1}) the
 * work all runs there, so the figure holds on a machine that other processes load, where {@code latency}'s wall
 * times do not. Best of 5 samples of 3 passes, in rounds that alternate the three.
 *
 * <p>{@code java -Dai.djl.pytorch.num_threads=1 -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.supertickets.latency.InferenceCpuTime TICKET BATCH}
 */
public final class InferenceCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InferenceCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        Ticket ticket = TicketIo.read(Path.of(args[0]));
        int batch = Integer.parseInt(args[1]);
        System.out.println("malloc thresholds fixed: " + NativeAllocatorTuning.applyOnce());
        Architecture a = ticket.network().architecture();
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet dense = Supernet.load(ticket.network(), root, Device.cpu());
                InferenceNetwork foldedDense = InferenceNetwork.load(ticket.network(), root, Device.cpu(),
                        InferenceNetwork.Kernels.DENSE);
                InferenceNetwork foldedSparse = InferenceNetwork.load(ticket.network(), root, Device.cpu(),
                        InferenceNetwork.Kernels.SPARSE_WHERE_IT_PAYS)) {
            NDArray x = root.randomNormal(new Shape(batch, a.inChannels(), a.inHeight(), a.inWidth()));
            for (int round = 0; round < 5; round++) {
                double t = ms(() -> dense.forward(x, BatchNormMode.EVAL));
                double d = ms(() -> foldedDense.forward(x));
                double s = ms(() -> foldedSparse.forward(x));
                System.out.printf(Locale.ROOT, "round %d: compacted %.1f  folded dense %.1f  folded sparse %.1f ms "
                        + "CPU per pass; sparse over compacted %.2f×, over folded dense %.2f×%n", round, t, d, s,
                        t / s, d / s);
            }
        }
    }

    private static double ms(Supplier<NDArray> pass) {
        for (int i = 0; i < 3; i++) {
            run(pass);
        }
        double best = Double.MAX_VALUE;
        for (int sample = 0; sample < 5; sample++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < 3; i++) {
                run(pass);
            }
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - t0) / 3e6);
        }
        return best;
    }

    private static void run(Supplier<NDArray> pass) {
        try (NDScope scope = new NDScope()) {
            pass.get().toFloatArray();
        }
    }
}
