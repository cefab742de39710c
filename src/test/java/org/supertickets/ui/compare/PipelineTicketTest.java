package org.supertickets.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.model.CorruptFileException;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.pipeline.PipelineIo;
import org.supertickets.pipeline.PipelineManifest;
import org.supertickets.prune.PruneScope;
import org.supertickets.ui.ticket.TicketViewModel;

/** "Open its ticket" on a pipeline entry: the pipeline folder leads to the last level's ticket. */
class PipelineTicketTest {

    @TempDir
    Path dir;

    private static PipelineManifest manifest(boolean complete, String ticket) {
        return new PipelineManifest(PipelineManifest.IMP_METHOD, "tiny", "fashion-mnist", 1,
                new ImpSettings(0.6, 0.5, 0, PruneScope.GLOBAL, 2), 0, List.of(), complete, ticket);
    }

    @Test
    void aCompletedPipelineOpensItsFinalTicket() throws Exception {
        TinyTickets.write(dir.resolve("tiny-imp-level-2-x/ticket"), Map.of(), Map.of(), 0.71, "level-2");
        TinyTickets.write(dir.resolve("tiny-imp-level-1-x/ticket"), Map.of(), Map.of(), 0.65, "level-1");
        PipelineIo.write(dir, manifest(true, "tiny-imp-level-2-x/ticket"));
        TicketViewModel.Loaded loaded = TicketViewModel.read(dir);
        assertEquals(dir.resolve("tiny-imp-level-2-x/ticket"), loaded.folder());
        assertEquals(0.71, loaded.manifest().metrics().testAccuracy(), 1e-9);
    }

    @Test
    void anUnfinishedPipelineSaysHowToGetItsTicket() throws Exception {
        PipelineIo.write(dir, manifest(false, null));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> TicketViewModel.read(dir));
        assertTrue(e.getMessage().contains("pipeline.json") && e.getMessage().contains("Resume"), e.getMessage());
    }
}
