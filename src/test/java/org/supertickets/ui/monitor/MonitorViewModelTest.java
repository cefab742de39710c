package org.supertickets.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.TestEvents;

/** Issue 11, item 9: the monitor's headline and its charts describe the same moment. */
class MonitorViewModelTest {

    private static final long MACS = TestEvents.SUPERNET.macs();

    private final MonitorViewModel vm = new MonitorViewModel();

    @BeforeEach
    void plan() {
        vm.plan(TestEvents.CONFIG);
    }

    /** One evaluation interval ending at {@code epoch}: steps, evaluation, then the shrink and the prune. */
    private static List<TrainingEvent> interval(double epoch, double evalSparsity, double prunedSparsity,
            long evalMacs, long shrunkMacs, double trainAccuracy) {
        long step = Math.round(epoch * 100);
        List<TrainingEvent> events = new ArrayList<>();
        events.add(new StepMetrics(step, epoch, 0.5, trainAccuracy, 0.1, 0.01, 1.0, 900));
        events.add(new EvalMetrics(step, epoch, 0.6, trainAccuracy - 0.1, evalSparsity, evalSparsity, evalMacs,
                evalMacs, evalMacs, 1000, 800, 40, 4, 2));
        events.add(new ShrinkEvent(step, epoch, 5, 0, evalMacs, shrunkMacs, true, TestEvents.SUPERNET));
        events.add(new PruneEvent(step, epoch, 1, prunedSparsity, prunedSparsity, 0.01, 3, 40, false, List.of()));
        return events;
    }

    private String headline() {
        return vm.headlineProperty().get();
    }

    /** The y a chart's series shows at the cursor. */
    private static double shownAt(SeriesModel s, double epoch) {
        return s.y(s.lastIndexAtOrBefore(epoch));
    }

    @Test
    void theHeadlineShowsTheSparsityAndMacsAfterTheStepsShrinkAndPruneAsTheChartsDo() {
        vm.accept(interval(1.0, 0.2, 0.4, MACS / 2, MACS / 4, 0.8));
        assertTrue(headline().contains("sparsity 40.0%"), headline());
        assertTrue(headline().contains("MACs 25.0% of supernet"), headline());

        SeriesModel sparsity = vm.charts().get(2).series().get(1);
        SeriesModel macs = vm.charts().get(3).series().get(0);
        vm.setCursorEpoch(1.0, true);
        assertTrue(headline().contains(String.format(java.util.Locale.ROOT, "sparsity %.1f%%",
                100 * shownAt(sparsity, 1.0))), headline());
        assertTrue(headline().contains(String.format(java.util.Locale.ROOT, "MACs %.1f%%", shownAt(macs, 1.0))),
                headline());
    }

    @Test
    void scrubbingBackShowsTheNumbersOfThatMomentAndTheEndShowsTheLatestAgain() {
        vm.accept(interval(1.0, 0.2, 0.4, MACS / 2, MACS / 4, 0.8));
        vm.accept(interval(2.0, 0.4, 0.6, MACS / 4, MACS / 5, 0.9));
        vm.accept(List.of(new StepMetrics(230, 2.3, 0.4, 0.95, 0.1, 0.01, 1.0, 950)));

        vm.setCursorEpoch(1.0, false);
        assertEquals("epoch 1.00 / 4 · train acc 80.0% · loss 0.500 · 900 img/s · val acc 70.0% · sparsity 40.0% "
                + "· MACs 25.0% of supernet", headline());

        vm.setCursorEpoch(2.0, true);
        assertEquals("epoch 2.30 / 4 · train acc 95.0% · loss 0.400 · 950 img/s · val acc 80.0% · sparsity 60.0% "
                + "· MACs 20.0% of supernet", headline(), "following the run: the latest numbers");
    }

    @Test
    void beforeAnyEventThePlanStaysInTheHeadline() {
        vm.setCursorEpoch(0, true);
        assertTrue(headline().startsWith("Planned: 4 epochs"), headline());
    }

    @Test
    void theTrainCurvesSmoothAsTensorBoardSmoothsADebiasedMovingAverage() {
        // issue 32: TensorBoard's smoothing slider; by hand with weight 0.5 on 1, 0, 1
        SeriesModel raw = new SeriesModel("train", SeriesModel.Style.LINE).withSmoothing();
        raw.add(0.1, 1);
        raw.add(0.2, 0);
        raw.add(0.3, 1);
        SeriesModel smoothed = raw.smoothed(0.5);
        assertEquals(1.0, smoothed.y(0), 1e-12, "debiased: the first point is itself, not half of it");
        assertEquals(0.25 / 0.75, smoothed.y(1), 1e-12);
        assertEquals(0.625 / 0.875, smoothed.y(2), 1e-12);
        assertEquals(0.3, smoothed.x(2), 0);
        assertEquals(0.0, raw.smoothed(0).y(1), 0, "weight 0 is the raw curve");
        MonitorViewModel vm = new MonitorViewModel();
        assertTrue(vm.charts().stream().flatMap(c -> c.series().stream()).filter(SeriesModel::smoothable)
                .count() == 2, "train accuracy and train loss");
        assertEquals(0, vm.smoothingProperty().get(), 0, "off until the user asks");
    }
}
