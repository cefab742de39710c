package org.supertickets.train;

/**
 * Something the trainer reports. Events are immutable; listeners may keep them, and the run folder writes
 * each one as a JSON line (its {@link #type()} names the record).
 */
public sealed interface TrainingEvent permits RunStarted, StepMetrics, EvalMetrics, ShrinkEvent, PruneEvent,
        ConnectivitySnapshot, PredictionCanvases, PredictedMasks, RunFinished {

    /** Optimiser steps done when the event happened. */
    long step();

    /** Epochs done when the event happened (fractional). */
    double epoch();

    /** The name of the event in logs. */
    default String type() {
        if (this instanceof RunStarted) {
            return "run_started";
        } else if (this instanceof StepMetrics) {
            return "step";
        } else if (this instanceof EvalMetrics) {
            return "eval";
        } else if (this instanceof ShrinkEvent) {
            return "shrink";
        } else if (this instanceof PruneEvent) {
            return "prune";
        } else if (this instanceof ConnectivitySnapshot) {
            return "snapshot";
        } else if (this instanceof PredictionCanvases) {
            return "prediction_canvases";
        } else if (this instanceof PredictedMasks) {
            return "predicted_masks";
        }
        return "run_finished";
    }
}
