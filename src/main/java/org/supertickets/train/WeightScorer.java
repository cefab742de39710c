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
import org.supertickets.engine.PyTorchInternals;
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
 *   <li>{@code grasp}: {@code theta * (H g)}, the official code's GraSP score (keep the highest, i.e. prune the
 *       highest {@code -theta * Hg} as the GraSP paper does): g is the gradient of the loss on logits / 200 summed
 *       over the training batches and held fixed, and {@code Hg} the gradient of {@code g . dL/dtheta} summed over
 *       the same batches, computed exactly by double back-propagation; as for SNIP, it is taken at the weights the
 *       forward pass uses ({@code w * m}) and multiplied by the raw w, so a pruned weight is scored too.</li>
 * </ul>
 * The official normalisations (SNIP's division by the sum of all scores, GraSP's by the absolute sum) divide every
 * score by one positive number, so they do not change a global ranking and are left out.
 */
final class WeightScorer {

    static final List<String> CRITERIA = List.of("magnitude", "random", "snip", "synflow", "grasp");

    /** GraSP's softmax temperature: the official code divides the logits by 200 (after the GraSP paper's code). */
    static final double GRASP_TEMPERATURE = 200;

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
            case "grasp" -> grasp(network, layers, parent, device);
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
        Map<String, float[]> sums = new LinkedHashMap<>();
        int n = scoringBatches();
        try (Supernet copy = Supernet.load(maskedCopy(network, layers), parent, device)) {
            for (int b = 0; b < n; b++) {
                try (NDScope scope = new NDScope()) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(batchLoss(copy, b, 1));
                    }
                    accumulateGradients(copy, layers, sums);
                }
            }
        }
        return timesRawWeights(network, layers, sums, true);
    }

    /**
     * GraSP by double back-propagation. The first pass sums the plain gradients into g (held fixed). The second
     * back-propagates each batch's loss keeping the graph of its gradient, then back-propagates {@code g . grad}
     * through that graph; the engine adds that second gradient, {@code H g}, to the first one in each weight's
     * gradient, so {@code H g} is what it holds afterwards minus the first gradient read just before. Each batch
     * of the second pass runs on a fresh copy, so no gradient (and no graph) is left over from the one before.
     */
    private Map<String, HostTensor> grasp(NetworkState network, List<String> layers, NDManager parent,
            Device device) {
        int n = scoringBatches();
        NetworkState masked = maskedCopy(network, layers);
        Map<String, float[]> fixed = new LinkedHashMap<>();
        try (Supernet copy = Supernet.load(masked, parent, device)) {
            for (int b = 0; b < n; b++) {
                try (NDScope scope = new NDScope()) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(batchLoss(copy, b, 1 / GRASP_TEMPERATURE));
                    }
                    accumulateGradients(copy, layers, fixed);
                }
            }
        }
        Map<String, float[]> hessianTimesG = new LinkedHashMap<>();
        for (int b = 0; b < n; b++) {
            try (Supernet copy = Supernet.load(masked, parent, device); NDScope scope = new NDScope();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                PyTorchInternals.backwardKeepingGraph(batchLoss(copy, b, 1 / GRASP_TEMPERATURE));
                NDArray flow = null;
                Map<String, float[]> first = new LinkedHashMap<>();
                for (String layer : layers) {
                    NDArray gradient = copy.tensor(TensorNames.weight(layer)).getGradient();
                    first.put(layer, gradient.toFloatArray());
                    NDArray term = gradient.mul(copy.manager().create(fixed.get(layer), gradient.getShape())).sum();
                    flow = flow == null ? term : flow.add(term);
                }
                collector.backward(flow);
                for (String layer : layers) {
                    float[] both = copy.tensor(TensorNames.weight(layer)).getGradient().toFloatArray();
                    float[] plain = first.get(layer);
                    float[] sum = hessianTimesG.computeIfAbsent(layer, k -> new float[both.length]);
                    for (int i = 0; i < both.length; i++) {
                        sum[i] += both[i] - plain[i];
                    }
                }
            }
        }
        return timesRawWeights(network, layers, hessianTimesG, false);
    }

    /**
     * RigL's dense gradient: the loss's gradient with respect to every weight as the forward pass uses it
     * ({@code w * m}), pruned positions included, on the {@code update}-th training batch of the fixed scoring
     * order (cycling through the training set).
     */
    Map<String, HostTensor> denseGradients(NetworkState network, List<String> layers, int update, NDManager parent,
            Device device) {
        Map<String, float[]> sums = new LinkedHashMap<>();
        int batchesInSet = Math.max(1, data.epochOrder(-1).length / batchSize);
        try (Supernet copy = Supernet.load(maskedCopy(network, layers), parent, device);
                NDScope scope = new NDScope()) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(batchLoss(copy, Math.floorMod(update, batchesInSet), 1));
            }
            accumulateGradients(copy, layers, sums);
        }
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (String layer : layers) {
            out.put(layer, new HostTensor(sums.get(layer), network.tensor(TensorNames.weight(layer)).shape()));
        }
        return out;
    }

    /** Batches SNIP and GraSP sum over: the configured count, at most the training set. */
    private int scoringBatches() {
        return Math.min(batches, Math.max(1, data.epochOrder(-1).length / batchSize));
    }

    /** The loss of the {@code b}-th scoring batch, on the logits times {@code logitScale}. */
    private NDArray batchLoss(Supernet net, int b, double logitScale) {
        int[] order = data.epochOrder(-1);
        float[] images = new float[batchSize * data.channels() * data.height() * data.width()];
        long[] labels = new long[batchSize * data.labelsPerImage()]; // one per pixel for segmentation
        data.fillTrain(Evaluator.slice(order, b * batchSize, batchSize), -1, b, images, labels);
        NDArray x = net.manager().create(images, new Shape(batchSize, data.channels(), data.height(), data.width()));
        NDArray y = net.manager().create(labels);
        NDArray logits = net.forward(x, BatchNormMode.TRAIN);
        return CrossEntropy.loss(logitScale == 1 ? logits : logits.mul(logitScale), y, labelSmoothing);
    }

    /**
     * The network with weights {@code w * m} under all-ones masks: the same forward pass, and the gradient of each
     * weight is then {@code dL/d(w m)}, defined for pruned weights too.
     */
    private static NetworkState maskedCopy(NetworkState network, List<String> layers) {
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
        return network.withTensors(replaced);
    }

    /** {@code factor * raw w} per weight, or its absolute value. */
    private static Map<String, HostTensor> timesRawWeights(NetworkState network, List<String> layers,
            Map<String, float[]> factors, boolean absolute) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (String layer : layers) {
            HostTensor w = network.tensor(TensorNames.weight(layer));
            float[] f = factors.get(layer);
            float[] s = new float[f.length];
            for (int i = 0; i < s.length; i++) {
                float v = f[i] * w.data()[i];
                s[i] = absolute ? Math.abs(v) : v;
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
