package org.supertickets.train;

import java.util.Arrays;

/**
 * What a segmentation evaluation measured, as the segmentation world reports it. The run's accuracy fields carry
 * the pixel accuracy; these are the rest.
 *
 * @param meanIou                  mean IoU over the classes present in truth or prediction, background included
 * @param meanIouWithoutBackground the same over the object classes only (class 0, the background, left out)
 * @param classIou                 IoU per class, index = class (0 = background); NaN for a class absent from both
 *                                 truth and prediction
 */
public record SegmentationMetrics(double meanIou, double meanIouWithoutBackground, double[] classIou) {

    public SegmentationMetrics {
        classIou = classIou.clone();
    }

    /** The metrics of the pixels {@code scores} has counted. */
    public static SegmentationMetrics of(SegmentationScores scores) {
        return new SegmentationMetrics(scores.meanIou(), scores.meanIouWithoutBackground(), scores.perClassIou());
    }

    @Override
    public double[] classIou() {
        return classIou.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SegmentationMetrics m && Double.compare(meanIou, m.meanIou) == 0
                && Double.compare(meanIouWithoutBackground, m.meanIouWithoutBackground) == 0
                && Arrays.equals(classIou, m.classIou);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(meanIou) + Arrays.hashCode(classIou);
    }

    /** {@code ", mIoU 0.6123 (objects only 0.5840)"} after an accuracy, or nothing for {@code null}. */
    public static String suffix(SegmentationMetrics metrics) {
        return metrics == null ? "" : ", " + metrics;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "mIoU %.4f (objects only %.4f)", meanIou,
                meanIouWithoutBackground);
    }
}
