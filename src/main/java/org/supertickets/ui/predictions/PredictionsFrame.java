package org.supertickets.ui.predictions;

import java.util.List;

/**
 * What the Predictions view draws for one recorded prediction: a row per test canvas (input, truth, prediction as
 * ARGB pixels at the canvas's own resolution; the view scales them up without smoothing) and a row per class (its
 * colour, name and the IoU the evaluation measured). Immutable; built by {@link PredictionsViewModel}.
 *
 * @param step     steps done when the prediction was made
 * @param title    what is shown, e.g. {@code Evaluation at step 120 · epoch 1.50}
 * @param detail   which network and which canvases, one sentence
 * @param width    canvas width in pixels
 * @param height   canvas height in pixels
 * @param rows     one per canvas, in the recorded order
 * @param classes  one per class, background first
 * @param summary  mean IoU with and without the background, and the split it was measured on
 */
public record PredictionsFrame(long step, String title, String detail, int width, int height, List<Row> rows,
        List<ClassRow> classes, String summary) {

    public PredictionsFrame {
        rows = List.copyOf(rows);
        classes = List.copyOf(classes);
    }

    /**
     * One test canvas.
     *
     * @param label         e.g. {@code test canvas 3}
     * @param input         the canvas as the network saw it (before normalisation), ARGB
     * @param truth         the true class of each pixel, in class colours
     * @param predicted     the predicted class of each pixel, in class colours
     * @param pixelAccuracy share of this canvas's pixels predicted right
     */
    public record Row(String label, int[] input, int[] truth, int[] predicted, double pixelAccuracy) {
    }

    /**
     * One class of the legend and the IoU table.
     *
     * @param index class index (0 = background)
     * @param name  its name
     * @param argb  its colour in the masks
     * @param iou   the evaluation's IoU of the class; NaN when not measured or the class was in neither truth nor
     *              prediction
     */
    public record ClassRow(int index, String name, int argb, double iou) {
    }
}
