package org.supertickets.ui.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.supertickets.train.TrainingEvent;
import org.supertickets.train.TrainingListener;

/**
 * The events of one watched run on their way to the UI. Producers (the training thread, or a folder poller)
 * only append to a lock-free inbox and never wait; the UI drains it on its own rhythm (~10 Hz) into the
 * {@link RunHistory}, so the UI never slows training down and never repaints per batch.
 */
public final class RunSession {

    private final ConcurrentLinkedQueue<TrainingEvent> inbox = new ConcurrentLinkedQueue<>();
    private final RunHistory history = new RunHistory();

    /** Offers events from any thread. */
    public void offer(TrainingEvent event) {
        inbox.add(event);
    }

    /** A listener for the trainer: it only enqueues. */
    public TrainingListener listener() {
        return this::offer;
    }

    /** UI thread: moves everything waiting into the history and returns it (empty when nothing came). */
    public List<TrainingEvent> drain() {
        List<TrainingEvent> out = new ArrayList<>();
        TrainingEvent e;
        while ((e = inbox.poll()) != null) {
            history.add(e);
            out.add(e);
        }
        return out;
    }

    public RunHistory history() {
        return history;
    }
}
