package org.supertickets.tools;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.model.ActivationLayout;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.space.Architecture;
import org.supertickets.train.CrossEntropy;

/**
 * How far a network's results move between the two activation layouts: the network loaded in NCHW and in
 * channels-last (where a shrunk block runs padded, {@code model.ChannelPadding}), the same 256 random inputs. For the
 * logits in eval mode and in training mode: the largest absolute difference and the share of inputs whose argmax
 * agrees. For the gradients of a training pass (cross-entropy on random labels): the largest relative L2 difference
 * over the trained tensors whose gradient is not zero. Arguments: {@code TICKET_FOLDER...} or {@code CONFIG.json}
 * (its freshly initialised supernet). docs/performance.md, "Channels-last after a shrink", quotes it.
 */
public final class LayoutAgreement {

    private LayoutAgreement() {
    }

    public static void main(String[] args) throws Exception {
        for (String folder : args) {
            NetworkState ticket = NetworkArgument.read(folder);
            Architecture a = ticket.architecture();
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                m.getEngine().setRandomSeed(3);
                NDArray x = m.randomNormal(new Shape(256, a.inChannels(), a.inHeight(), a.inWidth()));
                for (BatchNormMode mode : new BatchNormMode[] {BatchNormMode.EVAL, BatchNormMode.TRAIN}) {
                    float[] nchw = logits(ticket, m, x, mode, ActivationLayout.NCHW);
                    float[] channelsLast = logits(ticket, m, x, mode, ActivationLayout.CHANNELS_LAST);
                    System.out.printf("%s  %s: max |logit difference| %.2e, argmax agrees on %.4f%n", folder,
                            mode.training() ? "training mode" : "eval mode", maxDifference(nchw, channelsLast),
                            argmaxAgreement(nchw, channelsLast, a.classes()));
                }
                NDArray labels = m.randomInteger(0, a.classes(), new Shape(x.getShape().get(0)), DataType.INT64);
                Map<String, float[]> nchw = gradients(ticket, m, x, labels, ActivationLayout.NCHW);
                Map<String, float[]> channelsLast = gradients(ticket, m, x, labels, ActivationLayout.CHANNELS_LAST);
                String worst = "";
                double largest = 0;
                for (Map.Entry<String, float[]> e : nchw.entrySet()) {
                    double relative = relativeDifference(e.getValue(), channelsLast.get(e.getKey()));
                    if (relative > largest) {
                        largest = relative;
                        worst = e.getKey();
                    }
                }
                System.out.printf("%s  gradients: largest relative L2 difference %.2e (%s)%n", folder, largest, worst);
            }
        }
    }

    private static float[] logits(NetworkState state, NDManager m, NDArray x, BatchNormMode mode,
            ActivationLayout layout) {
        try (Supernet net = Supernet.load(state, m, Device.cpu(), layout)) {
            return net.forward(x, mode).toFloatArray();
        }
    }

    /** Each trained tensor's gradient after one training pass, leaving out those that are zero but for rounding. */
    private static Map<String, float[]> gradients(NetworkState state, NDManager m, NDArray x, NDArray labels,
            ActivationLayout layout) {
        Map<String, float[]> gradients = new LinkedHashMap<>();
        try (Supernet net = Supernet.load(state, m, Device.cpu(), layout);
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = net.forward(x, BatchNormMode.TRAIN);
            collector.backward(CrossEntropy.loss(logits, labels, 0));
            for (String name : net.trainableNames()) {
                NDArray gradient = net.tensor(name).getGradient();
                if (gradient.norm().getFloat() > 1e-6f) {
                    gradients.put(name, gradient.toFloatArray());
                }
            }
        }
        return gradients;
    }

    private static double relativeDifference(float[] a, float[] b) {
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            difference += (a[i] - b[i]) * (double) (a[i] - b[i]);
            norm += a[i] * (double) a[i];
        }
        return Math.sqrt(difference / norm);
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double argmaxAgreement(float[] a, float[] b, int classes) {
        int rows = a.length / classes;
        int agree = 0;
        for (int r = 0; r < rows; r++) {
            if (argmax(a, r, classes) == argmax(b, r, classes)) {
                agree++;
            }
        }
        return agree / (double) rows;
    }

    private static int argmax(float[] v, int row, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (v[row * classes + c] > v[row * classes + best]) {
                best = c;
            }
        }
        return best;
    }
}
