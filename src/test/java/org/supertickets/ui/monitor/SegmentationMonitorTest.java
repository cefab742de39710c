package org.supertickets.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.RunFinished;
import org.supertickets.train.SegmentationMetrics;
import org.supertickets.train.StepMetrics;
import org.supertickets.ui.TestEvents;

/**
 * A segmentation run on the monitor: its accuracy curves and headline say "pixel", and the mean IoU, with and
 * without the background, stands beside them; a classification run reads as before.
 */
class SegmentationMonitorTest {

    private static SearchSpaceConfig demo() throws Exception {
        return ConfigResolver.resolve(ConfigIo.read(Path.of("sample-configs/segmentation-demo.json")));
    }

    private static EvalMetrics eval(double epoch, String heldOut, double pixelAccuracy, double iou, double objects) {
        return new EvalMetrics(17, epoch, 0.6, pixelAccuracy, 0.2, 0.2, 1000, 800, 800, 100, 80, 40, 4, 2, heldOut,
                new SegmentationMetrics(iou, objects, new double[] {0.9, objects}));
    }

    private static ChartModel accuracyChart(MonitorViewModel vm) {
        return vm.charts().stream().filter(c -> c.id().equals("accuracy")).findFirst().orElseThrow();
    }

    private static SeriesModel named(ChartModel chart, String name) {
        return chart.series().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no series '" + name + "' in " + chart.series().stream()
                        .map(SeriesModel::name).toList()));
    }

    @Test
    void theAccuracyChartShowsPixelAccuracyAndBothMeanIous() throws Exception {
        MonitorViewModel vm = new MonitorViewModel();
        vm.plan(demo());
        vm.accept(List.of(new StepMetrics(10, 0.3, 0.7, 0.75, 0.1, 0.01, 1.0, 900),
                eval(0.5, EvalMetrics.VALIDATION, 0.80, 0.10, 0.02),
                eval(1.0, EvalMetrics.VALIDATION, 0.81, 0.11, 0.03)));

        assertTrue(vm.segmentation());
        ChartModel accuracy = accuracyChart(vm);
        assertEquals("Pixel accuracy and mean IoU (segmentation)", accuracy.title());
        assertEquals(2, named(accuracy, "validation pixel accuracy").size());
        assertEquals(1, named(accuracy, "train pixel accuracy").size());
        SeriesModel iou = named(accuracy, "validation mIoU (background included)");
        assertEquals(0.11, iou.y(iou.size() - 1), 1e-12);
        SeriesModel objects = named(accuracy, "validation mIoU (objects only)");
        assertEquals(0.03, objects.y(objects.size() - 1), 1e-12);

        String headline = vm.headlineProperty().get();
        assertTrue(headline.contains("train pixel acc 75.0%"), headline);
        assertTrue(headline.contains("val pixel acc 81.0% · val mIoU 11.0% (objects only 3.0%)"), headline);
        assertFalse(headline.contains(" train acc "), headline);

        vm.accept(List.of(new RunFinished(99, 3, RunFinished.Outcome.COMPLETED, "ok", 0.811, 0.5, 0.808, 0.7, 1000,
                300, 100, 11, 1e10, new SegmentationMetrics(0.114, 0.031, new double[] {0.94, 0.031}))));
        headline = vm.headlineProperty().get();
        assertTrue(headline.contains("ticket test pixel acc 81.1%, test mIoU 11.4% (objects only 3.1%)"), headline);
    }

    @Test
    void aRunWithoutValidationSplitNamesItsTestSetMeanIou() throws Exception {
        MonitorViewModel vm = new MonitorViewModel();
        vm.plan(demo());
        vm.accept(List.of(eval(0.5, EvalMetrics.TEST, 0.80, 0.20, 0.12)));
        ChartModel accuracy = accuracyChart(vm);
        assertEquals(1, named(accuracy, "test-set mIoU (background included, no validation split)").size());
        assertEquals(0, named(accuracy, "validation mIoU (background included)").size());
        assertTrue(vm.headlineProperty().get().contains("TEST mIoU 20.0% (objects only 12.0%)"),
                vm.headlineProperty().get());
    }

    @Test
    void theLegendNamesTheSegmentationCurvesAndAClassificationRunReadsAsBefore() throws Exception {
        MonitorViewModel vm = new MonitorViewModel();
        vm.plan(demo());
        vm.accept(List.of(new StepMetrics(10, 0.3, 0.7, 0.75, 0.1, 0.01, 1.0, 900),
                eval(0.5, EvalMetrics.VALIDATION, 0.80, 0.10, 0.02)));
        ChartModel accuracy = accuracyChart(vm);
        JFreeChart chart = MonitorCharts.build(accuracy, vm.barWidth());
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        for (int i = 0; i < accuracy.series().size(); i++) {
            MonitorCharts.show(accuracy.series().get(i), data.getSeries(i), 600);
        }
        LegendItemCollection legend = chart.getXYPlot().getLegendItems();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            named.add(legend.get(i).getLabel());
        }
        assertEquals(List.of("train pixel accuracy", "validation pixel accuracy",
                "validation mIoU (background included)", "validation mIoU (objects only)"), named);

        // The same monitor planning a classification run: the names and title it always had.
        vm.plan(TestEvents.CONFIG);
        assertFalse(vm.segmentation());
        assertEquals("Accuracy", accuracy.title());
        assertEquals(List.of("train", "validation", "test set (no validation split)"),
                accuracy.series().subList(0, 3).stream().map(SeriesModel::name).toList());
        vm.accept(List.of(TestEvents.started(), new StepMetrics(10, 0.1, 2.3, 0.5, 0.1, 0.03, 1.0, 900)));
        assertTrue(vm.headlineProperty().get().contains(" · train acc 50.0%"), vm.headlineProperty().get());
    }
}
