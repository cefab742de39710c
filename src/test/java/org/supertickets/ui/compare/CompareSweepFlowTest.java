package org.supertickets.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.report.ComparedRun;
import org.supertickets.run.RunFolder;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.TestWindows;
import org.supertickets.ui.WorkbenchWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A sparsity sweep in the Compare tab, headless (Monocle): its runs bring a "Sweep curves" check box above the
 * plots, which switches the three plots from a point per run to a line through the mean at each target sparsity
 * with the interval over seeds; runs that are no sweep hide it. No training: the runs are written event by event.
 */
@ExtendWith(ApplicationExtension.class)
class CompareSweepFlowTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path dir;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.CONFIG, dir.resolve("runs"), "supertickets-ui-compare-sweep-test");
    }

    @Test
    void theSweepCheckBoxSwitchesThePlotsToCurvesAndHidesWhenTheRunsAreNoSweep(FxRobot robot) throws Exception {
        List<RunFolder> sweep = SweepCompareViewModelTest.sweep(dir);
        CompareViewModel vm = window.vm().compare();
        CompareView view = window.view().compareView();
        robot.interact(() -> window.view().tabs().getSelectionModel().select(4));
        assertEquals("Compare", window.view().tabs().getSelectionModel().getSelectedItem().getText());
        CheckBox toggle = robot.lookup("#compare-sweep-curves").queryAs(CheckBox.class);
        assertFalse(toggle.isVisible(), "no runs, no sweep");

        robot.interact(() -> vm.add(sweep.stream().map(RunFolder::path).toList()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.table().getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(toggle.isVisible(), "four runs at two targets: a sweep");
        assertFalse(toggle.isSelected());
        for (JFreeChart plot : view.charts().subList(0, 3)) {
            assertInstanceOf(XYSeriesCollection.class, plot.getXYPlot().getDataset(), "a point per run first");
        }

        robot.clickOn("#compare-sweep-curves");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.sweepCurvesShownProperty().get());
        for (JFreeChart plot : view.charts().subList(0, 3)) {
            YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getXYPlot().getDataset();
            assertEquals(1, data.getSeriesCount(), "one method and setting: one curve");
            assertEquals(2, data.getItemCount(0), "a point per target sparsity");
        }
        var macs = view.charts().get(1).getXYPlot();
        String tip = macs.getRenderer().getToolTipGenerator(0, 0).generateToolTip(macs.getDataset(), 0, 0);
        assertTrue(tip.startsWith("supertickets: target sparsity 0.5, 2 seeds, test accuracy 76.50% ± "), tip);
        assertTrue(view.charts().get(0).getTitle().getText().endsWith("mean ± 95% CI per target sparsity"));

        // The runs at 0.9 removed: one target left, no sweep, the box hidden and a point per run again.
        List<ComparedRun> sparse = vm.runs().stream().filter(r -> r.name().startsWith("t0.9")).toList();
        robot.interact(() -> vm.remove(sparse));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(toggle.isVisible());
        assertInstanceOf(XYSeriesCollection.class, view.charts().get(1).getXYPlot().getDataset());
    }
}
