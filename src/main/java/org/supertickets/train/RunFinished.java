package org.supertickets.train;

/**
 * The run ended.
 *
 * @param step            steps done
 * @param epoch           epochs done
 * @param outcome         how it ended
 * @param message         a readable sentence (the error, for a failed run)
 * @param testAccuracy    the ticket's test accuracy (after BN re-estimation); NaN when not evaluated
 * @param testLoss        its test loss; NaN when not evaluated
 * @param validationAccuracy the ticket's validation accuracy; NaN when not evaluated
 * @param sparsity        the ticket's weight sparsity
 * @param macs            the ticket's dense MACs (shrunk network)
 * @param sparseMacs      official sparse MACs of the ticket
 * @param params          the ticket's dense parameters
 * @param wallSeconds     wall time of this process's part of the run
 * @param trainingMacs    MACs spent on training so far (forward x 3 per image, of the network active then)
 */
public record RunFinished(
        long step,
        double epoch,
        Outcome outcome,
        String message,
        double testAccuracy,
        double testLoss,
        double validationAccuracy,
        double sparsity,
        long macs,
        long sparseMacs,
        long params,
        double wallSeconds,
        double trainingMacs) implements TrainingEvent {

    /** How a run ended. */
    public enum Outcome {
        COMPLETED,
        CANCELLED,
        FAILED
    }
}
