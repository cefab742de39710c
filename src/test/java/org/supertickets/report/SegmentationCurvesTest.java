package org.supertickets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** Compare's training curves show mean IoU for segmentation runs, whose accuracy is per pixel. */
class SegmentationCurvesTest {

    private static RunCurves segmentation(String name, double iou) {
        return new RunCurves(name, new double[] {0.5, 1}, new double[] {0.81, 0.83}, new double[] {0.1, 0.2},
                new double[] {3e6, 2e6}, new double[] {iou / 2, iou});
    }

    private static final RunCurves CLASSIFICATION = new RunCurves("c", new double[] {0.5, 1}, new double[] {0.7, 0.8},
            new double[] {0.1, 0.2}, new double[] {3e6, 2e6});

    @Test
    void segmentationRunsAloneAreComparedByMeanIou() {
        JFreeChart chart = CurveCharts.validationAccuracy(List.of(segmentation("a", 0.28), segmentation("b", 0.12)));
        assertEquals("Validation mean IoU", chart.getTitle().getText());
        assertEquals(0.28, chart.getXYPlot().getDataset().getYValue(0, 1), 1e-12);
        assertEquals(0.12, chart.getXYPlot().getDataset().getYValue(1, 1), 1e-12);
    }

    @Test
    void mixedWithClassificationTheAccuracyAxisSaysItIsPerPixelForSegmentation() {
        JFreeChart mixed = CurveCharts.validationAccuracy(List.of(segmentation("a", 0.28), CLASSIFICATION));
        assertEquals("Validation accuracy", mixed.getTitle().getText());
        assertTrue(mixed.getXYPlot().getRangeAxis().getLabel().contains("per pixel"));
        JFreeChart classification = CurveCharts.validationAccuracy(List.of(CLASSIFICATION));
        assertEquals("validation accuracy", classification.getXYPlot().getRangeAxis().getLabel(), "as before");
    }
}
