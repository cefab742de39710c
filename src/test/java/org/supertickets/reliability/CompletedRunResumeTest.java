package org.supertickets.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.io.AtomicFiles;
import org.supertickets.pipeline.ImpPipeline;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.pipeline.PipelineIo;
import org.supertickets.pipeline.PipelineManifest;
import org.supertickets.pipeline.PipelineStage;
import org.supertickets.prune.PruneScope;
import org.supertickets.run.RunFolderFixtures;
import org.supertickets.run.RunFolder;
import org.supertickets.space.ConfigIo;

/**
 * Issue 28 item 5: {@code resume} of a completed run (or a completed imp pipeline) is refused with the folder, its
 * ticket and the fix, exit code 2, and the folder is left exactly as it was (it used to drop the completed end of
 * the log, train the last interval again and rewrite the ticket).
 */
class CompletedRunResumeTest {

    @TempDir
    Path dir;

    @Test
    void resumingACompletedRunIsRefusedWithItsTicketAndTheFixAndWritesNothing() throws Exception {
        RunFolder folder = RunFolderFixtures.completedRun(dir);
        Map<String, String> before = RunFolderFixtures.fingerprint(folder.path());

        CliRun cli = CliRun.execute("resume", folder.path().toString(), "--quiet", "--device", "cpu");

        assertEquals(2, cli.code(), cli.err());
        assertTrue(cli.err().contains(folder.path() + " completed at step 0"), cli.err());
        assertTrue(cli.err().contains("its ticket is in " + folder.ticket()), cli.err());
        assertTrue(cli.err().contains("Fix: start a new run (run " + folder.config() + "), or retrain or finetune"),
                cli.err());
        assertEquals(before, RunFolderFixtures.fingerprint(folder.path()), "nothing written, not even a lease");
    }

    @Test
    void resumingACompletedImpPipelineIsRefusedWithItsTicketAndTheFix() throws Exception {
        Path pipeline = Files.createDirectory(dir.resolve("imp"));
        AtomicFiles.writeString(pipeline.resolve(ImpPipeline.BASE_CONFIG),
                ConfigIo.toJson(TestConfigs.tinyFashionMnist()));
        PipelineStage stage = new PipelineStage("search", "search-run", 0, 0.8, 1000, 50, 1e9, 10);
        PipelineIo.write(pipeline, new PipelineManifest(PipelineManifest.IMP_METHOD, "tiny", "fashion-mnist", 1,
                new ImpSettings(0.5, 0.2, 0.5, PruneScope.GLOBAL, 1), 3, List.of(stage, stage, stage), true,
                "level-1-run/ticket"));
        Map<String, String> before = RunFolderFixtures.fingerprint(pipeline);

        CliRun cli = CliRun.execute("resume", pipeline.toString(), "--quiet");

        assertEquals(2, cli.code(), cli.err());
        assertTrue(cli.err().contains(pipeline + " completed all its 3 stages; its ticket is in "
                + pipeline.resolve("level-1-run/ticket")), cli.err());
        assertTrue(cli.err().contains("Fix: start a new pipeline (imp " + pipeline.resolve(ImpPipeline.BASE_CONFIG)),
                cli.err());
        assertEquals(before, RunFolderFixtures.fingerprint(pipeline), "nothing written");
    }
}
