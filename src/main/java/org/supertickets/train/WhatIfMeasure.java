package org.supertickets.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.supertickets.engine.PyTorchInternals;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.prune.NetworkMeasures;

/**
 * Measures a what-if: builds the edited copy of an inspected network on its own engine memory, re-estimates its
 * BN statistics on the probe's training batches (as every evaluation of the run does), and reports accuracy and
 * loss on the probe's validation images with the copy's MACs. The run's network is never read on the device.
 *
 * @param accuracy       accuracy on the probe's validation images
 * @param loss           mean cross-entropy there
 * @param macs           dense MACs of the edited network
 * @param exactSparseMacs MACs of its surviving weights
 * @param sparsity       share of prunable weights masked
 * @param hiddenChannels hidden channels left
 * @param liveBranches   branches left
 * @param images         validation images measured
 */
public record WhatIfMeasure(double accuracy, double loss, long macs, long exactSparseMacs, double sparsity,
        int hiddenChannels, int liveBranches, int images) {

    /** Applies {@code whatIf} to a copy of the inspected network and measures it on the CPU. */
    public static WhatIfMeasure of(InspectableNetwork inspected, WhatIf whatIf) {
        NetworkState edited = whatIf.applyTo(inspected.network());
        NetworkMeasures m = NetworkMeasures.of(edited);
        ProbeBatch probe = inspected.probe();
        if (probe.size() == 0) {
            return new WhatIfMeasure(Double.NaN, Double.NaN, m.macs(), m.exactSparseMacs(), m.sparsity(),
                    m.hiddenChannels(), m.liveBranches(), 0);
        }
        PyTorchInternals.stopRecordingGradientsOnThisThread();
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(edited, root, Device.cpu())) {
            probe.calibration().recalibrate(net);
            try (NDScope scope = new NDScope()) {
                NDArray x = net.manager().create(probe.images(), new Shape(probe.size(), probe.channels(),
                        probe.height(), probe.width()));
                NDArray y = net.manager().create(probe.labels());
                NDArray logits = net.forward(x, BatchNormMode.EVAL);
                double loss = CrossEntropy.loss(logits, y, 0).getFloat();
                double accuracy = (double) CrossEntropy.correct(logits, y) / probe.labels().length;
                return new WhatIfMeasure(accuracy, loss, m.macs(), m.exactSparseMacs(), m.sparsity(),
                        m.hiddenChannels(), m.liveBranches(), probe.size());
            }
        }
    }
}
