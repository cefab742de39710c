package org.supertickets.ui.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.prune.SparsitySchedule;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigValidator;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.WorkbenchViewModel;
import org.supertickets.ui.runqueue.RunEntry;

/** The shipped demo is valid, plays the whole staircase with time left at the target, and starts in one call. */
class DemoTest {

    private static final Path DEMO = Path.of(DemoStarter.DEMO);

    @TempDir
    Path runs;

    @Test
    void theDemoResolvesValidatesAndSearchesAndPrunesWithAFixedSeed() throws Exception {
        SearchSpaceConfig demo = ConfigIo.loadResolved(DEMO);
        assertEquals(List.of(), ConfigValidator.validate(demo));
        assertTrue(demo.search().enabled() && demo.pruning().enabled(), "the whole story: search and pruning");
        assertNotNull(demo.seed(), "the same lesson every time");
    }

    @Test
    void theStaircaseReachesItsTargetWithEpochsLeftToTrainAtIt() throws Exception {
        SearchSpaceConfig demo = ConfigIo.loadResolved(DEMO);
        SparsitySchedule schedule = new SparsitySchedule(demo.pruning());
        double interval = demo.pruning().intervalEpochs();
        double reached = Double.NaN;
        for (int k = 1; k * interval <= demo.training().epochs() + 1e-9; k++) {
            if (schedule.ratioAtEvent(k, k * interval) >= demo.pruning().targetSparsity() - 1e-9) {
                reached = k * interval;
                break;
            }
        }
        assertTrue(reached <= demo.training().epochs() - 1, "target reached at epoch " + reached + " of "
                + demo.training().epochs() + ": at least one epoch is trained at the target");
    }

    @Test
    void newDemoLoadsTheDemoIntoTheDesignerAndRunsItInStepMode() {
        StepModeTest.ControlledLauncher launcher = new StepModeTest.ControlledLauncher();
        WorkbenchViewModel vm = new WorkbenchViewModel(DirectRunner.create(), new RecordingNotifier(), launcher, runs,
                TestEvents.CONFIG, null, System::nanoTime);
        vm.demo().start(DEMO, true);

        assertEquals(DEMO, vm.designer().fileProperty().get());
        RunEntry entry = vm.runs().getSelected();
        assertNotNull(entry, "the demo is queued and selected");
        assertEquals("demo", entry.config().name());
        assertTrue(vm.stepMode().enabledProperty().get());
        assertNotNull(launcher.control, "step mode steers the run's control");
    }

    @Test
    void aMissingDemoSaysWhereItShouldBe() {
        RecordingNotifier notifier = new RecordingNotifier();
        WorkbenchViewModel vm = new WorkbenchViewModel(DirectRunner.create(), notifier, new StepModeTest
                .ControlledLauncher(), runs, TestEvents.CONFIG, null, System::nanoTime);
        vm.demo().start(null, false);
        assertEquals(1, notifier.errors.size());
        assertTrue(notifier.errors.get(0).contains(DemoStarter.DEMO) && notifier.errors.get(0).contains("Fix:"),
                notifier.errors.get(0));
        assertTrue(vm.runs().entries().isEmpty());
    }
}
