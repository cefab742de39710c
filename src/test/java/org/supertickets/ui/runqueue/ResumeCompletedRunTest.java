package org.supertickets.ui.runqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.run.RunFolderFixtures;
import org.supertickets.run.RunFolder;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;

/** The Runs view's Resume on a run that completed: refused with the CLI's message, the entry and folder untouched. */
class ResumeCompletedRunTest {

    @TempDir
    Path runs;

    @Test
    void resumingACompletedRunShowsWhyAndLeavesTheEntryAndTheFolderAsTheyWere() throws Exception {
        RunFolder folder = RunFolderFixtures.completedRun(runs);
        Map<String, String> before = RunFolderFixtures.fingerprint(folder.path());
        RecordingNotifier notifier = new RecordingNotifier();
        RunsViewModel vm = new RunsViewModel(DirectRunner.create(), new LocalRunLauncher(), notifier, runs,
                System::nanoTime);
        vm.openFolder(folder.path());
        RunEntry entry = vm.entries().get(0);
        // Its end not read yet (the feed had not caught up): the button is on, the core must refuse.
        entry.setStatus(RunStatus.FOLLOW_IDLE, "no new lines for a while");
        vm.resumeFromCheckpoint(entry);

        assertTrue(notifier.errors.stream().anyMatch(m -> m.contains(folder.path() + " completed at step 0")
                && m.contains("Fix: start a new run")), notifier.errors.toString());
        assertEquals(RunStatus.FOLLOW_IDLE, entry.getStatus(), "not marked FAILED");
        assertEquals("no new lines for a while", entry.messageProperty().get());
        assertEquals(before, RunFolderFixtures.fingerprint(folder.path()));

        // Once the feed has read the end, the button is off and the shortcut says the same.
        // The feed reads the folder on its own thread: pump until its end arrives (bounded), as the UI's timer does;
        // the entry is kept idle, so only the completion read from the log can turn the button off.
        Pumping.until(vm, () -> {
            entry.setStatus(RunStatus.FOLLOW_IDLE, "no new lines for a while");
            return !vm.canResumeFromCheckpoint(entry);
        });
        assertTrue(!vm.canResumeFromCheckpoint(entry), "a completed run is not resumable");
        notifier.errors.clear();
        vm.resumeFromCheckpoint(entry);
        assertTrue(notifier.errors.stream().anyMatch(m -> m.contains("completed at step 0")),
                notifier.errors.toString());
    }
}
