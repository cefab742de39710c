package org.supertickets.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.GlobalMagnitudePruner;
import org.supertickets.prune.NetworkMeasures;
import org.supertickets.prune.PruneResult;
import org.supertickets.prune.SparsitySchedule;
import org.supertickets.space.LayerShape;
import org.supertickets.space.PruningConfig;

/**
 * The weight step, a pruning event (after the architecture step): one global threshold over all prunable weights
 * of the remaining network, at the sparsity the schedule sets for this event, the masks redrawn from the raw
 * weights (or from the criterion's scores) so pruned weights can come back. Reported as a {@link PruneEvent} and a
 * snapshot; counts its events, which a checkpoint keeps.
 */
final class WeightStep {

    private final PruningConfig pruning;
    private final SparsitySchedule sparsity;
    private final WeightScorer scorer;
    private final TrainingListener listener;
    private int events;

    WeightStep(PruningConfig pruning, SparsitySchedule sparsity, WeightScorer scorer, TrainingListener listener) {
        this.pruning = pruning;
        this.sparsity = sparsity;
        this.scorer = scorer;
        this.listener = listener;
    }

    /** Pruning events so far. */
    int events() {
        return events;
    }

    /** Continues the count a checkpoint kept. */
    void restore(int events) {
        this.events = events;
    }

    /** @param last whether this is the run's last step: the masks are then never reset after the event */
    void run(TrainedNetwork network, long done, double epoch, boolean last) {
        events++;
        double ratio = sparsity.ratioAtEvent(events, epoch);
        Supernet net = network.net();
        NetworkState before = net.toHost();
        Map<String, HostTensor> previousEventMasks = network.previousEventMasks();
        Map<String, HostTensor> weights = new LinkedHashMap<>();
        Map<String, HostTensor> masks = new LinkedHashMap<>();
        Map<String, HostTensor> reference = new LinkedHashMap<>();
        for (LayerShape layer : before.architecture().layers()) {
            if (layer.prunable()) {
                String maskName = TensorNames.mask(layer.name());
                weights.put(layer.name(), before.tensor(TensorNames.weight(layer.name())));
                masks.put(layer.name(), before.tensor(maskName));
                reference.put(layer.name(), previousEventMasks.getOrDefault(maskName, masks.get(layer.name())));
            }
        }
        if (!"magnitude".equals(pruning.criterion())) {
            // The pruner ranks by |value|: non-negative scores rank as they are.
            weights = scorer.scores(before, List.copyOf(weights.keySet()), events, network.parentManager(),
                    network.device());
        }
        PruneResult result = GlobalMagnitudePruner.prune(weights, masks, reference, ratio, pruning.rerank(),
                pruning.minLayerDensity());
        Map<String, HostTensor> eventMasks = new LinkedHashMap<>();
        result.masks().forEach((layer, mask) -> eventMasks.put(TensorNames.mask(layer), mask));
        network.setPreviousEventMasks(eventMasks);
        eventMasks.forEach(net::set);
        NetworkState pruned = before.withTensors(eventMasks);
        boolean resetAfter = pruning.resetMaskAfterPrune() && !last;
        listener.onEvent(new PruneEvent(done, epoch, events, ratio, result.sparsity(),
                result.threshold(), result.reactivated(), result.newlyPruned(), resetAfter, result.perLayer(),
                result.resetKept(), result.resetPrunedAgain()));
        listener.onEvent(SnapshotBuilder.build(pruned, done, epoch, "prune", true));
        if (resetAfter) {
            Map<String, HostTensor> ones = new LinkedHashMap<>();
            eventMasks.forEach((name, mask) -> ones.put(name, HostTensor.filled(mask.shape(), 1f)));
            ones.forEach(net::set);
            network.setMeasures(NetworkMeasures.of(pruned.withTensors(ones)));
        } else {
            network.setMeasures(NetworkMeasures.of(pruned));
        }
    }
}
