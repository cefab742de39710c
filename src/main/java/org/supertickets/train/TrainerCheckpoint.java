package org.supertickets.train;

import java.util.Map;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;

/**
 * Everything needed to continue a run exactly where it stopped. Data order and augmentation are pure
 * functions of (seed, epoch, position), so no random-generator state is needed.
 *
 * @param step          steps done
 * @param pruneEvents   pruning events done
 * @param network       architecture, weights, BN, masks
 * @param momentum      the optimiser's first state slot by tensor name (SGD velocity, RMSProp momentum, AdamW m)
 * @param windowLoss    sum of losses since the last step report
 * @param windowCorrect correct predictions since the last step report
 * @param windowImages  images since the last step report
 * @param trainingMacs  training compute spent so far
 * @param configHash    hash of the resolved config the run was started with
 * @param previousEventMasks masks right after the last pruning event, by mask tensor name (for the counts)
 * @param secondMoments the optimiser's second state slot by tensor name (RMSProp and AdamW; empty for SGD)
 * @param optimizerUpdates steps the optimiser has taken (AdamW's bias correction)
 * @param weightAverage the moving average of the weights by tensor name (empty when off)
 * @param wallSeconds   wall time the run has spent up to this checkpoint, every earlier segment of a stopped and
 *                      resumed run included (0 in checkpoints written before it was recorded)
 */
public record TrainerCheckpoint(
        long step,
        int pruneEvents,
        NetworkState network,
        Map<String, HostTensor> momentum,
        double windowLoss,
        long windowCorrect,
        long windowImages,
        double trainingMacs,
        String configHash,
        Map<String, HostTensor> previousEventMasks,
        Map<String, HostTensor> secondMoments,
        long optimizerUpdates,
        Map<String, HostTensor> weightAverage,
        double wallSeconds) {

    /** A checkpoint written before it recorded the run's wall time (read as 0 s before it). */
    public TrainerCheckpoint(long step, int pruneEvents, NetworkState network, Map<String, HostTensor> momentum,
            double windowLoss, long windowCorrect, long windowImages, double trainingMacs, String configHash,
            Map<String, HostTensor> previousEventMasks, Map<String, HostTensor> secondMoments, long optimizerUpdates,
            Map<String, HostTensor> weightAverage) {
        this(step, pruneEvents, network, momentum, windowLoss, windowCorrect, windowImages, trainingMacs, configHash,
                previousEventMasks, secondMoments, optimizerUpdates, weightAverage, 0);
    }

    /** A checkpoint of an SGD run without a moving average (the state every checkpoint had before them). */
    public TrainerCheckpoint(long step, int pruneEvents, NetworkState network, Map<String, HostTensor> momentum,
            double windowLoss, long windowCorrect, long windowImages, double trainingMacs, String configHash,
            Map<String, HostTensor> previousEventMasks) {
        this(step, pruneEvents, network, momentum, windowLoss, windowCorrect, windowImages, trainingMacs, configHash,
                previousEventMasks, Map.of(), 0, Map.of());
    }

    /** The optimiser's state. */
    public OptimizerState optimizerState() {
        return new OptimizerState(momentum, secondMoments, optimizerUpdates);
    }
}
