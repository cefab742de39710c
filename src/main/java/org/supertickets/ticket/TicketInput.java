package org.supertickets.ticket;

import java.util.List;
import java.util.Objects;
import org.supertickets.data.CanvasDescription;
import org.supertickets.data.DatasetDescription;
import org.supertickets.data.Normalization;
import org.supertickets.data.TestSetDescription;
import org.supertickets.space.DataConfig;

/**
 * How an image becomes the ticket's input, exactly as the run that made the ticket prepared it: pixel values
 * scaled to [0, 1], then each channel standardised with the statistics of that run's training split. Without
 * this a ticket used elsewhere sees other numbers than it was trained on (chance accuracy when skipped). Every
 * number is a field; {@code pixels}, {@code formula} and {@code testSplit} say the same in words.
 *
 * @param layout      tensor layout, {@code NCHW} float32
 * @param channels    input channels
 * @param height      input height in pixels
 * @param width       input width in pixels
 * @param pixelScale  divisor applied to 8-bit pixel values first (255)
 * @param pixels      how the readers produced those values (file format, channel order, resizing)
 * @param mean        per-channel mean subtracted after scaling
 * @param std         per-channel standard deviation divided by after that
 * @param formula     the whole preprocessing as one expression
 * @param classNames  output index to class name, or null when the dataset does not name its classes
 * @param testSplit   which images the ticket's test metrics were measured on, in words
 * @param greyFromRgb the weights of R, G and B when colour pictures were read as one grey channel (image folders),
 *                    else null; null also in tickets written before this field
 * @param testSet     which images the ticket's test metrics were measured on, as fields (how many included); null
 *                    in tickets written before this field
 * @param canvas      how a canvas dataset's canvases were composed (segmentation on {@code *-canvas}), else null;
 *                    null also in tickets written before this field
 */
public record TicketInput(
        String layout,
        int channels,
        int height,
        int width,
        double pixelScale,
        String pixels,
        float[] mean,
        float[] std,
        String formula,
        List<String> classNames,
        String testSplit,
        List<Double> greyFromRgb,
        TestSetDescription testSet,
        CanvasDescription canvas) {

    public static final String LAYOUT = "NCHW float32";
    public static final String FORMULA = "x[n, c, h, w] = (pixel[n, c, h, w] / pixelScale - mean[c]) / std[c]";

    public TicketInput {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * The input of a run on {@code data} (a resolved config) whose training split has {@code normalization} and
     * whose test split holds {@code testImages} images.
     */
    public static TicketInput of(DataConfig data, Normalization normalization, int testImages) {
        DatasetDescription d = DatasetDescription.of(data);
        return new TicketInput(LAYOUT, data.channels(), data.height(), data.width(), DatasetDescription.PIXEL_SCALE,
                d.pixels(), normalization.mean(), normalization.std(), FORMULA, d.classNames(), d.testSplit(),
                d.greyFromRgb(), d.testSet() == null ? null : d.testSet().withImages(testImages), d.canvas());
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }
}
