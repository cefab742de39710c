package org.supertickets.latency;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.prune.GlobalMagnitudePruner;
import org.supertickets.prune.PruneResult;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.model.TensorNames;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;

/**
 * A ticket for latency measurements without a training run: a config's supernet, initialised with its seed, each
 * prunable layer pruned by magnitude to the given sparsity (all channels kept, accuracy not measured). It has the
 * shapes and the sparsity of a real ticket, which is all the timing sees. Layer by layer, not globally: the
 * initialisation's scales differ by layer (fan-in, fan-out), so a global threshold on fresh weights would empty
 * the expand convs and keep most of the depthwise ones — a trained network does not look like that.
 *
 * <p>{@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.supertickets.latency.MagnitudePrunedTicket
 * CONFIG SPARSITY FOLDER}
 */
public final class MagnitudePrunedTicket {

    private MagnitudePrunedTicket() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: MagnitudePrunedTicket CONFIG SPARSITY FOLDER");
            System.exit(2);
        }
        SearchSpaceConfig config = ConfigIo.loadResolved(Path.of(args[0]));
        Ticket ticket = write(config, Double.parseDouble(args[1]), Path.of(args[2]));
        System.out.printf("wrote %s: sparsity %.3f%n", args[2], ticket.manifest().metrics().sparsity());
    }

    /** Writes the pruned supernet of {@code config} as a ticket into {@code folder}. */
    public static Ticket write(SearchSpaceConfig config, double sparsity, Path folder) throws Exception {
        Architecture supernet = Architecture.supernet(config);
        NetworkState state = NetworkInitializer.initialize(supernet, config.seed());
        Map<String, HostTensor> newMasks = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : state.tensors().entrySet()) {
            if (e.getKey().endsWith(TensorNames.MASK)) {
                String layer = e.getKey().substring(0, e.getKey().length() - TensorNames.MASK.length());
                PruneResult pruned = GlobalMagnitudePruner.prune(Map.of(layer,
                        state.tensor(TensorNames.weight(layer))), Map.of(layer, e.getValue()), sparsity, true);
                newMasks.put(e.getKey(), pruned.masks().get(layer));
            }
        }
        NetworkState network = state.withTensors(newMasks);
        TicketProvenance provenance = new TicketProvenance(config, ConfigIo.hash(config), config.seed(),
                "magnitude-pruned-initialisation", 0, 0, "1970-01-01T00:00:00Z", "harness", "cpu", "0", "end");
        Ticket ticket = new Ticket(TicketIo.manifest(network, Double.NaN, Double.NaN, supernet.macs(),
                supernet.params(), provenance), network);
        TicketIo.write(folder, ticket);
        return ticket;
    }
}
