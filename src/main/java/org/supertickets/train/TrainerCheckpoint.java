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
 * @param momentum      optimiser buffers by tensor name
 * @param windowLoss    sum of losses since the last step report
 * @param windowCorrect correct predictions since the last step report
 * @param windowImages  images since the last step report
 * @param trainingMacs  training compute spent so far
 * @param configHash    hash of the resolved config the run was started with
 * @param previousEventMasks masks right after the last pruning event, by mask tensor name (for the counts)
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
        Map<String, HostTensor> previousEventMasks) {
}
