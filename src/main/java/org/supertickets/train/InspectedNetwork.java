package org.supertickets.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.supertickets.engine.PyTorchInternals;
import org.supertickets.model.ActivationTap;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.SearchSpaceConfig;

/**
 * A copy of a classification network, on the CPU, ready to show what it does with one test image at a time (as CNN
 * Explainer does): its class probabilities and every branch's and block's feature maps. A network taken from a
 * checkpoint has its BN statistics re-estimated first, on the run's own first training batches, as every evaluation
 * of the run does; a ticket keeps the statistics it was saved with. Not thread-safe: one thread at a time.
 */
public final class InspectedNetwork implements AutoCloseable {

    private final String name;
    private final long step;
    private final NetworkState state;
    private final NDManager root;
    private final Supernet net;

    private InspectedNetwork(String name, long step, NetworkState state) {
        this.name = name;
        this.step = step;
        this.state = state;
        this.root = NDManager.newBaseManager(Device.cpu());
        this.net = Supernet.load(state, root, Device.cpu());
    }

    /**
     * Loads {@code network} and, when {@code reestimateBatchNorm}, re-estimates its BN statistics on
     * {@code calibration} (the batches a run of its config re-estimates on before each evaluation:
     * {@link #calibrationOf}).
     *
     * @param name a person's name for it, e.g. {@code supernet}
     * @param step the training step it is from
     */
    public static InspectedNetwork prepare(String name, long step, NetworkState network,
            CalibrationBatches calibration, boolean reestimateBatchNorm) {
        if (network.architecture().segments()) {
            throw new IllegalArgumentException("only a classification network shows class probabilities");
        }
        PyTorchInternals.stopRecordingGradientsOnThisThread();
        InspectedNetwork inspected = new InspectedNetwork(name, step, Objects.requireNonNull(network));
        if (reestimateBatchNorm) {
            calibration.recalibrate(inspected.net);
        }
        return inspected;
    }

    /** The batches a run of {@code config} on {@code data} re-estimates its BN statistics on. */
    public static CalibrationBatches calibrationOf(SearchSpaceConfig config, TrainingData data) {
        // The batch size and count NetworkEvaluation gives the run's evaluator.
        return CalibrationBatches.of(data, EventSchedule.batchSize(config, data.trainSize()),
                config.search().bnRecalibrationBatches());
    }

    public String name() {
        return name;
    }

    public long step() {
        return step;
    }

    public Architecture architecture() {
        return state.architecture();
    }

    /**
     * What the network does with one image.
     *
     * @param image {@code C * H * W} normalised values, as {@link TrainingData#fillTest} writes them
     */
    public NetworkPass look(float[] image) {
        PyTorchInternals.stopRecordingGradientsOnThisThread();
        List<LayerActivation> layers = new ArrayList<>();
        ActivationTap tap = (point, block, kernel, x) -> layers.add(activation(point, block, kernel, x));
        try (NDScope scope = new NDScope()) {
            Architecture a = state.architecture();
            NDArray x = net.manager().create(image, new Shape(1, a.inChannels(), a.inHeight(), a.inWidth()));
            NDArray logits = net.forward(x, BatchNormMode.EVAL, tap);
            float[] probabilities = logits.softmax(1).toFloatArray();
            return new NetworkPass(name, step, probabilities, layers);
        }
    }

    private LayerActivation activation(ActivationTap.Point point, int block, int kernel, NDArray x) {
        long[] shape = x.getShape().getShape();
        int channels = (int) shape[1];
        int[] origins = null;
        if (point == ActivationTap.Point.BRANCH) {
            BlockState b = state.architecture().blocks().get(block);
            for (BranchState branch : b.branches()) {
                if (branch.kernelSize() == kernel) {
                    origins = state.channelOrigins().get(TensorNames.depthwise(b, branch));
                }
            }
        }
        if (origins == null || origins.length != channels) {
            origins = new int[channels];
            for (int c = 0; c < channels; c++) {
                origins[c] = c;
            }
        }
        return new LayerActivation(point, block, kernel, origins, (int) shape[2], (int) shape[3], x.toFloatArray());
    }

    @Override
    public void close() {
        net.close();
        root.close();
    }
}
