package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.train.EvalMetrics;
import org.supertickets.ui.monitor.ChartModel;
import org.supertickets.ui.monitor.SeriesModel;
import org.supertickets.ui.runqueue.LocalRunLauncher;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunStatus;

/**
 * The single feed, end to end with real training: a run followed live as this process trains it, the same run
 * resumed after a stop, and its folder opened afterwards all draw the same monitor curves, point for point — every
 * run reaches the charts the same way, from its folder.
 */
class SingleFeedTest {

    @TempDir
    Path runs;

    @Test
    void aLocalRunAResumedRunAndTheirOpenedFoldersDrawIdenticalCharts() throws Exception {
        WorkbenchViewModel vm = new WorkbenchViewModel(DirectRunner.create(), new RecordingNotifier(),
                new LocalRunLauncher(), runs, TestEvents.QUICK_RUN, null, System::nanoTime);
        List<RunEndNotices.Notice> notices = new java.util.ArrayList<>();
        RunEndNotices.install(vm.runs().entries(), notices::add);
        try {
            // Live, as this process trains it: the monitor follows the run it started.
            RunEntry local = vm.runs().enqueue(TestEvents.QUICK_RUN);
            pumpUntil(vm, () -> local.getStatus().ended());
            assertEquals(RunStatus.COMPLETED, local.getStatus(), local.messageProperty().get());
            List<String> live = charts(vm);
            assertFalse(vm.monitor().charts().get(0).isEmpty(), "the run drew its curves");

            // The same folder opened from disk.
            vm.runs().openFolder(local.getFolder());
            RunEntry opened = vm.runs().getSelected();
            assertTrue(opened != local && opened.getFolder().equals(local.getFolder()));
            pumpUntil(vm, () -> opened.getStatus().ended());
            assertEquals(live, charts(vm), "an opened folder draws what the live run drew");

            // A run stopped at its first evaluation (a checkpoint is written on stop), then resumed in its folder.
            AtomicBoolean stopOnce = new AtomicBoolean(true);
            vm.runs().setRunObserver((entry, control) -> event -> {
                if (event instanceof EvalMetrics && stopOnce.getAndSet(false)) {
                    control.cancel(); // on the training thread: the run stops at this very event
                }
            });
            RunEntry stopped = vm.runs().enqueue(TestEvents.QUICK_RUN);
            pumpUntil(vm, () -> stopped.getStatus().ended());
            assertEquals(RunStatus.STOPPED, stopped.getStatus(), stopped.messageProperty().get());
            vm.runs().resumeFromCheckpoint(stopped);
            pumpUntil(vm, () -> stopped.getStatus() == RunStatus.COMPLETED);
            assertEquals(RunStatus.COMPLETED, stopped.getStatus(), stopped.messageProperty().get());
            // issue 30 item 6: the resumed run's end notice gave the engine line, not the result
            RunEndNotices.Notice end = notices.get(notices.size() - 1);
            assertEquals("Run completed: " + stopped.getName(), end.title());
            assertTrue(end.text().contains("ticket: test accuracy") && !end.text().contains("PyTorch"), end.text());
            List<String> resumed = charts(vm);
            assertTrue(stopped.session().history().started().resumed(), "the charts show the resumed attempt");

            vm.runs().openFolder(stopped.getFolder());
            RunEntry reopened = vm.runs().getSelected();
            pumpUntil(vm, () -> reopened != stopped && reopened.getStatus().ended());
            assertEquals(resumed, charts(vm), "a resumed run draws what its folder holds, once");
            // Resuming is exact, so the stopped-and-resumed run's curves are the uninterrupted run's.
            assertEquals(live, resumed);
        } finally {
            vm.runs().close();
        }
    }

    /** Pumps as the window does, every 100 ms, until {@code done} holds (at most 5 minutes), then once more. */
    private static void pumpUntil(WorkbenchViewModel vm, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            vm.pump();
            Thread.sleep(100);
        }
        vm.pump();
    }

    /** Every point of every monitor series, exactly (not the CSV's rounded numbers). */
    private static List<String> charts(WorkbenchViewModel vm) {
        List<String> out = new ArrayList<>();
        for (ChartModel chart : vm.monitor().charts()) {
            for (SeriesModel s : chart.series()) {
                StringBuilder points = new StringBuilder(chart.id() + "/" + s.name() + ":");
                for (int i = 0; i < s.size(); i++) {
                    points.append(' ').append(s.x(i)).append(',').append(s.y(i));
                }
                out.add(points.toString());
            }
        }
        return out;
    }
}
