package org.supertickets.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.ErdosRenyiKernel;
import org.supertickets.prune.GlobalMagnitudePruner;
import org.supertickets.prune.LayerPruneStats;
import org.supertickets.prune.NetworkMeasures;
import org.supertickets.prune.PruneResult;
import org.supertickets.prune.RandomMasks;
import org.supertickets.prune.RiglSchedule;
import org.supertickets.prune.RiglUpdate;
import org.supertickets.prune.SparsitySchedule;
import org.supertickets.space.LayerShape;
import org.supertickets.space.PruningConfig;

/**
 * The weight step, a pruning event (after the architecture step): one global threshold over all prunable weights
 * of the remaining network, at the sparsity the schedule sets for this event, the masks redrawn from the raw
 * weights (or from the criterion's scores) so pruned weights can come back. Under the {@code rigl} schedule (ours)
 * the first event draws random masks with RigL's Erdős-Rényi-Kernel layer densities and every later one moves
 * connections by RigL's drop and grow. Reported as a {@link PruneEvent} and a snapshot; counts its events, which a
 * checkpoint keeps.
 */
final class WeightStep {

    private final PruningConfig pruning;
    private final SparsitySchedule sparsity;
    private final WeightScorer scorer;
    private final TrainingListener listener;
    private final long seed;
    private final long totalSteps;
    private int events;

    WeightStep(PruningConfig pruning, SparsitySchedule sparsity, WeightScorer scorer, TrainingListener listener,
            long seed, long totalSteps) {
        this.pruning = pruning;
        this.sparsity = sparsity;
        this.scorer = scorer;
        this.listener = listener;
        this.seed = seed;
        this.totalSteps = totalSteps;
    }

    /** Pruning events so far. */
    int events() {
        return events;
    }

    /** Continues the count a checkpoint kept. */
    void restore(int events) {
        this.events = events;
    }

    /** The event before the first step of a schedule that starts at the target ({@code at-start}, {@code rigl}). */
    void atStart(TrainedNetwork network) {
        run(network, 0, 0, false);
    }

    /** @param last whether this is the run's last step: the masks are then never reset after the event */
    void run(TrainedNetwork network, long done, double epoch, boolean last) {
        events++;
        double ratio = sparsity.ratioAtEvent(events, epoch);
        NetworkState before = network.net().toHost();
        Map<String, HostTensor> weights = new LinkedHashMap<>();
        Map<String, HostTensor> masks = new LinkedHashMap<>();
        for (LayerShape layer : before.architecture().layers()) {
            if (layer.prunable()) {
                weights.put(layer.name(), before.tensor(TensorNames.weight(layer.name())));
                masks.put(layer.name(), before.tensor(TensorNames.mask(layer.name())));
            }
        }
        if (pruning.movesConnections()) {
            PruneResult result = events == 1 ? riglStart(before, weights, masks, ratio)
                    : riglUpdate(network, before, weights, masks, done);
            report(network, before, result, done, epoch, ratio, false);
            return;
        }
        Map<String, HostTensor> previousEventMasks = network.previousEventMasks();
        Map<String, HostTensor> reference = new LinkedHashMap<>();
        masks.forEach((layer, mask) -> reference.put(layer,
                previousEventMasks.getOrDefault(TensorNames.mask(layer), mask)));
        if (!"magnitude".equals(pruning.criterion())) {
            // The pruner ranks by |value|: non-negative scores rank as they are.
            weights = scorer.scores(before, List.copyOf(weights.keySet()), events, network.parentManager(),
                    network.device());
        }
        PruneResult result = GlobalMagnitudePruner.prune(weights, masks, reference, ratio, pruning.rerank(),
                pruning.minLayerDensity());
        report(network, before, result, done, epoch, ratio, pruning.resetMaskAfterPrune() && !last);
    }

    /** Random masks at the target with RigL's Erdős-Rényi-Kernel layer densities. */
    private PruneResult riglStart(NetworkState before, Map<String, HostTensor> weights,
            Map<String, HostTensor> masks, double ratio) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        weights.forEach((layer, w) -> shapes.put(layer, w.shape()));
        Map<String, HostTensor> drawn = RandomMasks.withDensities(before,
                ErdosRenyiKernel.densities(shapes, ratio), seed);
        Map<String, HostTensor> byLayer = new LinkedHashMap<>();
        List<LayerPruneStats> perLayer = new ArrayList<>();
        for (String layer : masks.keySet()) {
            HostTensor mask = drawn.get(TensorNames.mask(layer));
            long kept = 0;
            for (float m : mask.data()) {
                kept += m != 0f ? 1 : 0;
            }
            byLayer.put(layer, mask);
            perLayer.add(new LayerPruneStats(layer, mask.size(), kept, 0, mask.size() - kept));
        }
        return new PruneResult(byLayer, 0, perLayer);
    }

    /** RigL's drop and grow; the grown weights that were not live start from zero. */
    private PruneResult riglUpdate(TrainedNetwork network, NetworkState before, Map<String, HostTensor> weights,
            Map<String, HostTensor> masks, long done) {
        Map<String, HostTensor> gradients = scorer.denseGradients(before, List.copyOf(weights.keySet()), events,
                network.parentManager(), network.device());
        RiglUpdate.Move move = RiglUpdate.apply(weights, masks, gradients, RiglSchedule.fractionAt(done, totalSteps));
        Supernet net = network.net();
        move.grown().forEach((layer, positions) -> {
            if (positions.length > 0) {
                float[] w = weights.get(layer).data().clone();
                for (int i : positions) {
                    w[i] = 0f;
                }
                net.set(TensorNames.weight(layer), new HostTensor(w, weights.get(layer).shape()));
            }
        });
        return move.result();
    }

    /** Sets the event's masks, reports the event and its snapshot, and measures the network anew. */
    private void report(TrainedNetwork network, NetworkState before, PruneResult result, long done, double epoch,
            double ratio, boolean resetAfter) {
        Supernet net = network.net();
        Map<String, HostTensor> eventMasks = new LinkedHashMap<>();
        result.masks().forEach((layer, mask) -> eventMasks.put(TensorNames.mask(layer), mask));
        network.setPreviousEventMasks(eventMasks);
        eventMasks.forEach(net::set);
        NetworkState pruned = before.withTensors(eventMasks);
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
