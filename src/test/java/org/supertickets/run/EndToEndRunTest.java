package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.prune.SparsitySchedule;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.TrainingEvent;

/** Trains a tiny supernet on real Fashion-MNIST images through the same path as the CLI and the GUI. */
class EndToEndRunTest {

    @TempDir
    Path runs;

    @Test
    void aTinyRunWritesACompleteFolderFollowsItsScheduleShrinksAndLearns() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        LocalRun run = LocalRun.start(config, runs, "cpu", null);
        RunFinished finished = run.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, finished.outcome(), finished.message());

        RunFolder folder = run.folder();
        for (Path p : List.of(folder.config(), folder.metrics(), folder.snapshots(), folder.log(),
                folder.latestCheckpoint(), folder.ticket().resolve(TicketIo.MANIFEST),
                folder.ticket().resolve(TicketIo.WEIGHTS))) {
            assertTrue(Files.isRegularFile(p), "missing " + p);
        }
        assertEquals(config, ConfigIo.loadResolved(folder.config()), "config.json holds the resolved config");

        List<TrainingEvent> events = new RunFolderReader(folder).readNew();
        assertTrue(events.get(0) instanceof RunStarted, events.get(0).type() + " " + events.size());
        assertTrue(events.get(events.size() - 1) instanceof RunFinished);

        // Sparsity followed the staircase: each event reached exactly its planned ratio.
        SparsitySchedule schedule = new SparsitySchedule(config.pruning());
        List<PruneEvent> prunes = events.stream().filter(e -> e instanceof PruneEvent).map(e -> (PruneEvent) e)
                .toList();
        assertEquals(config.training().epochs(), prunes.size());
        for (PruneEvent p : prunes) {
            assertEquals(schedule.ratioAtEvent(p.index(), p.epoch()), p.sparsity(), 0.002, "event " + p.index());
        }
        assertEquals(config.pruning().targetSparsity(), finished.sparsity(), 0.002);

        // The search removed channels: some shrink happened and the ticket is smaller than the supernet.
        long shrinks = events.stream().filter(e -> e instanceof ShrinkEvent).count();
        assertTrue(shrinks > 0, "no channel was removed");
        RunStarted started = (RunStarted) events.get(0);
        assertTrue(finished.macs() < started.supernetMacs());
        assertTrue(events.stream().filter(e -> e instanceof ConnectivitySnapshot).count() >= 1 + prunes.size());

        // Validation accuracy beats chance (10 classes) by a wide margin.
        EvalMetrics lastEval = events.stream().filter(e -> e instanceof EvalMetrics).map(e -> (EvalMetrics) e)
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(lastEval.validationAccuracy() > 0.4, "val acc " + lastEval.validationAccuracy());
        assertTrue(finished.testAccuracy() > 0.4, "test acc " + finished.testAccuracy());

        // The ticket reads back and matches what the run reported.
        Ticket ticket = TicketIo.read(folder.ticket());
        assertEquals(finished.macs(), ticket.manifest().metrics().macs());
        assertEquals(finished.sparsity(), ticket.manifest().metrics().sparsity(), 1e-9);
        assertEquals(config.seed(), ticket.manifest().provenance().seed());
        assertEquals(folder.name(), ticket.manifest().provenance().sourceRun());
    }
}
