package org.supertickets.ui.teaching;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.supertickets.train.InspectableNetwork;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingListener;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunsViewModel;

/**
 * Step mode for teaching: while it is on, every run this window starts pauses at each architecture step and each
 * pruning event, and the explanation panel says what that event did. <em>Next</em> shows the next event that
 * stopped at the same step, or lets the run train on to the next one; <em>Run on</em> turns step mode off and
 * resumes. With step mode off the panel still shows the latest event's explanation, or, while the time cursor is
 * scrubbed back, the event at the cursor ({@link #showAtCursor}).
 */
public final class StepModeViewModel implements RunsViewModel.RunObserver {

    private record Stop(RunEntry entry, TrainingControl control, StepGate.Passed passed) {
    }

    private final RunsViewModel runs;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting");
    private final ReadOnlyObjectWrapper<Explanation> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    /** Written by the training thread, drained by {@link #pump()}. */
    private final ConcurrentLinkedQueue<Stop> inbox = new ConcurrentLinkedQueue<>();
    private final Deque<Stop> pauses = new ArrayDeque<>();
    private volatile boolean stepping;
    private volatile BiConsumer<RunEntry, InspectableNetwork> inspections = (e, n) -> { };
    private Stop pausedAt;
    /** The latest event's explanation, shown while the cursor follows the run. */
    private Explanation latest;
    /** The event at the scrubbed time cursor; null while the cursor follows the run. */
    private Explanation atCursor;

    public StepModeViewModel(RunsViewModel runs) {
        this.runs = Objects.requireNonNull(runs);
        enabled.addListener((o, was, on) -> {
            stepping = on;
            if (!on) {
                release();
            }
        });
    }

    /** Step mode: pause at every architecture step and pruning event of runs started from now on. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** True while a run waits at an event for {@link #next()}. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /**
     * The explanation on screen: the event the run waits at (Next refers to it), else the one at the scrubbed time
     * cursor, else the latest one.
     */
    public ReadOnlyObjectProperty<Explanation> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    @Override
    public TrainingListener listenerFor(RunEntry entry, TrainingControl control) {
        // Nothing downstream: the run's events reach the charts from its folder.
        return new StepGate(event -> { }, control, new EventExplainer(entry.config()), () -> stepping,
                passed -> inbox.add(new Stop(entry, control, passed)), n -> inspections.accept(entry, n));
    }

    /** Where the copies of a paused or finished run's network go (called on the training thread). */
    public void setInspectionSink(BiConsumer<RunEntry, InspectableNetwork> sink) {
        inspections = Objects.requireNonNull(sink);
    }

    /** UI thread, with the workbench's pump: takes the new explanations, and shows the first pause. */
    public void pump() {
        Stop stop;
        while ((stop = inbox.poll()) != null) {
            if (stop.passed().paused()) {
                pauses.add(stop);
            } else {
                latest = stop.passed().explanation();
            }
        }
        if (!waiting.get() && !showNextPause()) {
            showUnpaused();
        }
    }

    /**
     * The time cursor was scrubbed: show {@code explanation} (the event at the cursor) instead of the latest one;
     * null when the cursor follows the run again.
     */
    public void showAtCursor(Explanation explanation) {
        atCursor = explanation;
        if (!waiting.get()) {
            showUnpaused();
        }
    }

    private void showUnpaused() {
        shown.set(atCursor != null ? atCursor : latest);
    }

    /** Shows the next event that stopped at the same step, or lets the run train on to its next event. */
    public void next() {
        if (!waiting.get()) {
            return;
        }
        waiting.set(false);
        Stop current = pausedAt;
        if (!showNextPause()) {
            showUnpaused();
            resume(current);
        }
    }

    /** Turns step mode off and lets the run train on. */
    public void runOn() {
        enabled.set(false);
        release();
    }

    private void release() {
        Stop last = pausedAt;
        while (!pauses.isEmpty()) {
            last = pauses.poll();
        }
        waiting.set(false);
        resume(last);
    }

    private void resume(Stop stop) {
        pausedAt = null;
        if (stop != null) {
            // The control itself: a run paused before the Runs list attached its handle is resumed all the same.
            stop.control().resume();
            runs.resume(stop.entry());
        }
    }

    private boolean showNextPause() {
        Stop stop = pauses.poll();
        if (stop == null) {
            return false;
        }
        pausedAt = stop;
        latest = stop.passed().explanation();
        shown.set(latest);
        waiting.set(true);
        // The gate paused the control already; this marks the row as paused the same way the Pause button does.
        runs.pause(stop.entry());
        return true;
    }
}
