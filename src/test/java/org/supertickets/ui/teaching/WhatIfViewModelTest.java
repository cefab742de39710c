package org.supertickets.ui.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunFinished;
import org.supertickets.train.WhatIf;
import org.supertickets.train.WhatIfMeasure;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.runqueue.LocalRunLauncher;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunStatus;
import org.supertickets.ui.runqueue.RunsViewModel;
import org.supertickets.ui.session.TimelineViewModel;

/**
 * What-if by hand on a real paused run: it measures the edited copy, undo returns to the run's own numbers, and
 * the run itself never notices — its next metrics are bit for bit those of the same run without a what-if.
 */
class WhatIfViewModelTest {

    @TempDir
    Path runs;

    /** What one step-mode run reported after its first pause, and what the what-if measured there. */
    private record Outcome(List<EvalMetrics> evals, List<PruneEvent> prunes, RunFinished finished,
            WhatIfMeasure baseline, WhatIfMeasure edited, WhatIfMeasure undone, String banner) {
    }

    private Outcome run(String name, boolean whatIfAtFirstPause) throws Exception {
        RunsViewModel runsVm = new RunsViewModel(DirectRunner.create(), new LocalRunLauncher(),
                new RecordingNotifier(), runs.resolve(name), System::nanoTime);
        StepModeViewModel step = new StepModeViewModel(runsVm);
        runsVm.setRunObserver(step);
        TeachingViewModel teaching = new TeachingViewModel(DirectRunner.create(), runsVm, new TimelineViewModel(),
                step);
        WhatIfViewModel whatIf = teaching.whatIf();
        step.enabledProperty().set(true);
        RunEntry entry = runsVm.enqueue(TestEvents.QUICK_RUN);
        WhatIfMeasure baseline = null;
        WhatIfMeasure edited = null;
        WhatIfMeasure undone = null;
        String banner = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!entry.getStatus().ended() && System.nanoTime() < deadline) {
            runsVm.pump();
            step.pump();
            teaching.pump();
            if (step.waitingProperty().get()) {
                // The trainer hands out its copy just before it waits.
                while (whatIf.inspectedProperty().get() == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    teaching.pump();
                }
                assertEquals(RunStatus.PAUSED, entry.getStatus());
                if (whatIfAtFirstPause) {
                    baseline = whatIf.measuredProperty().get();
                    whatIf.switchOffBranch(1, 5);
                    whatIf.setGlobalSparsity(0.9);
                    edited = whatIf.measuredProperty().get();
                    banner = whatIf.bannerProperty().get();
                    whatIf.undo();
                    whatIf.undo();
                    undone = whatIf.measuredProperty().get();
                }
                step.runOn(); // both runs pause once, at the same event, and then train on
            }
            Thread.sleep(10);
        }
        runsVm.pump();
        assertEquals(RunStatus.COMPLETED, entry.getStatus(), entry.messageProperty().get());
        var history = entry.session().history();
        List<EvalMetrics> evals = new ArrayList<>(history.evals());
        return new Outcome(evals, new ArrayList<>(history.prunes()), history.finished(), baseline, edited, undone,
                banner);
    }

    @Test
    void aWhatIfOnAPausedRunMeasuresACopyUndoesAndLeavesTheRunsNextMetricsIdentical() throws Exception {
        Outcome plain = run("plain", false);
        Outcome tried = run("tried", true);

        assertNotNull(tried.baseline(), "the paused run's own network was measured");
        assertTrue(tried.edited().macs() < tried.baseline().macs(), "a branch off costs fewer MACs");
        assertEquals(0.9, tried.edited().sparsity(), 0.01);
        assertNotEquals(tried.baseline().accuracy() + "/" + tried.baseline().loss(),
                tried.edited().accuracy() + "/" + tried.edited().loss(), "the edit changed the measured network");
        assertEquals(tried.baseline(), tried.undone(), "undo returns to the run's own numbers");
        assertTrue(tried.banner().contains(WhatIfViewModel.NEVER_CHANGES), tried.banner());

        assertFalse(plain.evals().isEmpty());
        assertEquals(plain.evals(), tried.evals(), "every evaluation, before and after the what-if, is identical");
        assertEquals(plain.prunes(), tried.prunes());
        assertEquals(plain.finished().testAccuracy(), tried.finished().testAccuracy());
        assertEquals(plain.finished().macs(), tried.finished().macs());
    }

    @Test
    void describesTheEditsInWords() {
        WhatIf w = WhatIf.NONE.withBranchOff(2, 7).withChannelOff(1, 3, 4).withChannelOff(1, 3, 5)
                .withGlobalSparsity(0.5);
        assertEquals("the 7×7 branch of block 2; 2 channels; global sparsity 50 %", WhatIfViewModel.describe(w));
        assertEquals("", WhatIfViewModel.describe(WhatIf.NONE));
    }
}
