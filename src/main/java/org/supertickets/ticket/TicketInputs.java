package org.supertickets.ticket;

import org.supertickets.data.DatasetException;
import org.supertickets.data.DatasetLoader;
import org.supertickets.data.PreparedData;
import org.supertickets.space.SearchSpaceConfig;

/** The input description of any ticket, also of a version-1 ticket that did not record it. */
public final class TicketInputs {

    private TicketInputs() {
    }

    /**
     * The ticket's recorded input, or — for a ticket without one (format version 1) — the same description
     * recomputed from its config: the normalisation statistics are a pure function of the data config and the
     * seed, so loading the dataset again gives exactly what the run applied.
     *
     * @throws DatasetException when the ticket recorded none and its dataset cannot be loaded here
     * @throws IllegalArgumentException when the ticket has neither an input nor a config
     */
    public static TicketInput of(Ticket ticket) throws DatasetException {
        TicketManifest m = ticket.manifest();
        if (m.input() != null) {
            return m.input();
        }
        if (m.provenance() == null || m.provenance().config() == null) {
            throw new IllegalArgumentException("the ticket records neither its input preprocessing nor the config "
                    + "of the run that made it (provenance.config in ticket.json), so its normalisation is unknown");
        }
        SearchSpaceConfig config = m.provenance().config();
        PreparedData data = DatasetLoader.load(config.data(), config.seed());
        return TicketInput.of(config.data(), data.normalization(), data.test().size());
    }
}
