package org.supertickets.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;

/**
 * The score a pruning event ranks the prunable weights by (one global threshold keeps the highest), one of the
 * official code's criteria ({@code pruning.criterion}):
 * <ul>
 *   <li>{@code magnitude} (default): |raw w|;</li>
 *   <li>{@code random}: a uniform random score per weight, seeded by the run's seed and the event;</li>
 *   <li>{@code snip}: |dL/dm|, the loss's sensitivity to each mask entry, summed over training batches before
 *       the absolute value as the official code accumulates it; {@code dL/dm = w * dL/d(w m)}, so a pruned
 *       weight is scored too;</li>
 *   <li>{@code synflow}: |theta * dR/dtheta| with R the sum of the logits of an all-ones image through the
 *       network with every tensor made non-negative (BN in evaluation mode), no data; a pruned weight scores 0.</li>
 * </ul>
 * The official normalisations (SNIP's division by the sum of all scores) do not change a global ranking and are
 * left out.
 */
final class WeightScorer {

    static final List<String> CRITERIA = List.of("magnitude", "random", "snip", "synflow");

    private final String criterion;
    private final TrainingData data;
    private final int batchSize;
    private final int batches;
    private final double labelSmoothing;
    private final long seed;

    /**
     * @param batches training batches SNIP sums over (ours: the BN re-estimation batches, fixed per run)
     */
    WeightScorer(String criterion, TrainingData data, int batchSize, int batches, double labelSmoothing,
            long seed) {
        if (!CRITERIA.contains(criterion)) {
            throw new IllegalStateException("unknown pruning criterion " + criterion);
        }
        this.criterion = criterion;
        this.data = data;
        this.batchSize = batchSize;
        this.batches = Math.max(1, batches);
        this.labelSmoothing = labelSmoothing;
        this.seed = seed;
    }

    /**
     * Scores of every named prunable layer of {@code network} (by layer name, shaped like its weight).
     *
     * @param event the pruning event's number (seeds the random criterion)
     */
    Map<String, HostTensor> scores(NetworkState network, List<String> layers, int event, NDManager parent,
            Device device) {
        return switch (criterion) {
            case "magnitude" -> magnitude(network, layers);
            case "random" -> random(network, layers, event);
            case "snip" -> snip(network, layers, parent, device);
            default -> synflow(network, layers, parent, device);
        };
    }

    private static Map<String, HostTensor> magnitude(NetworkState network, List<String> layers) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (String layer : layers) {
            HostTensor w = network.tensor(TensorNames.weight(layer));
            float[] s = new float[w.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.abs(w.data()[i]);
            }
            out.put(layer, new HostTensor(s, w.shape()));
        }
        return out;
    }

    private Map<String, HostTensor> random(NetworkState network, List<String> layers, int event) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + event);
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (String layer : layers) {
            HostTensor w = network.tensor(TensorNames.weight(layer));
            float[] s = new float[w.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) r.nextDouble();
            }
            out.put(layer, new HostTensor(s, w.shape()));
        }
        return out;
    }

    /**
     * SNIP on a copy whose weights are {@code w * m} under all-ones masks: the same forward pass, and the gradient
     * of each weight is then {@code dL/d(w m)}, which times the raw w is {@code dL/dm}.
     */
    private Map<String, HostTensor> snip(NetworkState network, List<String> layers, NDManager parent,
            Device device) {
        Map<String, HostTensor> replaced = new LinkedHashMap<>();
        for (String layer : layers) {
            HostTensor w = network.tensor(TensorNames.weight(layer));
            HostTensor m = network.tensor(TensorNames.mask(layer));
            float[] masked = new float[w.size()];
            for (int i = 0; i < masked.length; i++) {
                masked[i] = w.data()[i] * m.data()[i];
            }
            replaced.put(TensorNames.weight(layer), new HostTensor(masked, w.shape()));
            replaced.put(TensorNames.mask(layer), HostTensor.filled(m.shape(), 1f));
        }
        Map<String, float[]> sums = new LinkedHashMap<>();
        int[] order = data.epochOrder(-1);
        int n = Math.min(batches, Math.max(1, order.length / batchSize));
        float[] images = new float[batchSize * data.channels() * data.height() * data.width()];
        long[] labels = new long[batchSize];
        try (Supernet copy = Supernet.load(network.withTensors(replaced), parent, device)) {
            for (int b = 0; b < n; b++) {
                data.fillTrain(Evaluator.slice(order, b * batchSize, batchSize), -1, b, images, labels);
                try (NDScope scope = new NDScope()) {
                    NDArray x = copy.manager().create(images, new Shape(batchSize, data.channels(), data.height(),
                            data.width()));
                    NDArray y = copy.manager().create(labels);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(CrossEntropy.loss(copy.forward(x, BatchNormMode.TRAIN), y,
                                labelSmoothing));
                    }
                    accumulateGradients(copy, layers, sums);
                }
            }
        }
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (String layer : layers) {
            HostTensor w = network.tensor(TensorNames.weight(layer));
            float[] g = sums.get(layer);
            float[] s = new float[g.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.abs(g[i] * w.data()[i]);
            }
            out.put(layer, new HostTensor(s, w.shape()));
        }
        return out;
    }

    /** SynFlow on a copy with every tensor made non-negative (masks are 0/1 already). */
    private Map<String, HostTensor> synflow(NetworkState network, List<String> layers, NDManager parent,
            Device device) {
        Map<String, HostTensor> absolute = new LinkedHashMap<>();
        network.tensors().forEach((name, t) -> {
            float[] a = new float[t.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.abs(t.data()[i]);
            }
            absolute.put(name, new HostTensor(a, t.shape()));
        });
        NetworkState positive = network.withTensors(absolute);
        Map<String, float[]> gradients = new LinkedHashMap<>();
        try (Supernet copy = Supernet.load(positive, parent, device); NDScope scope = new NDScope()) {
            float[] ones = new float[data.channels() * data.height() * data.width()];
            java.util.Arrays.fill(ones, 1f);
            NDArray x = copy.manager().create(ones, new Shape(1, data.channels(), data.height(), data.width()));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(copy.forward(x, BatchNormMode.EVAL).sum());
            }
            accumulateGradients(copy, layers, gradients);
        }
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (String layer : layers) {
            HostTensor theta = positive.tensor(TensorNames.weight(layer));
            float[] g = gradients.get(layer);
            float[] s = new float[g.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.abs(g[i] * theta.data()[i]);
            }
            out.put(layer, new HostTensor(s, theta.shape()));
        }
        return out;
    }

    /** Adds each layer's weight gradient to {@code sums} and zeroes it (gradients accumulate across backwards). */
    private static void accumulateGradients(Supernet net, List<String> layers, Map<String, float[]> sums) {
        for (String layer : layers) {
            NDArray gradient = net.tensor(TensorNames.weight(layer)).getGradient();
            float[] g = gradient.toFloatArray();
            gradient.subi(gradient);
            float[] sum = sums.get(layer);
            if (sum == null) {
                sums.put(layer, g);
            } else {
                for (int i = 0; i < g.length; i++) {
                    sum[i] += g[i];
                }
            }
        }
    }
}
