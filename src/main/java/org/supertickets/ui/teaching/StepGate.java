package org.supertickets.ui.teaching;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.supertickets.model.NetworkState;
import org.supertickets.train.InspectableNetwork;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunFinished;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingEvent;
import org.supertickets.train.TrainingListener;

/**
 * Step mode on the training thread: passes every event on, explains architecture steps and pruning events, and —
 * while step mode is on — pauses the run right there. The trainer calls its listeners between steps and checks
 * the control before the next one, so the run stops exactly at the event: no step trains after it until someone
 * resumes.
 */
public final class StepGate implements TrainingListener {

    /**
     * An explained event on its way to the UI.
     *
     * @param explanation what the event did
     * @param paused      true when the gate paused the run at it
     */
    public record Passed(Explanation explanation, boolean paused) {
    }

    private final TrainingListener downstream;
    private final TrainingControl control;
    private final EventExplainer explainer;
    private final BooleanSupplier stepping;
    private final Consumer<Passed> sink;
    private final Consumer<InspectableNetwork> inspections;

    /**
     * @param downstream receives every event first (the run's session)
     * @param control    the run's control, paused at each event while {@code stepping} says so
     * @param explainer  the explainer of this run's events
     * @param stepping   read at each event: is step mode on?
     * @param sink       receives each explanation, on the training thread (keep it short: a queue)
     */
    public StepGate(TrainingListener downstream, TrainingControl control, EventExplainer explainer,
            BooleanSupplier stepping, Consumer<Passed> sink) {
        this(downstream, control, explainer, stepping, sink, n -> { });
    }

    /**
     * @param inspections receives the copies of the network the trainer offers while paused and once finished,
     *                    on the training thread (keep it short: a queue)
     */
    public StepGate(TrainingListener downstream, TrainingControl control, EventExplainer explainer,
            BooleanSupplier stepping, Consumer<Passed> sink, Consumer<InspectableNetwork> inspections) {
        this.inspections = Objects.requireNonNull(inspections);
        this.downstream = Objects.requireNonNull(downstream);
        this.control = Objects.requireNonNull(control);
        this.explainer = Objects.requireNonNull(explainer);
        this.stepping = Objects.requireNonNull(stepping);
        this.sink = Objects.requireNonNull(sink);
    }

    @Override
    public void onEvent(TrainingEvent event) {
        downstream.onEvent(event);
        Explanation explanation = explainer.accept(event);
        if (explanation == null) {
            return;
        }
        boolean pause = stepping.getAsBoolean() && (event instanceof ShrinkEvent || event instanceof PruneEvent);
        if (pause) {
            control.pause();
        }
        sink.accept(new Passed(explanation, pause));
    }

    @Override
    public void onInspectable(InspectableNetwork network) {
        downstream.onInspectable(network);
        inspections.accept(network);
    }

    @Override
    public void onTicket(NetworkState ticket, RunFinished summary) {
        downstream.onTicket(ticket, summary);
    }
}
