package org.supertickets.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.prune.PruneScope;
import org.supertickets.run.RunFolderInUseException;
import org.supertickets.run.RunLease;
import org.supertickets.run.RunOwnership;

/** A pipeline's folder has one owner, as a run's does: a second process neither starts nor resumes it. */
@Timeout(60)
class PipelineOwnershipTest {

    @TempDir
    Path dir;

    @Test
    void aPipelineFolderAnotherProcessOwnsIsNeitherStartedNorResumed() throws Exception {
        ImpPipeline pipeline = new ImpPipeline(TestConfigs.tinyFashionMnist(), new ImpSettings(0.6, 0.5, 1.0,
                PruneScope.GLOBAL, 2), "cpu", (kind, i, n) -> null);
        Path folder = pipeline.createFolder(dir);
        Instant now = Instant.now();
        Files.writeString(folder.resolve(RunOwnership.LEASE_FILE), new ObjectMapper().writeValueAsString(
                new RunLease("other-machine", 4242, "", now.toString(), now.toString())));

        String message = assertThrows(RunFolderInUseException.class, () -> pipeline.runIn(folder, null))
                .getMessage();
        assertTrue(message.contains("pid 4242 on host other-machine"), message);
        message = assertThrows(RunFolderInUseException.class, () -> pipeline.resumeIn(folder)).getMessage();
        assertTrue(message.contains("pid 4242 on host other-machine"), message);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(RunOwnership.LEASE_FILE, RunOwnership.LOCK_FILE), files.map(p -> p.getFileName()
                    .toString()).sorted().toList(), "nothing but the owner's files: no config, no stage");
        }
    }
}
