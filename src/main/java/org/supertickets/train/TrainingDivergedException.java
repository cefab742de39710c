package org.supertickets.train;

/** The loss or the gradients stopped being finite: the run stops and keeps its last checkpoint. */
final class TrainingDivergedException extends Exception {

    TrainingDivergedException(String message) {
        super(message);
    }
}
