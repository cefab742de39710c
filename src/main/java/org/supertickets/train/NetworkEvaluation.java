package org.supertickets.train;

import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.prune.NetworkMeasures;
import org.supertickets.prune.SparsitySchedule;
import org.supertickets.space.SearchSpaceConfig;

/**
 * Evaluates the network being trained — the moving average's copy when there is one — with BN re-estimated first:
 * on the held-out set at every evaluation interval (reported with the network's measures and the planned
 * sparsity), and on both held-out sets for the ticket at the end. A segmentation run's test canvases are predicted
 * each time as well.
 */
final class NetworkEvaluation {

    /** The ticket's evaluation: its accuracies, its predicted canvases (null for classification) and its state. */
    record Ticket(Evaluator.Result validation, Evaluator.Result test, PredictedMasks predicted,
            NetworkState withStatistics) {
    }

    private final TrainingData data;
    private final Evaluator evaluator;
    /** The set of the per-interval curves: the test set when no validation split is held out (official). */
    private final Evaluator.Split heldOut;
    private final boolean pruningEnabled;
    private final SparsitySchedule sparsity;
    private final TrainingListener listener;
    /** The test canvases predicted at every evaluation of a segmentation run; null for classification. */
    private PredictionPreview preview;

    NetworkEvaluation(SearchSpaceConfig config, TrainingData data, int batchSize, SparsitySchedule sparsity,
            TrainingListener listener) {
        this.data = data;
        this.evaluator = new Evaluator(data, batchSize, config.training().evalBatchSize(),
                config.search().bnRecalibrationBatches());
        this.heldOut = data.validationSize() == 0 ? Evaluator.Split.TEST : Evaluator.Split.VALIDATION;
        this.pruningEnabled = config.pruning().enabled();
        this.sparsity = sparsity;
        this.listener = listener;
    }

    /**
     * Records a segmentation run's test canvases, once per run segment: also when resumed, since the folder writer
     * keeps the first record, and a folder written before predictions were recorded gets its canvases now.
     */
    void recordCanvases(long step, double epoch) {
        preview = PredictionPreview.of(data);
        if (preview != null) {
            listener.onEvent(preview.canvases(step, epoch));
        }
    }

    /** The evaluation of an interval: {@link EvalMetrics} and, for segmentation, the predicted canvases. */
    void report(TrainedNetwork network, long done, double epoch) {
        Evaluator.Result val;
        PredictedMasks predicted = null;
        try (Supernet evaluated = network.evaluatedCopy()) {
            Supernet target = evaluated == null ? network.net() : evaluated;
            evaluator.recalibrate(target);
            val = evaluator.evaluate(target, heldOut);
            if (preview != null) {
                predicted = preview.predict(target, done, epoch, PredictedMasks.EVALUATION);
            }
        }
        NetworkMeasures measures = network.measures();
        listener.onEvent(new EvalMetrics(done, epoch, val.loss(), val.accuracy(), measures.sparsity(),
                plannedSparsity(epoch, measures), measures.macs(), measures.sparseMacs(),
                measures.exactSparseMacs(), measures.params(), measures.keptParams(), measures.hiddenChannels(),
                measures.liveBranches(), measures.liveBlocks(),
                heldOut == Evaluator.Split.TEST ? EvalMetrics.TEST : EvalMetrics.VALIDATION, val.segmentation(),
                val.confusion(), val.mostConfused()));
        if (predicted != null) {
            listener.onEvent(predicted);
        }
    }

    /** The schedule's sparsity now; with pruning off (a frozen ticket) the plan is to keep the masks as they are. */
    private double plannedSparsity(double epoch, NetworkMeasures measures) {
        return pruningEnabled ? sparsity.plannedAt(epoch) : measures.sparsity();
    }

    /** The ticket at the end of the run, evaluated on the validation and the test set. */
    Ticket ticket(TrainedNetwork network, long step, double epoch) {
        try (Supernet evaluated = network.evaluatedCopy()) {
            // With a moving average the ticket is the averaged copy: the network the reported accuracy belongs to.
            Supernet ticket = evaluated == null ? network.net() : evaluated;
            evaluator.recalibrate(ticket);
            Evaluator.Result val = evaluator.evaluate(ticket, Evaluator.Split.VALIDATION);
            Evaluator.Result test = evaluator.evaluate(ticket, Evaluator.Split.TEST);
            PredictedMasks predicted = preview == null ? null
                    : preview.predict(ticket, step, epoch, PredictedMasks.TICKET);
            return new Ticket(val, test, predicted, ticket.toHost());
        }
    }
}
