package org.supertickets.ui.monitor;

import java.util.ArrayList;
import java.util.List;
import org.supertickets.run.TimedEvent;
import org.supertickets.train.EvalMetrics;

/**
 * Another run's held-out curves drawn over the shown run's charts (TensorBoard's overlaid runs): its accuracy, loss
 * and sparsity at every evaluation, by epoch, and its own clock, which puts them on the chosen horizontal axis — on
 * the relative one its own start is its zero, as TensorBoard draws runs; on the wall one it stands at its own clock
 * times. Immutable; {@link #with} adds newly read events.
 *
 * @param name     the run's name (the legend's)
 * @param accuracy (epoch, held-out accuracy) points
 * @param loss     (epoch, held-out loss) points
 * @param sparsity (epoch, weight sparsity) points
 * @param clock    the run's (epoch, step, time) moments; a copy is kept, and never changed afterwards
 */
public record OverlayCurves(String name, List<double[]> accuracy, List<double[]> loss, List<double[]> sparsity,
        RunClock clock) {

    public OverlayCurves {
        accuracy = List.copyOf(accuracy);
        loss = List.copyOf(loss);
        sparsity = List.copyOf(sparsity);
        clock = clock.copy();
    }

    /** No point yet. */
    public static OverlayCurves empty(String name) {
        return new OverlayCurves(name, List.of(), List.of(), List.of(), new RunClock());
    }

    /** These curves and the evaluations among {@code events}; every event teaches the clock its moment. */
    public OverlayCurves with(List<TimedEvent> events) {
        List<double[]> acc = new ArrayList<>(accuracy);
        List<double[]> lo = new ArrayList<>(loss);
        List<double[]> sp = new ArrayList<>(sparsity);
        RunClock moments = clock.copy();
        for (TimedEvent t : events) {
            moments.add(t.event().epoch(), t.event().step(), t.time());
            if (t.event() instanceof EvalMetrics m) {
                acc.add(new double[] {m.epoch(), m.validationAccuracy()});
                lo.add(new double[] {m.epoch(), m.validationLoss()});
                sp.add(new double[] {m.epoch(), m.sparsity()});
            }
        }
        return new OverlayCurves(name, acc, lo, sp, moments);
    }

    /** The points of a chart of the Monitor ({@code accuracy}, {@code loss}, {@code sparsity}); empty for others. */
    public List<double[]> pointsFor(String chartId) {
        return switch (chartId) {
            case "accuracy" -> accuracy;
            case "loss" -> loss;
            case "sparsity" -> sparsity;
            default -> List.of();
        };
    }

    /**
     * The points of a chart with their x on {@code axis}, by this run's own clock; a point the axis has no place for
     * is left out (every one on a time axis when this run's log has no times).
     */
    public List<double[]> pointsFor(String chartId, XAxis axis) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : pointsFor(chartId)) {
            double x = clock.toAxis(p[0], axis);
            if (!Double.isNaN(x)) {
                out.add(new double[] {x, p[1]});
            }
        }
        return out;
    }
}
