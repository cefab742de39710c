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
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.space.Architecture;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code latency TICKET}: inference latency and weight memory of the compacted ticket (removed channels and
 * branches physically gone) next to the supernet it came from, on the same device and batch.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Measure inference latency and weight memory of a ticket (physically compacted) against its "
                + "supernet.")
final class LatencyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TICKET", description = "a ticket folder")
    Path ticketPath;

    @Option(names = "--batch", defaultValue = "64", description = "images per forward pass (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--repeats", defaultValue = "50", description = "timed passes (default ${DEFAULT-VALUE})")
    int repeats;

    @Override
    public Integer call() {
        Ticket ticket;
        try {
            ticket = TicketIo.read(ticketPath);
        } catch (IOException | CorruptFileException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        Architecture supernetArchitecture = Architecture.supernet(ticket.manifest().provenance().config());
        NetworkState supernet = NetworkInitializer.initialize(supernetArchitecture, 0);
        try (NDManager root = NDManager.newBaseManager(Device.cpu())) {
            double[] superMs = time(supernet, root);
            double[] ticketMs = time(ticket.network(), root);
            System.out.printf(Locale.ROOT, "inference on %s, batch %d, %d passes after 5 warm-up (median, p90 ms):%n",
                    Device.cpu(), batch, repeats);
            System.out.printf(Locale.ROOT, "  supernet (masked dense): %8.2f  %8.2f ms   %,d MACs  %,d weight bytes%n",
                    superMs[0], superMs[1], supernetArchitecture.macs(), 4 * supernetArchitecture.params());
            System.out.printf(Locale.ROOT, "  ticket (compacted):      %8.2f  %8.2f ms   %,d MACs  %,d weight bytes "
                    + "dense, %,d alive%n", ticketMs[0], ticketMs[1], ticket.manifest().metrics().macs(),
                    4 * ticket.manifest().metrics().params(), 4 * ticket.manifest().metrics().keptParams());
            System.out.printf(Locale.ROOT, "  speed-up %.2fx (unstructured sparsity is not exploited by dense kernels;"
                    + " the gain is from removed channels and branches)%n", superMs[0] / ticketMs[0]);
        }
        return 0;
    }

    private double[] time(NetworkState state, NDManager root) {
        Architecture a = state.architecture();
        float[] input = new float[batch * a.inChannels() * a.inHeight() * a.inWidth()];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextGaussian();
        }
        double[] ms = new double[repeats];
        try (Supernet net = Supernet.load(state, root, Device.cpu())) {
            for (int i = -5; i < repeats; i++) {
                try (NDScope scope = new NDScope()) {
                    long t0 = System.nanoTime();
                    NDArray x = net.manager().create(input, new Shape(batch, a.inChannels(), a.inHeight(),
                            a.inWidth()));
                    net.forward(x, BatchNormMode.EVAL).toFloatArray();
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[(int) (ms.length * 0.9)]};
    }
}
