package org.supertickets.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.report.ChannelChange;
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
 * What a user clicks in the Compare tab, headless (Monocle): two finished runs with tickets appear as rows, the
 * plots and curves receive their points, selecting both rows fills the ticket diff, a folder that is not a run is
 * refused by name, and Remove drops a row. A sparsity sweep brings a "Sweep curves" check box above the plots,
 * which switches them from a point per run to a line through the mean at each target sparsity with the interval
 * over seeds; runs that are no sweep hide it. No training: the runs are written event by event.
 */
@ExtendWith(ApplicationExtension.class)
class CompareFlowTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path dir;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.CONFIG, dir.resolve("runs"), "supertickets-ui-compare-test");
    }

    @Test
    void finishedRunsAppearAsRowsPlotsCurvesAndTicketDiff(FxRobot robot) throws Exception {
        RunFolder a = TinyRuns.finished(dir, "alpha", TinyTickets.CONFIG, 0.8123, 3000);
        RunFolder b = TinyRuns.finished(dir, "beta", TinyTickets.CONFIG.frozen().withName("beta"), 0.7, 2000);
        TinyTickets.write(a.ticket(), Map.of(), Map.of(), 0.8123, a.name());
        TinyTickets.write(b.ticket(), Map.of(1, Map.of(5, new int[0])), Map.of("stem.conv", 10), 0.7, b.name());
        CompareViewModel vm = window.vm().compare();
        CompareView view = window.view().compareView();

        robot.interact(() -> window.view().tabs().getSelectionModel().select(4));
        assertEquals("Compare", window.view().tabs().getSelectionModel().getSelectedItem().getText());
        assertTrue(robot.lookup("#compare-table").tryQuery().isPresent(), "the Compare tab is shown");

        // The directory chooser cannot be driven headless: add through the ViewModel, as the chooser does.
        robot.interact(() -> vm.add(List.of(a.path(), b.path())));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.table().getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(a.name(), b.name()), view.table().getItems().stream().map(ComparedRun::name).toList());
        assertTrue(shownCell(robot, a.name()), "run name cell");
        assertTrue(shownCell(robot, "81.23%"), "test accuracy cell of alpha");
        assertTrue(shownCell(robot, "dense"), "method cell of beta");
        var macs = view.charts().get(1).getXYPlot().getDataset();
        int points = 0;
        for (int s = 0; s < macs.getSeriesCount(); s++) {
            String key = String.valueOf(macs.getSeriesKey(s));
            points += key.equals("supertickets") || key.equals("dense") ? macs.getItemCount(s) : 0;
        }
        assertEquals(2, points, "accuracy vs MACs: a point per run, in its method's series");
        assertEquals(3, view.charts().get(3).getXYPlot().getDataset().getItemCount(0), "alpha's accuracy curve");

        // The dark theme reaches the comparison plots and curves, and they come back light.
        robot.interact(() -> window.view().darkProperty().set(true));
        for (var chart : view.charts()) {
            assertEquals(new java.awt.Color(0x1f2227), chart.getXYPlot().getBackgroundPaint(), "dark plot");
        }
        robot.interact(() -> window.view().darkProperty().set(false));
        assertEquals(new java.awt.Color(0xfbfbfc), view.charts().get(0).getXYPlot().getBackgroundPaint());

        // Select both rows: the diff compares their tickets.
        robot.clickOn(cell(robot, a.name()));
        robot.press(KeyCode.SHIFT).clickOn(cell(robot, b.name())).release(KeyCode.SHIFT);
        assertEquals(2, vm.selectedProperty().get().size());
        robot.interact(() -> view.sections().getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.diff().getDiff() != null
                && b.ticket().equals(vm.diff().folder(TicketDiffViewModel.Side.B)));
        WaitForAsyncUtils.waitForFxEvents();
        TicketDiffView diff = view.diffView();
        assertEquals(ChannelChange.Kind.REMOVED_IN_B, diff.channelsTable().getItems().get(5).kind());
        assertTrue(diff.graphView(TicketDiffViewModel.Side.A).canvas().changedLayersProperty().get()
                .contains("blocks.1.dw.k5"), "the removed branch is marked");
        assertNotNull(diff.graphView(TicketDiffViewModel.Side.B).canvas().frameProperty().get());
        assertTrue(shownCell(robot, "removed in B") || shownCell(robot, "Δ removed in B"));

        // A folder that is not a run: refused by name, nothing added.
        Path photos = Files.createDirectories(dir.resolve("photos"));
        robot.interact(() -> vm.add(List.of(photos)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.lastError().isEmpty());
        assertTrue(window.lastError().startsWith("Cannot compare photos:"), window.lastError());
        assertEquals(2, view.table().getItems().size());

        // Remove the selected beta row with the button.
        robot.clickOn(cell(robot, b.name()));
        robot.clickOn("#remove-runs");
        assertEquals(List.of(a.name()), vm.runs().stream().map(ComparedRun::name).toList());
        assertFalse(view.table().getItems().stream().anyMatch(r -> r.name().equals(b.name())));
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

    private static boolean shownCell(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof TableCell<?, ?> c && text.equals(c.getText()) && c.isVisible())
                .tryQuery().isPresent();
    }

    private static TableCell<?, ?> cell(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).queryAs(TableCell.class);
    }
}
