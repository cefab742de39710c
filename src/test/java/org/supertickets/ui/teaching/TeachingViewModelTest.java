package org.supertickets.ui.teaching;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.runqueue.LocalRunLauncher;
import org.supertickets.ui.runqueue.RunsViewModel;
import org.supertickets.ui.session.TimelineViewModel;

/** The Inside tab's views are built only while the tab is on screen, and catch up when it is shown. */
class TeachingViewModelTest {

    @TempDir
    Path runs;

    @Test
    void aHiddenTabBuildsNothingAndCatchesUpWhenShown() {
        RunsViewModel runsVm = new RunsViewModel(DirectRunner.create(), new LocalRunLauncher(),
                new RecordingNotifier(), runs, System::nanoTime);
        TeachingViewModel teaching = new TeachingViewModel(DirectRunner.create(), runsVm, new TimelineViewModel(),
                new StepModeViewModel(runsVm));
        teaching.activeProperty().set(false);
        teaching.setPlannedSupernet(TestEvents.SUPERNET);
        assertNull(teaching.channels().frameProperty().get(), "not built while the tab is hidden");

        teaching.activeProperty().set(true);
        assertNotNull(teaching.channels().frameProperty().get(), "built when the tab is shown");
    }
}
