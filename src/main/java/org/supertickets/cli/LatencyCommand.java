package org.supertickets.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.supertickets.latency.LatencyVerdict;
import org.supertickets.latency.PairedTiming;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.InferenceNetwork;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.space.Architecture;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.train.NativeAllocatorTuning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code latency TICKET}: inference latency and weight memory of the compacted ticket (removed channels and
 * branches physically gone) next to the supernet it came from, on the same device and batch. The two are timed
 * in alternating pairs until the speed-up's 95% interval is tight (or a time cap), and the verdict names a cause
 * only where the network changed ({@link LatencyVerdict}).
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Measure inference latency and weight memory of a ticket (physically compacted) against its "
                + "supernet.")
final class LatencyCommand implements Callable<Integer> {

    private static final int WARMUP = 5;

    @Parameters(paramLabel = "TICKET", description = "a ticket folder")
    Path ticketPath;

    @Option(names = "--batch", defaultValue = "64", description = "images per forward pass (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--repeats", defaultValue = "20", description = "timed pairs at least, before the interval is "
            + "checked (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--precision", defaultValue = "0.05", description = "stop once the 95%% interval of the speed-up "
            + "is within ± this share of it (default ${DEFAULT-VALUE})")
    double precision;

    @Option(names = "--max-seconds", defaultValue = "60", description = "time cap for the timed pairs; the interval "
            + "reached by then is reported (default ${DEFAULT-VALUE})")
    double maxSeconds;

    @Option(names = "--sparse", description = "also time the ticket with its sparse 1×1 convs as sparse products "
            + "(BN folded), against the compacted dense ticket and, to tell what the sparse kernels alone buy, "
            + "against the same folded network with dense products")
    boolean sparse;

    @Override
    public Integer call() {
        Ticket ticket;
        try {
            ticket = TicketIo.read(ticketPath);
        } catch (IOException | CorruptFileException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (sparse && ticket.network().architecture().segments()) {
            System.err.println(ticketPath + " is a segmentation ticket; --sparse times the classification head only. "
                    + "Fix: leave out --sparse (the dense timing covers the decoder).");
            return Main.EXIT_BAD_INPUT;
        }
        PairedTiming timing;
        try {
            timing = new PairedTiming(repeats, 100_000, precision, maxSeconds, WARMUP);
        } catch (IllegalArgumentException e) {
            System.err.println("latency: --repeats must be at least 6, --precision and --max-seconds above 0. Fix: "
                    + "leave them out for 20, 0.05 and 60.");
            return Main.EXIT_BAD_INPUT;
        }
        // As in training: without it, glibc hands each pass's multi-megabyte activations back to the kernel and the
        // next pass faults them in again, which cost more than the convolutions on this machine (performance.md).
        NativeAllocatorTuning.applyOnce();
        Architecture supernetArchitecture = Architecture.supernet(ticket.manifest().provenance().config());
        NetworkState supernet = NetworkInitializer.initialize(supernetArchitecture, 0);
        Architecture ticketArchitecture = ticket.network().architecture();
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet superNet = Supernet.load(supernet, root, Device.cpu());
                Supernet ticketNet = Supernet.load(ticket.network(), root, Device.cpu())) {
            float[] input = input(supernetArchitecture);
            System.out.printf(Locale.ROOT, "timing on %s, batch %d: supernet and ticket in alternating pairs until the "
                    + "95%% interval of the speed-up is within ±%.0f%% (at most %.0f s)…%n", Device.cpu(), batch,
                    100 * precision, maxSeconds);
            PairedTiming.Result r = timing.measure(() -> forward(superNet, supernetArchitecture, input),
                    () -> forward(ticketNet, supernetArchitecture, input), System::nanoTime);
            System.out.printf(Locale.ROOT, "%d pairs in %.1f s after %d warm-up passes each (median, p90 ms):%n",
                    r.interval().pairs(), r.seconds(), WARMUP);
            System.out.printf(Locale.ROOT, "  supernet (masked dense): %8.2f  %8.2f ms   %,d MACs  %,d weight bytes%n",
                    percentile(r.referenceMs(), 0.5), percentile(r.referenceMs(), 0.9), supernetArchitecture.macs(),
                    4 * supernetArchitecture.params());
            System.out.printf(Locale.ROOT, "  ticket (compacted):      %8.2f  %8.2f ms   %,d MACs  %,d weight bytes "
                    + "dense, %,d alive%n", percentile(r.candidateMs(), 0.5), percentile(r.candidateMs(), 0.9),
                    ticketArchitecture.macs(), 4 * ticketArchitecture.params(),
                    4 * ticket.manifest().metrics().keptParams());
            LatencyVerdict verdict = new LatencyVerdict(r.interval(), r.tight(), supernetArchitecture.macs(),
                    ticketArchitecture.macs(), supernetArchitecture.params(), ticketArchitecture.params());
            System.out.println("  " + verdict.sentence());
            if (sparse) {
                timeSparse(ticket, ticketNet, supernetArchitecture, input, timing, root);
            }
        }
        return 0;
    }

    /**
     * The compacted ticket with sparse 1×1 products, timed in pairs against the compacted dense ticket (what a user
     * gains), then against the same folded network with dense products (what the sparse kernels alone gain).
     */
    private void timeSparse(Ticket ticket, Supernet denseTicket, Architecture inputShape, float[] input,
            PairedTiming timing, NDManager root) {
        try (InferenceNetwork sparseNet = InferenceNetwork.load(ticket.network(), root, Device.cpu(),
                InferenceNetwork.Kernels.SPARSE_WHERE_IT_PAYS);
                InferenceNetwork foldedDense = InferenceNetwork.load(ticket.network(), root, Device.cpu(),
                        InferenceNetwork.Kernels.DENSE)) {
            System.out.printf(Locale.ROOT, "sparse products for %d of %d 1×1 layers (those at or below %.0f%% "
                    + "density): %s%n", sparseNet.sparseLayers().size(), sparseNet.pointwiseLayers(),
                    100 * InferenceNetwork.SPARSE_AT_OR_BELOW_DENSITY, sparseNet.sparseLayers());
            PairedTiming.Result vsDense = timing.measure(() -> forward(denseTicket, inputShape, input),
                    () -> forward(sparseNet, inputShape, input), System::nanoTime);
            System.out.printf(Locale.ROOT, "  ticket (compacted, sparse): %8.2f  %8.2f ms   speed-up over the "
                    + "compacted ticket %s%n", percentile(vsDense.candidateMs(), 0.5),
                    percentile(vsDense.candidateMs(), 0.9), interval(vsDense));
            PairedTiming.Result kernels = timing.measure(() -> forward(foldedDense, inputShape, input),
                    () -> forward(sparseNet, inputShape, input), System::nanoTime);
            System.out.printf(Locale.ROOT, "  of which the sparse kernels (same folded network, dense 1×1 %.2f ms): "
                    + "%s%n", percentile(kernels.referenceMs(), 0.5), interval(kernels));
        }
    }

    private static String interval(PairedTiming.Result r) {
        return String.format(Locale.ROOT, "%.2f× (95%% interval %.2f–%.2f, %d pairs%s)", r.interval().speedup(),
                r.interval().low(), r.interval().high(), r.interval().pairs(), r.tight() ? ""
                        : "; not tight within --max-seconds");
    }

    private float[] input(Architecture a) {
        float[] input = new float[batch * a.inChannels() * a.inHeight() * a.inWidth()];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextGaussian();
        }
        return input;
    }

    /** One pass, read back to the host so the time includes all of it; its arrays freed with the scope. */
    private void forward(Supernet net, Architecture a, float[] input) {
        try (NDScope scope = new NDScope()) {
            NDArray x = net.manager().create(input, new Shape(batch, a.inChannels(), a.inHeight(), a.inWidth()));
            net.forward(x, BatchNormMode.EVAL).toFloatArray();
        }
    }

    /** One pass of the inference network, as {@link #forward(Supernet, Architecture, float[])}. */
    private void forward(InferenceNetwork net, Architecture a, float[] input) {
        try (NDScope scope = new NDScope()) {
            NDArray x = net.manager().create(input, new Shape(batch, a.inChannels(), a.inHeight(), a.inWidth()));
            net.forward(x).toFloatArray();
        }
    }

    private static double percentile(double[] ms, double p) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }
}
