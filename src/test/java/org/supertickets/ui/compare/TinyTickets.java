package org.supertickets.ui.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.supertickets.TestConfigs;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;

/**
 * Hand-made tickets of the tiny Fashion-MNIST supernet (block 0: 6 → 12 channels, branches k3/k5 of 12 hidden
 * channels; block 1: 12 → 16, branches of 24), shrunk and masked exactly as a test says, so the expected
 * difference between two of them is known.
 */
public final class TinyTickets {

    static final SearchSpaceConfig CONFIG = TestConfigs.tinyFashionMnist();
    static final Architecture SUPERNET = Architecture.supernet(CONFIG);

    private TinyTickets() {
    }

    /**
     * Writes a ticket into {@code folder}.
     *
     * @param keep       channels kept per block and kernel ({@link ChannelSurgery}); blocks not named stay whole
     * @param pruned     layer name → how many of its first mask entries are zeroed
     * @param accuracy   its test accuracy
     * @param sourceRun  the run it claims to come from
     */
    public static Ticket write(Path folder, Map<Integer, Map<Integer, int[]>> keep, Map<String, Integer> pruned,
            double accuracy, String sourceRun) throws IOException {
        NetworkState supernet = NetworkInitializer.initialize(SUPERNET, 99);
        NetworkState network = new ChannelSurgery(supernet, keep).apply(false);
        for (Map.Entry<String, Integer> p : pruned.entrySet()) {
            HostTensor mask = network.tensor(TensorNames.mask(p.getKey()));
            float[] m = mask.data().clone();
            for (int i = 0; i < p.getValue(); i++) {
                m[i] = 0;
            }
            network = network.withTensors(Map.of(TensorNames.mask(p.getKey()), new HostTensor(m, mask.shape())));
        }
        TicketProvenance provenance = new TicketProvenance(CONFIG, "hash", CONFIG.seed(), sourceRun, 100, 4,
                "2026-01-01T00:00:00Z", "test", "cpu", "0", "end");
        Ticket ticket = new Ticket(TicketIo.manifest(network, accuracy, accuracy - 0.01, SUPERNET.macs(),
                SUPERNET.params(), provenance), network);
        TicketIo.write(folder, ticket);
        return ticket;
    }

    public static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
