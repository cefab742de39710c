package org.supertickets.train;

import java.util.Arrays;

/**
 * Pixel-level scores of a segmentation, accumulated batch by batch into a confusion matrix: pixel accuracy,
 * intersection over union per class, and mean IoU with and without the background class (class 0).
 * <p>
 * IoU of class c = TP / (TP + FP + FN), with TP the pixels of c predicted c, FP the pixels of other classes
 * predicted c and FN the pixels of c predicted otherwise. A class absent from both the truth and the predictions
 * has no IoU (NaN) rather than 0 or 1, and the means skip it: otherwise a small test set that happens to lack a
 * class would be scored on it. Not thread-safe; one instance per evaluation.
 */
public final class SegmentationScores {

    private final int classes;
    /** {@code confusion[truth * classes + predicted]}: pixel counts. */
    private final long[] confusion;

    /** @param classes number of classes, background (0) included */
    public SegmentationScores(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes " + classes);
        }
        this.classes = classes;
        this.confusion = new long[Math.multiplyExact(classes, classes)];
    }

    public int classes() {
        return classes;
    }

    /**
     * Counts the first {@code pixels} entries of a batch: {@code predicted[k]} against {@code truth[k]}.
     *
     * @throws IllegalArgumentException if a label is outside {@code 0..classes-1} (nothing is counted then)
     */
    public void add(long[] predicted, long[] truth, int pixels) {
        checkLength(predicted.length, truth.length, pixels);
        for (int k = 0; k < pixels; k++) {
            check(predicted[k], "predicted", k);
            check(truth[k], "true", k);
        }
        for (int k = 0; k < pixels; k++) {
            confusion[(int) truth[k] * classes + (int) predicted[k]]++;
        }
    }

    /** Pixels counted so far. */
    public long pixels() {
        long n = 0;
        for (long v : confusion) {
            n += v;
        }
        return n;
    }

    /** Pixels of class {@code truth} predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return confusion[truth * classes + predicted];
    }

    /** Share of the pixels predicted right; NaN before any pixel is counted. */
    public double pixelAccuracy() {
        long right = 0;
        for (int c = 0; c < classes; c++) {
            right += count(c, c);
        }
        long all = pixels();
        return all == 0 ? Double.NaN : (double) right / all;
    }

    /** IoU of class {@code c}; NaN when the class is in neither the truth nor the predictions. */
    public double iou(int c) {
        long truePositive = count(c, c);
        long union = -truePositive;
        for (int other = 0; other < classes; other++) {
            union += count(c, other) + count(other, c);
        }
        return union == 0 ? Double.NaN : (double) truePositive / union;
    }

    /** {@link #iou(int)} of every class, background first. */
    public double[] perClassIou() {
        double[] iou = new double[classes];
        for (int c = 0; c < classes; c++) {
            iou[c] = iou(c);
        }
        return iou;
    }

    /** Mean IoU over the classes that have one (background included); NaN when none has. */
    public double meanIou() {
        return meanFrom(0);
    }

    /** Mean IoU over the classes except background (0) that have one; NaN when none has. */
    public double meanIouWithoutBackground() {
        return meanFrom(1);
    }

    /** Forgets every pixel counted. */
    public void clear() {
        Arrays.fill(confusion, 0);
    }

    private double meanFrom(int first) {
        double sum = 0;
        int n = 0;
        for (int c = first; c < classes; c++) {
            double v = iou(c);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static void checkLength(int predicted, int truth, int pixels) {
        if (pixels < 0 || pixels > predicted || pixels > truth) {
            throw new IllegalArgumentException(pixels + " pixels from arrays of " + predicted + " predicted and "
                    + truth + " true labels");
        }
    }

    private void check(long label, String which, int k) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(which + " label " + label + " at pixel " + k + " outside 0.."
                    + (classes - 1));
        }
    }
}
