package org.supertickets.run;

import java.time.Instant;
import java.util.Objects;
import org.supertickets.train.TrainingEvent;

/**
 * A training event as a run folder's log holds it: the event and the wall-clock moment its line was written. The
 * moment stays beside the event rather than in it, since the events' records are the JSON of tickets and reports.
 *
 * @param event the event
 * @param time  when its line was written; null for a line without one (snapshots and predictions are written
 *              without, and so were metrics in folders older than the field)
 */
public record TimedEvent(TrainingEvent event, Instant time) {

    public TimedEvent {
        Objects.requireNonNull(event, "event");
    }
}
