package org.supertickets.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckMenuItem;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.supertickets.run.EventJson;
import org.supertickets.run.RunFolder;
import org.supertickets.space.ConfigIo;
import org.supertickets.train.EvalMetrics;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.TestWindows;
import org.supertickets.ui.WorkbenchWindow;

/**
 * Issue 32 item 1: several runs at once, as TensorBoard overlays them — another run of the list ticked in the
 * Monitor's Overlay menu has its held-out curves drawn over the shown run's, and grows while it is written.
 */
@ExtendWith(ApplicationExtension.class)
class OverlayFlowTest {

    @TempDir
    static Path dir;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.QUICK_RUN, dir.resolve("runs"), "supertickets-ui-overlay-test");
    }

    private static String eval(int step, double accuracy) {
        var n = TestEvents.SUPERNET;
        return EventJson.toJson(new EvalMetrics(step, step / 100.0, 1 - accuracy, accuracy, 0.1, 0.1, n.macs(),
                n.macs(), n.macs(), n.params(), n.params(), 100, 9, 3)) + "\n";
    }

    private static Path runFolder(String name, double... accuracies) throws Exception {
        Path folder = dir.resolve("runs").resolve(name);
        RunFolder run = new RunFolder(folder);
        Files.createDirectories(folder);
        ConfigIo.write(run.config(), TestEvents.CONFIG);
        StringBuilder lines = new StringBuilder(EventJson.toJson(TestEvents.started()) + "\n");
        for (int i = 0; i < accuracies.length; i++) {
            lines.append(eval(50 * (i + 1), accuracies[i]));
        }
        Files.writeString(run.metrics(), lines);
        return folder;
    }

    /**
     * A run folder as a run writes it, every metrics line with its time: started at {@code start}, evaluated every
     * 50 steps (half an epoch), ten seconds apart. Outside {@code runs/}: the other test's window lists what is there.
     */
    private static Path timedRunFolder(String name, Instant start, double... accuracies) throws Exception {
        Path folder = dir.resolve("timed").resolve(name);
        RunFolder run = new RunFolder(folder);
        Files.createDirectories(folder);
        ConfigIo.write(run.config(), TestEvents.CONFIG);
        StringBuilder lines = new StringBuilder(EventJson.toJson(TestEvents.started(), start) + "\n");
        for (int i = 0; i < accuracies.length; i++) {
            var n = TestEvents.SUPERNET;
            int step = 50 * (i + 1);
            lines.append(EventJson.toJson(new EvalMetrics(step, step / 100.0, 1 - accuracies[i], accuracies[i], 0.1,
                    0.1, n.macs(), n.macs(), n.macs(), n.params(), n.params(), 100, 9, 3),
                    start.plusSeconds(10L * (i + 1)))).append('\n');
        }
        Files.writeString(run.metrics(), lines);
        return folder;
    }

    /** The x of a chart series' points, read on the FX thread. */
    private static List<Double> xs(XYSeriesCollection data, int series) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<Double> out = new java.util.ArrayList<>();
            for (int i = 0; i < data.getSeries(series).getItemCount(); i++) {
                out.add(data.getSeries(series).getX(i).doubleValue());
            }
            return out;
        }).get();
    }

    /** The overlaid run's points on the chart, read on the FX thread that redraws them; -1 while none is shown. */
    private static int points(XYSeriesCollection layer) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> layer.getSeriesCount() == 1 ? layer.getSeries(0).getItemCount() : -1)
                .get();
    }

    @Test
    void aTickedRunIsDrawnOverTheShownOneAndGrowsWhileItIsWritten(FxRobot robot) throws Exception {
        Path shown = runFolder("shown-run", 0.5, 0.6);
        Path other = runFolder("other-run", 0.4, 0.55, 0.7);
        robot.interact(() -> window.vm().runs().openFolder(other));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.vm().runs().entries().size() == 1);
        robot.interact(() -> window.vm().runs().openFolder(shown));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.vm().runs().entries().size() == 2
                && window.vm().runs().getSelected() != null
                && window.vm().runs().getSelected().getFolder().equals(shown));
        MonitorTab tab = window.view().monitorTab();
        List<CheckMenuItem>[] offered = new List[1];
        robot.interact(() -> offered[0] = tab.overlayMenuItems());
        assertEquals(1, offered[0].size(), "every other run of the list, not the shown one");
        assertTrue(offered[0].get(0).getText().startsWith("other-run"), offered[0].get(0).getText());

        robot.interact(() -> {
            offered[0].get(0).setSelected(true);
            offered[0].get(0).fire();
        });
        XYSeriesCollection layer = (XYSeriesCollection) tab.monitorView().chart("accuracy").getXYPlot()
                .getDataset(MonitorCharts.OVERLAY_LAYER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> points(layer) == 3);
        assertEquals("other-run", layer.getSeries(0).getKey());
        assertEquals(0.55, layer.getSeries(0).getY(1).doubleValue(), 1e-12);

        // live: the overlaid run writes another evaluation
        Files.writeString(new RunFolder(other).metrics(), eval(200, 0.75), StandardOpenOption.APPEND);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> points(layer) == 4);
        assertEquals(0.75, layer.getSeries(0).getY(3).doubleValue(), 1e-12);

        robot.interact(() -> {
            CheckMenuItem again = tab.overlayMenuItems().get(0);
            assertTrue(again.isSelected(), "the menu remembers the tick");
            again.setSelected(false);
            again.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, layer.getSeriesCount(), "unticked: off the charts");
    }

    @Test
    void theHorizontalAxisChoicePutsTheShownAndTheOverlaidRunOnTheirOwnClocks(FxRobot robot) throws Exception {
        // issue: TensorBoard's relative and wall x axes. The overlaid run started a day later.
        Instant start = Instant.parse("2026-12-07T21:46:40Z");
        Path shown = timedRunFolder("timed-shown", start, 0.5, 0.6);
        Path other = timedRunFolder("timed-other", start.plusSeconds(86_400), 0.4, 0.55, 0.7);
        robot.interact(() -> window.vm().runs().openFolder(other));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.vm().runs().entries().stream()
                .anyMatch(e -> other.equals(e.getFolder())));
        robot.interact(() -> window.vm().runs().openFolder(shown));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.vm().runs().getSelected() != null
                && window.vm().runs().getSelected().getFolder().equals(shown)
                && window.vm().runs().getSelected().session().history().evals().size() == 2);
        MonitorTab tab = window.view().monitorTab();
        robot.interact(() -> {
            CheckMenuItem item = tab.overlayMenuItems().stream().filter(i -> i.getText().startsWith("timed-other"))
                    .findFirst().orElseThrow();
            item.setSelected(true);
            item.fire();
        });
        var plot = tab.monitorView().chart("accuracy").getXYPlot();
        XYSeriesCollection own = (XYSeriesCollection) plot.getDataset();
        XYSeriesCollection layer = (XYSeriesCollection) plot.getDataset(MonitorCharts.OVERLAY_LAYER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> points(layer) == 3);
        assertEquals(List.of(0.5, 1.0), xs(own, 1), "by epoch until the user chooses");

        robot.clickOn("#monitor-x-axis");
        robot.clickOn("Relative");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(XAxis.RELATIVE, window.vm().monitor().shownAxisProperty().get());
        assertEquals(List.of(10.0, 20.0), xs(own, 1), "seconds since the shown run's start");
        assertEquals(List.of(10.0, 20.0, 30.0), xs(layer, 0), "the overlaid run from its own start, a day later");
        assertEquals("time since the run's start", plot.getDomainAxis().getLabel());

        robot.interact(() -> window.vm().monitor().xAxisProperty().set(XAxis.WALL));
        assertEquals(start.plusSeconds(20).toEpochMilli(), xs(own, 1).get(1), 1e-3);
        assertEquals(start.plusSeconds(86_400 + 30).toEpochMilli(), xs(layer, 0).get(2), 1e-3,
                "the overlaid run at its own clock times");
        assertTrue(plot.getDomainAxis() instanceof org.jfree.chart.axis.DateAxis);
    }
}
