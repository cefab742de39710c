package org.supertickets.ui.runqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderFixtures;
import org.supertickets.run.RunLease;
import org.supertickets.run.RunOwnership;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;

/** The GUI resuming a folder that another machine's run owns: refused with the owner, the entry left as it was. */
class ResumeOwnedFolderTest {

    @TempDir
    Path runs;

    @Test
    void resumingAFolderAnotherHostOwnsNamesTheOwnerAndKeepsFollowingIt() throws Exception {
        RunFolder folder = RunFolderFixtures.stoppedRun(runs, "owned");
        String now = Instant.now().toString();
        Files.writeString(folder.path().resolve(RunOwnership.LEASE_FILE),
                new ObjectMapper().writeValueAsString(new RunLease("other-machine", 4242, "", now, now)));
        long metricsBefore = Files.exists(folder.metrics()) ? Files.size(folder.metrics()) : -1;

        RecordingNotifier notifier = new RecordingNotifier();
        RunsViewModel vm = new RunsViewModel(DirectRunner.create(), new LocalRunLauncher(), notifier, runs,
                System::nanoTime);
        vm.openFolder(folder.path());
        RunEntry entry = vm.entries().get(0);
        entry.setStatus(RunStatus.FOLLOW_IDLE, "no new lines for a while");
        vm.resumeFromCheckpoint(entry);

        assertTrue(notifier.errors.stream().anyMatch(m -> m.contains("in use by pid 4242 on host other-machine")),
                notifier.errors.toString());
        assertEquals(RunStatus.FOLLOW_IDLE, entry.getStatus(), "still followed, not marked FAILED");
        assertEquals("no new lines for a while", entry.messageProperty().get());
        assertEquals(metricsBefore, Files.exists(folder.metrics()) ? Files.size(folder.metrics()) : -1,
                "the owner's log was not repaired under it");
    }
}
