package org.supertickets.ticket;

import java.util.List;
import org.supertickets.space.Architecture;

/**
 * The readable half of a ticket ({@code ticket.json}); the tensors are in {@code weights.safetensors}.
 *
 * @param format       format name and version
 * @param architecture the shrunk architecture
 * @param layers       per-layer table
 * @param metrics      measured accuracy and cost
 * @param provenance   where it came from
 */
public record TicketManifest(
        String format,
        Architecture architecture,
        List<TicketLayer> layers,
        TicketMetrics metrics,
        TicketProvenance provenance) {

    public static final String FORMAT = "supertickets-ticket/1";
}
