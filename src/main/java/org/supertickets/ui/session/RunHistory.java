package org.supertickets.ui.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PredictedMasks;
import org.supertickets.train.PredictionCanvases;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;

/**
 * Every event of one run seen so far, sorted by kind. Only the UI thread touches it (events reach it through
 * a {@link RunSession}'s inbox), so it needs no locking.
 */
public final class RunHistory {

    private final List<TrainingEvent> all = new ArrayList<>();
    private final List<StepMetrics> steps = new ArrayList<>();
    private final List<EvalMetrics> evals = new ArrayList<>();
    private final List<PruneEvent> prunes = new ArrayList<>();
    private final List<ShrinkEvent> shrinks = new ArrayList<>();
    private final List<ConnectivitySnapshot> snapshots = new ArrayList<>();
    private final List<PredictedMasks> predictions = new ArrayList<>();
    private PredictionCanvases canvases;
    private RunStarted started;
    private RunFinished finished;
    /**
     * When each event's log line was written, for the events whose line says. By identity: two equal records (a
     * resumed run logs some events again) are two lines with their own times.
     */
    private final Map<TrainingEvent, Instant> times = new IdentityHashMap<>();

    /** Adds an event without a wall-clock time. */
    public void add(TrainingEvent event) {
        add(event, null);
    }

    /** Adds an event with the moment its log line was written; null when the line has none. */
    public void add(TrainingEvent event, Instant time) {
        all.add(event);
        if (time != null) {
            times.put(event, time);
        }
        if (event instanceof StepMetrics s) {
            steps.add(s);
        } else if (event instanceof EvalMetrics e) {
            evals.add(e);
        } else if (event instanceof PruneEvent p) {
            prunes.add(p);
        } else if (event instanceof ShrinkEvent s) {
            shrinks.add(s);
        } else if (event instanceof ConnectivitySnapshot c) {
            snapshots.add(c);
        } else if (event instanceof PredictedMasks p) {
            predictions.add(p);
        } else if (event instanceof PredictionCanvases c) {
            canvases = canvases == null ? c : canvases; // a resumed run offers them again: the first ones stay
        } else if (event instanceof RunStarted r) {
            started = r;
            finished = null; // a resumed run starts again
        } else if (event instanceof RunFinished f) {
            finished = f;
        }
    }

    /** When the log line of {@code event} (one of {@link #all()}) was written; null when it does not say. */
    public Instant timeOf(TrainingEvent event) {
        return times.get(event);
    }

    public List<TrainingEvent> all() {
        return Collections.unmodifiableList(all);
    }

    public List<StepMetrics> steps() {
        return Collections.unmodifiableList(steps);
    }

    public List<EvalMetrics> evals() {
        return Collections.unmodifiableList(evals);
    }

    public List<PruneEvent> prunes() {
        return Collections.unmodifiableList(prunes);
    }

    public List<ShrinkEvent> shrinks() {
        return Collections.unmodifiableList(shrinks);
    }

    public List<ConnectivitySnapshot> snapshots() {
        return Collections.unmodifiableList(snapshots);
    }

    /** The predicted masks of a segmentation run, in the order recorded (by step; a ticket's last). */
    public List<PredictedMasks> predictions() {
        return Collections.unmodifiableList(predictions);
    }

    /**
     * The prediction shown at {@code step}: the last one recorded at or before it (at the last step, the ticket's
     * rather than the evaluation's); null when none is that early.
     */
    public PredictedMasks predictionAt(long step) {
        return lastAtOrBefore(predictions, step);
    }

    /** The evaluation shown at {@code step}: the last one at or before it; null when none is that early. */
    public EvalMetrics evalAt(long step) {
        return lastAtOrBefore(evals, step);
    }

    private static <E extends TrainingEvent> E lastAtOrBefore(List<E> events, long step) {
        E shown = null;
        for (E e : events) {
            if (e.step() > step) {
                break;
            }
            shown = e;
        }
        return shown;
    }

    /** The canvases the predictions are of; null before a segmentation run recorded them. */
    public PredictionCanvases predictionCanvases() {
        return canvases;
    }

    /** The latest start (or resume); null before the run reported one. */
    public RunStarted started() {
        return started;
    }

    /** Null while the run is going. */
    public RunFinished finished() {
        return finished;
    }

    /** Steps done according to the latest event. */
    public long lastStep() {
        return all.isEmpty() ? 0 : all.get(all.size() - 1).step();
    }
}
