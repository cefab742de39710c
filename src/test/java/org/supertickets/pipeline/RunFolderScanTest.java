package org.supertickets.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.prune.PruneScope;
import org.supertickets.run.RunFolder;
import org.supertickets.space.ConfigIo;

/** What an output folder holds, found without training: a pipeline, a damaged folder, an empty one. */
class RunFolderScanTest {

    @TempDir
    Path out;

    @Test
    void aStoppedPipelineIsFoundResumableWithItsSettingsAndADamagedRunIsNamedNotHidden() throws Exception {
        Path pipeline = out.resolve("tiny-imp-20261201-100000");
        Files.createDirectories(pipeline);
        ImpSettings settings = new ImpSettings(0.9, 0.5, 0.25, PruneScope.GLOBAL, 2);
        ConfigIo.write(pipeline.resolve(ImpPipeline.BASE_CONFIG), TestConfigs.tinyFashionMnist());
        PipelineIo.write(pipeline, new PipelineManifest(PipelineManifest.IMP_METHOD, "tiny", "fashion-mnist", 1,
                settings, -1, List.of(), false, null));
        Path damaged = out.resolve("damaged-20261201-110000");
        Files.createDirectories(damaged);
        Files.writeString(damaged.resolve(RunFolder.CONFIG), "{ not json");
        Files.createDirectories(out.resolve("empty"));

        RunFolderScan.Result found = RunFolderScan.under(out);

        assertEquals(1, found.runs().size(), found.unreadable().toString());
        FoundRun p = found.runs().get(0);
        assertEquals(pipeline, p.folder());
        assertEquals(settings, p.imp());
        assertFalse(p.complete());
        assertTrue(p.resumable());
        assertNull(p.finished());
        assertEquals(1, found.unreadable().size());
        assertTrue(found.unreadable().get(0).startsWith("damaged-20261201-110000 ("), found.unreadable().get(0));
    }

    @Test
    void aFolderThatDoesNotExistHoldsNoRuns() throws Exception {
        RunFolderScan.Result found = RunFolderScan.under(out.resolve("runs"));
        assertTrue(found.runs().isEmpty() && found.unreadable().isEmpty());
    }
}
