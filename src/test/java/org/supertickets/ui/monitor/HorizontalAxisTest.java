package org.supertickets.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.supertickets.run.TimedEvent;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.session.RunHistory;

/**
 * TensorBoard's "Horizontal axis" in the Monitor (the "relative/wall-time x axes"): a run's points and
 * markers on epochs, steps, the time since its start and the clock, by its log's times.
 */
class HorizontalAxisTest {

    private static final long MACS = TestEvents.SUPERNET.macs();
    private static final Instant START = Instant.parse("2026-12-07T21:46:40Z");

    private final MonitorViewModel vm = new MonitorViewModel();

    private static EvalMetrics eval(long step, double accuracy) {
        return new EvalMetrics(step, step / 100.0, 0.6, accuracy, 0.2, 0.2, MACS, MACS, MACS, 1000, 800, 40, 4, 2);
    }

    private static StepMetrics step(long step, double accuracy) {
        return new StepMetrics(step, step / 100.0, 0.5, accuracy, 0.1, 0.01, 1.0, 900);
    }

    /**
     * Started at {@link #START}; epoch 1 reached a minute later, its evaluation written ten seconds after that;
     * epoch 2 three minutes after the start.
     */
    private static RunHistory timedHistory() {
        RunHistory h = new RunHistory();
        h.add(TestEvents.started(), START);
        h.add(step(100, 0.5), START.plusSeconds(60));
        h.add(eval(100, 0.4), START.plusSeconds(70));
        h.add(step(200, 0.7), START.plusSeconds(180));
        return h;
    }

    private SeriesModel trainAccuracy() {
        return vm.charts().get(0).series().get(0);
    }

    private SeriesModel validationAccuracy() {
        return vm.charts().get(0).series().get(1);
    }

    @Test
    void everyAxisPlacesTheRunsPointsByItsLogsTimes() {
        vm.reset(TestEvents.CONFIG, timedHistory());
        SeriesModel train = trainAccuracy();
        assertEquals(XAxis.EPOCH, vm.shownAxisProperty().get(), "epochs until the user chooses");
        assertEquals(2.0, vm.toShownX(train.x(1)), 0);

        vm.xAxisProperty().set(XAxis.STEP);
        assertEquals(XAxis.STEP, vm.shownAxisProperty().get());
        assertEquals(200, vm.toShownX(train.x(1)), 1e-9);

        vm.xAxisProperty().set(XAxis.RELATIVE);
        assertEquals(XAxis.RELATIVE, vm.shownAxisProperty().get());
        assertEquals("", vm.axisNoteProperty().get());
        assertEquals(60, vm.toShownX(train.x(0)), 1e-9, "seconds since the run's first event");
        assertEquals(180, vm.toShownX(train.x(1)), 1e-9);
        assertEquals(60, vm.toShownX(validationAccuracy().x(0)), 1e-9,
                "the evaluation stands on its epoch's moment (the first event there), with the train point");

        vm.xAxisProperty().set(XAxis.WALL);
        assertEquals(START.plusSeconds(180).toEpochMilli(), vm.toShownX(train.x(1)), 1e-3);
    }

    @Test
    void aMarkerBetweenTwoEventsIsInterpolatedAndOnePastTheNewestStandsAtNow() {
        vm.reset(TestEvents.CONFIG, timedHistory());
        vm.xAxisProperty().set(XAxis.RELATIVE);
        assertEquals(120, vm.markerX(1.5), 1e-9, "halfway between epoch 1 (60 s) and epoch 2 (180 s)");
        assertEquals(1.5, vm.epochAtShownX(120), 1e-9, "the hover reads the same moment back");
        assertEquals(180, vm.markerX(3.5), 1e-9, "a cursor past the newest timed event stands at it");
        assertTrue(Double.isNaN(vm.toShownX(4.0)), "the planned end has no time yet: no time is made up");
        assertEquals(2.0, vm.shownUntilEpoch(), 0);

        vm.xAxisProperty().set(XAxis.STEP);
        assertEquals(150, vm.markerX(1.5), 1e-9);
        assertEquals(400, vm.toShownX(4.0), 1e-9, "steps per epoch never change: the planned end has a step");

        vm.xAxisProperty().set(XAxis.EPOCH);
        double epochWidth = vm.barWidth();
        vm.xAxisProperty().set(XAxis.RELATIVE);
        assertEquals(epochWidth * 90, vm.barWidth(), 1e-9, "the bars as wide as the run's mean 90 s per epoch");
    }

    @Test
    void theReadOutSaysWhereTheMouseIsInTheChosenUnit() {
        vm.reset(TestEvents.CONFIG, timedHistory());
        vm.setZone(ZoneOffset.UTC);
        vm.xAxisProperty().set(XAxis.RELATIVE);
        assertEquals("time 1:02:03", vm.describeShownX(3723));
        assertEquals("time 2:00", vm.describeShownX(120));
        vm.xAxisProperty().set(XAxis.WALL);
        assertEquals("at 21:49:40", vm.describeShownX(START.plusSeconds(180).toEpochMilli()));
        vm.xAxisProperty().set(XAxis.STEP);
        assertEquals("step 150", vm.describeShownX(150));

        ChartModel accuracy = vm.charts().get(0);
        vm.xAxisProperty().set(XAxis.RELATIVE);
        String where = vm.describeShownX(120);
        assertEquals("time 2:00 · train 0.5 · validation 0.4",
                MonitorCharts.readout(accuracy, vm.epochAtShownX(120), where));
        assertEquals("time 5:00 · train 0.7 · validation 0.4", MonitorCharts.readout(accuracy,
                vm.epochAtShownX(300), vm.describeShownX(300)), "after the run's newest moment: its newest values");
        assertEquals("", MonitorCharts.readout(accuracy, vm.epochAtShownX(-5), vm.describeShownX(-5)));
    }

    @Test
    void aLogWithoutTimesSaysTheTimeAxesAreUnavailableAndStaysOnEpochs() {
        vm.xAxisProperty().set(XAxis.RELATIVE);
        vm.plan(TestEvents.CONFIG);
        assertEquals(XAxis.EPOCH, vm.shownAxisProperty().get());
        assertEquals("no run yet", vm.axisNoteProperty().get());

        List<TrainingEvent> events = List.of(TestEvents.started(), step(100, 0.5), step(200, 0.7));
        vm.accept(events); // a folder written before the "time" field
        assertEquals(XAxis.RELATIVE, vm.xAxisProperty().get(), "the choice stays for the next run");
        assertEquals(XAxis.EPOCH, vm.shownAxisProperty().get());
        assertEquals("no wall-clock times in this run's log", vm.axisNoteProperty().get());
        assertEquals(1.5, vm.toShownX(1.5), 0);

        vm.xAxisProperty().set(XAxis.STEP);
        assertEquals(XAxis.STEP, vm.shownAxisProperty().get(), "steps need no times");
        assertEquals("", vm.axisNoteProperty().get());

        vm.xAxisProperty().set(XAxis.WALL);
        vm.reset(TestEvents.CONFIG, timedHistory());
        assertEquals(XAxis.WALL, vm.shownAxisProperty().get(), "the next run with times is shown on the choice");
    }

    @Test
    void anOverlaidRunStartsAtItsOwnZeroOnTheRelativeAxisAndAtItsOwnClockOnTheWallAxis() {
        Instant later = START.plusSeconds(86_400);
        OverlayCurves other = OverlayCurves.empty("other").with(List.of(
                new TimedEvent(TestEvents.started(), later),
                new TimedEvent(eval(50, 0.3), later.plusSeconds(30)),
                new TimedEvent(eval(100, 0.6), later.plusSeconds(50))));
        List<double[]> relative = other.pointsFor("accuracy", XAxis.RELATIVE);
        assertEquals(30, relative.get(0)[0], 1e-9);
        assertEquals(50, relative.get(1)[0], 1e-9);
        assertEquals(0.6, relative.get(1)[1], 0);
        assertEquals(later.plusSeconds(50).toEpochMilli(), other.pointsFor("loss", XAxis.WALL).get(1)[0], 1e-3);

        OverlayCurves untimed = OverlayCurves.empty("old").with(List.of(new TimedEvent(eval(50, 0.3), null)));
        assertTrue(untimed.pointsFor("accuracy", XAxis.RELATIVE).isEmpty(), "no time, no place on a time axis");
        assertEquals(1, untimed.pointsFor("accuracy", XAxis.EPOCH).size());
    }

    @Test
    void theChartsTickTheTimeSinceTheStartAsAStopwatchAndTheClockAsDates() {
        vm.reset(TestEvents.CONFIG, timedHistory());
        JFreeChart chart = MonitorCharts.build(vm.charts().get(0), vm.barWidth());
        MonitorCharts.horizontalAxis(chart, XAxis.RELATIVE, XAxis.RELATIVE.label());
        NumberAxis relative = assertInstanceOf(NumberAxis.class, chart.getXYPlot().getDomainAxis());
        assertEquals("time since the run's start", relative.getLabel());
        assertEquals("1:15", relative.getStandardTickUnits().getCeilingTickUnit(60).valueToString(75));
        assertEquals("1:02:03", relative.getStandardTickUnits().getCeilingTickUnit(3600).valueToString(3723));
        MonitorCharts.horizontalAxis(chart, XAxis.WALL, XAxis.WALL.label());
        assertInstanceOf(DateAxis.class, chart.getXYPlot().getDomainAxis());
        MonitorCharts.horizontalAxis(chart, XAxis.EPOCH, XAxis.EPOCH.label());
        assertFalse(chart.getXYPlot().getDomainAxis() instanceof DateAxis);
    }

    @Test
    void aRepeatedEpochKeepsTheMomentTheRunGotThereAndAClockSteppedBackIsSkipped() {
        RunClock clock = new RunClock();
        clock.add(0, 0, START);
        clock.add(1, 100, START.plusSeconds(10));
        clock.add(1, 100, START.plusSeconds(20));
        clock.add(2, 200, START.plusSeconds(5)); // the clock was set back
        clock.add(3, 300, START.plusSeconds(40));
        assertEquals(10, clock.toAxis(1, XAxis.RELATIVE), 1e-9);
        assertEquals(25, clock.toAxis(2, XAxis.RELATIVE), 1e-9, "interpolated between epochs 1 and 3");
        assertEquals(250, clock.toAxis(2.5, XAxis.STEP), 1e-9);
        assertTrue(Double.isNaN(new RunClock().toAxis(1, XAxis.RELATIVE)));
        assertFalse(new RunClock().supports(XAxis.STEP));
    }
}
