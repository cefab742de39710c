package org.supertickets.ui.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.supertickets.run.TimedEvent;
import org.supertickets.train.TrainingEvent;

/**
 * The events of one watched run on their way to the UI. The producer (the {@link RunFeed}'s reader thread) only
 * appends to a lock-free inbox and never waits; the UI drains it on its own rhythm (~10 Hz) into the
 * {@link RunHistory}, so the UI never slows training down and never repaints per batch.
 *
 * <p>A run folder's story can start over: a resumed run's logs are repaired and read again from their start, and a
 * pipeline moves on to its next stage. The producer says so with {@link #restart}, in order with the events; the
 * drain that meets it starts a fresh history and tells the views to show it from scratch.
 */
public final class RunSession {

    /** What a drain moved into the history. */
    public record Batch(boolean restarted, List<TrainingEvent> events) {

        static final Batch NOTHING = new Batch(false, List.of());
    }

    /** A marker in the inbox: the events after it belong to a new attempt or stage. */
    private record Restart(String stage) {
    }

    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private RunHistory history = new RunHistory();
    private String stage = "";

    /** Offers an event without a wall-clock time, from any thread. */
    public void offer(TrainingEvent event) {
        offer(event, null);
    }

    /**
     * Offers an event from any thread, with the moment its log line was written ({@code time}, null when the line
     * has none): the history keeps it for the Monitor's time axes.
     */
    public void offer(TrainingEvent event, java.time.Instant time) {
        inbox.add(new TimedEvent(event, time));
    }

    /**
     * Any thread: the events offered from now on start the run's story again (a resume re-read from the repaired
     * start of its folder, or a pipeline's next stage, named by {@code stage}; null or empty for a single run).
     */
    public void restart(String stage) {
        inbox.add(new Restart(stage == null ? "" : stage));
    }

    /** UI thread: moves everything waiting into the history and returns it (empty when nothing came). */
    public Batch drain() {
        if (inbox.isEmpty()) {
            return Batch.NOTHING;
        }
        List<TrainingEvent> out = new ArrayList<>();
        boolean restarted = false;
        Object item;
        while ((item = inbox.poll()) != null) {
            if (item instanceof Restart r) {
                history = new RunHistory();
                stage = r.stage();
                out.clear();
                restarted = true;
            } else {
                TimedEvent e = (TimedEvent) item;
                history.add(e.event(), e.time());
                out.add(e.event());
            }
        }
        return new Batch(restarted, out);
    }

    /** UI thread: everything drained since the last restart. */
    public RunHistory history() {
        return history;
    }

    /** UI thread: the pipeline stage the history belongs to ({@code stage 3/4 · level-1}); empty for a single run. */
    public String stage() {
        return stage;
    }
}
