package org.supertickets.train;

import java.util.Objects;
import org.supertickets.prune.MaskCodec;

/**
 * What a segmentation network predicted for the {@link PredictionCanvases} at one moment: the class of every pixel
 * (the arg-max of the logits). Recorded at every evaluation, with the very network that evaluation measured (the
 * averaged copy when there is one, BN re-estimated), and once more for the ticket at the end.
 *
 * @param step      steps done
 * @param epoch     epochs done
 * @param source    {@link #EVALUATION} (the per-interval evaluation at {@code step}) or {@link #TICKET} (the
 *                  ticket, at the end of the run: the network after the last pruning event)
 * @param canvases  number of canvases, as in {@link PredictionCanvases#count()}
 * @param height    canvas height
 * @param width     canvas width
 * @param predicted one class index per pixel, one byte each, row-major, canvas after canvas, deflated and
 *                  base64-encoded ({@link MaskCodec#encodeBytes})
 */
public record PredictedMasks(long step, double epoch, String source, int canvases, int height, int width,
        String predicted) implements TrainingEvent {

    public static final String EVALUATION = "evaluation";
    public static final String TICKET = "ticket";

    public PredictedMasks {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(predicted, "predicted");
    }

    /** Encodes {@code classes}: one class index per pixel, canvas after canvas. */
    public static PredictedMasks of(long step, double epoch, String source, int canvases, int height, int width,
            byte[] classes) {
        if (classes.length != canvases * height * width) {
            throw new IllegalArgumentException(classes.length + " labels for " + canvases + " canvases of " + height
                    + "x" + width);
        }
        return new PredictedMasks(step, epoch, source, canvases, height, width, MaskCodec.encodeBytes(classes));
    }

    /** Whether this is the ticket's prediction rather than an evaluation's. */
    public boolean ofTicket() {
        return TICKET.equals(source);
    }

    /**
     * The predicted class per pixel (decoded on each call).
     *
     * @throws IllegalArgumentException when the record is damaged
     */
    public byte[] classBytes() {
        return MaskCodec.decodeBytes(predicted, canvases * height * width);
    }
}
