package org.supertickets.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.prune.NetworkMeasures;
import org.supertickets.space.TrainingConfig;

/**
 * The network a run trains and everything shaped like it: the optimiser's state, the moving average of the weights,
 * the masks right after the previous pruning event, and the network's measures. A shrink cuts all of them at once
 * (and replaces the network on the device), so they always match the weights they belong to.
 */
final class TrainedNetwork {

    /** A shrink's result: the network before and after, and the surgery that led from one to the other. */
    record Cut(NetworkState before, NetworkState after, ChannelSurgery surgery) {
    }

    private final Device device;
    private Supernet net;
    private final Optimizer optimizer;
    /** The moving average of the weights; null when off. */
    private final WeightAverage average;
    private NetworkMeasures measures;
    /** Masks right after the previous pruning event, by mask tensor name, sliced along with every shrink. */
    private Map<String, HostTensor> previousEventMasks = new LinkedHashMap<>();

    private TrainedNetwork(Device device, Supernet net, Optimizer optimizer, WeightAverage average) {
        this.device = device;
        this.net = net;
        this.optimizer = optimizer;
        this.average = average;
    }

    /**
     * Puts {@code initial} on the device under {@code root} with a fresh optimiser and moving average, or, from a
     * checkpoint ({@code resume}), with theirs.
     *
     * @param resumed whether the run continues {@code resume} (false when it starts at a rewind point: then the
     *                moving average starts afresh)
     */
    static TrainedNetwork load(NetworkState initial, NDManager root, Device device, TrainingConfig training,
            int batchSize, TrainerCheckpoint resume, boolean resumed) {
        Supernet net = Supernet.load(initial, root, device);
        Optimizer optimizer = Optimizer.of(training);
        WeightAverage average = training.ema().enabled() ? WeightAverage.of(training.ema(), batchSize) : null;
        if (average != null) {
            if (resumed && !resume.weightAverage().isEmpty()) {
                average.load(resume.weightAverage(), net);
            } else {
                average.register(net);
            }
        }
        TrainedNetwork network = new TrainedNetwork(device, net, optimizer, average);
        if (resume != null) {
            optimizer.load(resume.optimizerState(), net);
            network.previousEventMasks = new LinkedHashMap<>(resume.previousEventMasks());
        }
        network.measures = NetworkMeasures.of(initial);
        return network;
    }

    Supernet net() {
        return net;
    }

    Optimizer optimizer() {
        return optimizer;
    }

    /** The moving average of the weights, or null when the run keeps none. */
    WeightAverage average() {
        return average;
    }

    NetworkMeasures measures() {
        return measures;
    }

    void setMeasures(NetworkMeasures measures) {
        this.measures = measures;
    }

    Map<String, HostTensor> previousEventMasks() {
        return previousEventMasks;
    }

    void setPreviousEventMasks(Map<String, HostTensor> masks) {
        this.previousEventMasks = masks;
    }

    Device device() {
        return device;
    }

    /** The manager the network's own manager hangs under: the run's root, where copies of the network go too. */
    NDManager parentManager() {
        return net.manager().getParentManager();
    }

    /**
     * Removes the channels {@code keep} drops (see {@link ChannelSurgery}) from the network, its optimiser state,
     * its moving average and the previous event's masks; the network is rebuilt on the device.
     */
    Cut cut(Map<Integer, Map<Integer, int[]>> keep, boolean resetMasks) {
        NetworkState before = net.toHost();
        OptimizerState optimizerState = optimizer.state();
        Map<String, HostTensor> averaged = average == null ? null : average.toHost();
        ChannelSurgery surgery = new ChannelSurgery(before, keep);
        NetworkState after = surgery.apply(resetMasks);
        previousEventMasks = surgery.sliceState(previousEventMasks);
        replace(after, optimizerState.map(surgery::sliceState));
        if (average != null) {
            average.load(surgery.sliceState(averaged), net);
        }
        return new Cut(before, after, surgery);
    }

    private void replace(NetworkState state, OptimizerState optimizerState) {
        NDManager parent = net.manager().getParentManager();
        net.close();
        net = Supernet.load(state, parent, device);
        optimizer.load(optimizerState, net);
        measures = NetworkMeasures.of(state);
    }

    /**
     * The copy of the network that is evaluated: with a moving average, the averaged weights and statistics under
     * the current masks, on the same device (the caller closes it); without one, null (evaluate {@link #net}).
     */
    Supernet evaluatedCopy() {
        if (average == null) {
            return null;
        }
        return Supernet.load(average.applyTo(net.toHost()), net.manager().getParentManager(), device);
    }
}
