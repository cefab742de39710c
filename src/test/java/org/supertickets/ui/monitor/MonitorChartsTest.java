package org.supertickets.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.StepMetrics;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.charts.AxisTicks;

/** The monitor's charts in the first seconds of a run: one point per series (issue 11, item 5). */
class MonitorChartsTest {

    @Test
    void everyChartIsReadableFromTheFirstPoint() {
        MonitorViewModel vm = new MonitorViewModel();
        long macs = TestEvents.SUPERNET.macs();
        vm.accept(List.of(TestEvents.started(),
                new StepMetrics(10, 0.1, 2.3, 0.1, 0.1328125, 0.03, 1.0, 900),
                new EvalMetrics(10, 0.1, 2.3, 0.1, 0, 0, macs, macs, macs, TestEvents.SUPERNET.params(),
                        TestEvents.SUPERNET.params(), 40, 4, 2)));
        for (ChartModel model : vm.charts()) {
            JFreeChart chart = MonitorCharts.build(model, vm.barWidth());
            XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
            for (int i = 0; i < model.series().size(); i++) {
                MonitorCharts.show(model.series().get(i), data.getSeries(i), 600);
            }
            List<String> y = AxisTicks.labels(chart, chart.getXYPlot().getRangeAxis(), false, 700, 300);
            assertTrue(AxisTicks.readable(y), model.id() + " y ticks " + y);
            if (model.isShare()) {
                assertTrue(chart.getXYPlot().getRangeAxis().getLowerBound() >= 0
                        && chart.getXYPlot().getRangeAxis().getUpperBound() <= 1,
                        model.id() + " " + chart.getXYPlot().getRangeAxis().getRange());
            }
        }
    }
}
