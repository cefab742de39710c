package org.supertickets.tools;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.supertickets.model.ActivationLayout;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.space.Architecture;
import org.supertickets.ticket.TicketIo;

/**
 * How far a trained network's logits move between the two activation layouts: a ticket loaded in NCHW and in
 * channels-last (where a shrunk block runs padded, {@code model.ChannelPadding}), the same 256 random inputs, in eval
 * mode and in training mode; the largest absolute difference and the share of inputs whose argmax agrees. Arguments:
 * {@code TICKET_FOLDER...}. docs/performance.md, "Channels-last after a shrink", quotes it.
 */
public final class LayoutAgreement {

    private LayoutAgreement() {
    }

    public static void main(String[] args) throws Exception {
        for (String folder : args) {
            NetworkState ticket = TicketIo.read(Path.of(folder)).network();
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
            }
        }
    }

    private static float[] logits(NetworkState state, NDManager m, NDArray x, BatchNormMode mode,
            ActivationLayout layout) {
        try (Supernet net = Supernet.load(state, m, Device.cpu(), layout)) {
            return net.forward(x, mode).toFloatArray();
        }
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
