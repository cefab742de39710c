package org.supertickets.ui.monitor;

import java.util.ArrayList;
import java.util.List;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.TrainingEvent;

/**
 * Another run's held-out curves drawn over the shown run's charts (TensorBoard's overlaid runs): its accuracy, loss
 * and sparsity at every evaluation, by epoch. Immutable; {@link #with} adds newly read events.
 *
 * @param name     the run's name (the legend's)
 * @param accuracy (epoch, held-out accuracy) points
 * @param loss     (epoch, held-out loss) points
 * @param sparsity (epoch, weight sparsity) points
 */
public record OverlayCurves(String name, List<double[]> accuracy, List<double[]> loss, List<double[]> sparsity) {

    public OverlayCurves {
        accuracy = List.copyOf(accuracy);
        loss = List.copyOf(loss);
        sparsity = List.copyOf(sparsity);
    }

    /** No point yet. */
    public static OverlayCurves empty(String name) {
        return new OverlayCurves(name, List.of(), List.of(), List.of());
    }

    /** These curves and the evaluations among {@code events}. */
    public OverlayCurves with(List<TrainingEvent> events) {
        List<double[]> acc = new ArrayList<>(accuracy);
        List<double[]> lo = new ArrayList<>(loss);
        List<double[]> sp = new ArrayList<>(sparsity);
        for (TrainingEvent e : events) {
            if (e instanceof EvalMetrics m) {
                acc.add(new double[] {m.epoch(), m.validationAccuracy()});
                lo.add(new double[] {m.epoch(), m.validationLoss()});
                sp.add(new double[] {m.epoch(), m.sparsity()});
            }
        }
        return new OverlayCurves(name, acc, lo, sp);
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
}
