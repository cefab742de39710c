package org.supertickets.ticket;

import java.util.List;
import org.supertickets.space.Architecture;

/**
 * The readable half of a ticket ({@code ticket.json}); the tensors are in {@code weights.safetensors}.
 * Version 2 added what a reader outside the workbench needs: the input preprocessing, the BN epsilon and the
 * forward pass as a list of operations. A version-1 manifest reads with {@code input} null (its statistics are
 * recomputed from the config when needed, see {@link TicketInputs}); epsilon and graph follow from the
 * architecture and are filled in on reading.
 *
 * @param format       format name and version
 * @param architecture the shrunk architecture
 * @param layers       per-layer table
 * @param metrics      measured accuracy and cost
 * @param provenance   where it came from
 * @param input        how an image becomes the input (null in version 1, and for networks made outside a run)
 * @param bnEpsilon    the epsilon of every batch normalisation
 * @param graph        the forward pass, in execution order ({@link TicketGraph})
 */
public record TicketManifest(
        String format,
        Architecture architecture,
        List<TicketLayer> layers,
        TicketMetrics metrics,
        TicketProvenance provenance,
        TicketInput input,
        Double bnEpsilon,
        List<TicketGraphNode> graph) {

    public static final String FORMAT = "supertickets-ticket/2";
    /** The first version: no input, epsilon or graph. Still read. */
    public static final String FORMAT_V1 = "supertickets-ticket/1";
}
