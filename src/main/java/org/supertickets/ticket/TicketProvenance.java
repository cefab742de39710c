package org.supertickets.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.Machine;

/**
 * Where a ticket came from.
 *
 * @param config      the resolved config of the run
 * @param configHash  its hash
 * @param seed        the run's seed
 * @param sourceRun   the run folder's name
 * @param steps       training steps done
 * @param epochs      epochs done
 * @param createdAt   ISO-8601 time of extraction
 * @param engine      engine, version and flavor
 * @param device      device the run used
 * @param workbench   workbench version
 * @param extractedAt what "ticket" means here: the network right after the last pruning event
 * @param machine     where the run trained (host, CPU model, cores, threads, git commit); null in tickets written
 *                    before it was recorded
 */
public record TicketProvenance(
        SearchSpaceConfig config,
        String configHash,
        long seed,
        String sourceRun,
        long steps,
        double epochs,
        String createdAt,
        String engine,
        String device,
        String workbench,
        String extractedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Machine machine) {

    /** Provenance without the machine (tickets written before it was recorded, and hand-made ones in tests). */
    public TicketProvenance(SearchSpaceConfig config, String configHash, long seed, String sourceRun, long steps,
            double epochs, String createdAt, String engine, String device, String workbench, String extractedAt) {
        this(config, configHash, seed, sourceRun, steps, epochs, createdAt, engine, device, workbench, extractedAt,
                null);
    }

    /** The same provenance with another config (its hash unchanged: it names the run that made the ticket). */
    public TicketProvenance withConfig(SearchSpaceConfig other) {
        return new TicketProvenance(other, configHash, seed, sourceRun, steps, epochs, createdAt, engine, device,
                workbench, extractedAt, machine);
    }
}
