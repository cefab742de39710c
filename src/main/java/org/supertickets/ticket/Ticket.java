package org.supertickets.ticket;

import org.supertickets.model.NetworkState;

/**
 * A SuperTicket: architecture, masks and weights, with its measures and provenance.
 *
 * @param manifest what {@code ticket.json} says
 * @param network  the tensors (weights masked, BN statistics re-estimated)
 */
public record Ticket(TicketManifest manifest, NetworkState network) {
}
