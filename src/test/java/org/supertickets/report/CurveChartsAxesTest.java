package org.supertickets.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** The Compare tab's curves with one run of one evaluation, or a flat curve (issue 11, item 5). */
class CurveChartsAxesTest {

    @Test
    void oneRunWithOneEvaluationGetsReadableAxes() {
        RunCurves one = new RunCurves("r", new double[] {1}, new double[] {0.8125}, new double[] {0.5},
                new double[] {1_966_128});
        for (JFreeChart chart : List.of(CurveCharts.validationAccuracy(List.of(one)),
                CurveCharts.sparsity(List.of(one)), CurveCharts.macs(List.of(one)))) {
            List<String> x = AxisTicks.labels(chart, chart.getXYPlot().getDomainAxis(), true, 500, 300);
            List<String> y = AxisTicks.labels(chart, chart.getXYPlot().getRangeAxis(), false, 500, 300);
            assertTrue(AxisTicks.readable(x), chart.getTitle().getText() + " x " + x);
            assertTrue(AxisTicks.readable(y), chart.getTitle().getText() + " y " + y);
        }
    }

    @Test
    void aFlatMacsCurveDoesNotRepeatItsLabel() {
        RunCurves flat = new RunCurves("r", new double[] {1, 2, 3}, new double[] {0.7, 0.8, 0.81},
                new double[] {0.2, 0.4, 0.6}, new double[] {1_966_128, 1_966_128, 1_960_000});
        JFreeChart chart = CurveCharts.macs(List.of(flat));
        List<String> y = AxisTicks.labels(chart, chart.getXYPlot().getRangeAxis(), false, 500, 300);
        assertTrue(AxisTicks.readable(y), "MACs ticks " + y);
    }
}
