package org.supertickets.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.supertickets.report.AxisTicks;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.StepMetrics;
import org.supertickets.ui.TestEvents;

/** The monitor's charts in the first seconds of a run: one point per series (issue 11, item 5). */
class MonitorChartsTest {

    @Test
    void everyChartIsReadableFromTheFirstPoint() {
        MonitorViewModel vm = oneStepAndOneValidation();
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

    @Test
    void theLegendNamesOnlyCurvesThatHavePoints() {
        // A run with a validation split: the test-set curve never gets a point.
        MonitorViewModel vm = oneStepAndOneValidation();
        ChartModel accuracy = vm.charts().stream().filter(c -> c.id().equals("accuracy")).findFirst().orElseThrow();
        JFreeChart chart = MonitorCharts.build(accuracy, vm.barWidth());
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        List<String> plotted = new ArrayList<>();
        for (int i = 0; i < accuracy.series().size(); i++) {
            MonitorCharts.show(accuracy.series().get(i), data.getSeries(i), 600);
            if (accuracy.series().get(i).size() > 0) {
                plotted.add(accuracy.series().get(i).name());
            }
        }
        LegendItemCollection legend = chart.getXYPlot().getLegendItems();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            LegendItem item = legend.get(i);
            named.add(item.getLabel());
        }
        assertTrue(accuracy.series().size() > plotted.size(), "the fixture leaves a curve empty");
        assertEquals(plotted, named);
    }

    @Test
    void theSpansDenseAfterAShrinkAreShadedBehindTheCurvesAndNamedInTheLegend() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.accept(DenseSpansViewModelTest.staggered());
        JFreeChart chart = MonitorCharts.build(vm.charts().get(2), vm.barWidth());
        assertTrue(legend(chart).stream().noneMatch(MonitorCharts.DENSE_LABEL::equals), "nothing shaded yet");
        MonitorCharts.showDenseSpans(chart, vm.dense().spans());
        List<double[]> shaded = MonitorCharts.denseSpansShown(chart);
        assertEquals(2, shaded.size());
        assertEquals(List.of(1.5, 2.0, 2.5, 2.7), List.of(shaded.get(0)[0], shaded.get(0)[1], shaded.get(1)[0],
                shaded.get(1)[1]));
        assertTrue(legend(chart).contains(MonitorCharts.DENSE_LABEL), legend(chart).toString());
        MonitorCharts.showDenseSpans(chart, List.of());
        assertTrue(MonitorCharts.denseSpansShown(chart).isEmpty(), "replaced, not added to");
        assertTrue(legend(chart).stream().noneMatch(MonitorCharts.DENSE_LABEL::equals));
        ChartExport.png(chart, 400, 300); // draws with the markers
    }

    private static List<String> legend(JFreeChart chart) {
        List<String> labels = new ArrayList<>();
        for (org.jfree.chart.LegendItemSource source : chart.getLegend().getSources()) {
            LegendItemCollection items = source.getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) {
                labels.add(items.get(i).getLabel());
            }
        }
        return labels;
    }

    /** The first seconds of a run that holds out a validation split: one step, one evaluation. */
    @Test
    void smoothingDrawsTheMovingAverageOnASecondLayerAndTheRawCurveFaintBehindIt() {
        MonitorViewModel vm = oneStepAndOneValidation();
        vm.accept(List.of(new StepMetrics(20, 0.2, 1.9, 0.3, 0.1, 0.03, 1.0, 900)));
        ChartModel accuracy = vm.charts().get(0);
        JFreeChart chart = MonitorCharts.build(accuracy, vm.barWidth());
        var layer = MonitorCharts.addSmoothedLayer(chart, accuracy);
        SeriesModel train = accuracy.series().get(0);
        assertEquals(List.of(train), List.copyOf(layer.keySet()), "only the per-step train curve");
        MonitorCharts.showSmoothed(chart, accuracy, train, layer.get(train), 0.6, 600);
        assertEquals(2, chart.getXYPlot().getDataset(1).getItemCount(0));
        assertEquals(train.smoothed(0.6).y(1), chart.getXYPlot().getDataset(1).getYValue(0, 1), 1e-12);
        java.awt.Color raw = (java.awt.Color) chart.getXYPlot().getRenderer().getSeriesPaint(0);
        assertEquals(MonitorCharts.FAINT_ALPHA, raw.getAlpha());
        assertTrue(chart.getLegend().getSources().length > 0);
        long smoothedInLegend = java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(
                chart.getXYPlot().getLegendItems().iterator(), 0), false)
                .filter(item -> ((LegendItem) item).getLabel().contains("smoothed")).count();
        assertEquals(0, smoothedInLegend, "the raw curve's legend entry names both");
        MonitorCharts.showSmoothed(chart, accuracy, train, layer.get(train), 0, 600);
        assertEquals(0, chart.getXYPlot().getDataset(1).getItemCount(0), "off: no second curve");
        assertEquals(255, ((java.awt.Color) chart.getXYPlot().getRenderer().getSeriesPaint(0)).getAlpha());
    }

    @Test
    void theLossAxisTurnsLogarithmicAndBackKeepingItsLabelAndAShareItsBounds() {
        // issue 32: TensorBoard's log-scale toggle
        MonitorViewModel vm = oneStepAndOneValidation();
        ChartModel accuracy = vm.charts().get(0);
        JFreeChart chart = MonitorCharts.build(accuracy, vm.barWidth());
        MonitorCharts.logarithmicY(chart, accuracy, true);
        assertTrue(chart.getXYPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);
        assertEquals(accuracy.yLabel(), chart.getXYPlot().getRangeAxis().getLabel());
        MonitorCharts.logarithmicY(chart, accuracy, false);
        assertTrue(chart.getXYPlot().getRangeAxis() instanceof org.supertickets.report.ReadableNumberAxis);
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        for (int i = 0; i < accuracy.series().size(); i++) {
            MonitorCharts.show(accuracy.series().get(i), data.getSeries(i), 600);
        }
        assertTrue(chart.getXYPlot().getRangeAxis().getUpperBound() <= 1, "a share stays within [0, 1]");
    }

    @Test
    void theHoverReadOutGivesEverySeriesValueAtTheEpochUnderTheMouse() {
        // issue 32: TensorBoard's read-out of every series at the cursor
        MonitorViewModel vm = oneStepAndOneValidation();
        vm.accept(List.of(new StepMetrics(20, 0.2, 1.9, 0.3, 0.125, 0.03, 1.0, 900)));
        ChartModel accuracy = vm.charts().get(0);
        assertEquals("epoch 0.15 · train 0.1 · validation 0.1", MonitorCharts.readout(accuracy, 0.15));
        assertEquals("epoch 0.25 · train 0.3 · validation 0.1", MonitorCharts.readout(accuracy, 0.25));
        assertEquals("", MonitorCharts.readout(accuracy, 0.05), "before the first point");
    }

    private static MonitorViewModel oneStepAndOneValidation() {
        MonitorViewModel vm = new MonitorViewModel();
        long macs = TestEvents.SUPERNET.macs();
        vm.accept(List.of(TestEvents.started(),
                new StepMetrics(10, 0.1, 2.3, 0.1, 0.1328125, 0.03, 1.0, 900),
                new EvalMetrics(10, 0.1, 2.3, 0.1, 0, 0, macs, macs, macs, TestEvents.SUPERNET.params(),
                        TestEvents.SUPERNET.params(), 40, 4, 2)));
        return vm;
    }
}
