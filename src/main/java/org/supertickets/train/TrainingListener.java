package org.supertickets.train;

import org.supertickets.model.NetworkState;

/** Receives what the trainer reports, on the training thread: keep the work short or hand it off. */
public interface TrainingListener {

    void onEvent(TrainingEvent event);

    /** The extracted ticket: the network right after the last pruning event, with its final measures. */
    default void onTicket(NetworkState ticket, RunFinished summary) {
    }

    /**
     * A copy of the network, offered when the run is about to wait at a pause and once it completed, for
     * what-if experiments that must never touch the run.
     */
    default void onInspectable(InspectableNetwork network) {
    }

    /** Fans events out to several listeners, in order. */
    static TrainingListener all(TrainingListener... listeners) {
        return new TrainingListener() {
            @Override
            public void onEvent(TrainingEvent event) {
                for (TrainingListener l : listeners) {
                    l.onEvent(event);
                }
            }

            @Override
            public void onTicket(NetworkState ticket, RunFinished summary) {
                for (TrainingListener l : listeners) {
                    l.onTicket(ticket, summary);
                }
            }

            @Override
            public void onInspectable(InspectableNetwork network) {
                for (TrainingListener l : listeners) {
                    l.onInspectable(network);
                }
            }
        };
    }
}
