package org.supertickets.ui.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.data.DatasetException;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderReader;
import org.supertickets.train.RunFinished;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.session.RunHistory;

/**
 * "One image" of a real (tiny) run: the supernet of its latest checkpoint and its ticket look at a chosen test image;
 * a live run's newer checkpoint and its ticket are picked up as they appear; nothing is read while the view is not
 * shown; what cannot be shown says why.
 */
class InsideImageViewModelTest {

    @TempDir
    static Path shared;
    private static Path trained;
    private static RunFinished finished;

    @TempDir
    Path scratch;

    @BeforeAll
    static void trainATinyRun() throws Exception {
        LocalRun run = LocalRun.start(TestEvents.QUICK_RUN, shared, "cpu", null);
        finished = run.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, finished.outcome(), finished.message());
        trained = run.folder().path();
    }

    private static RunHistory historyOf(Path folder) throws Exception {
        RunHistory history = new RunHistory();
        RunFolderReader.forEachMetric(RunFolder.open(folder), history::add);
        return history;
    }

    @Test
    void aFinishedRunShowsTheImageThroughItsLatestCheckpointAndItsTicket() throws Exception {
        InsideImageViewModel vm = new InsideImageViewModel(DirectRunner.create());
        vm.show(TestEvents.QUICK_RUN, trained, historyOf(trained));
        vm.indexProperty().set(7);
        assertNull(vm.getFrame(), "nothing is read while the view is not on screen");

        vm.activeProperty().set(true);
        InsideImageFrame f = vm.getFrame();
        assertNotNull(f, vm.messageProperty().get());
        assertEquals("", vm.messageProperty().get());
        assertEquals(7, f.index());
        assertEquals(200, f.testSize(), "the run's test split (testLimit 200)");
        assertEquals(10, f.classes().size());
        assertTrue(f.classes().contains(f.trueClass()));
        assertEquals("Ticket · step " + finished.step(), f.ticket().caption());
        assertTrue(f.supernet().caption().startsWith("Supernet · step "), f.supernet().caption());
        for (InsideImageFrame.Probabilities p : new InsideImageFrame.Probabilities[] {f.supernet(), f.ticket()}) {
            double sum = 0;
            for (float v : p.values()) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-4);
        }
        assertEquals("the supernet (step " + f.supernet().caption().replaceAll("\\D+", " ").trim() + ")",
                f.mapsOf());
        assertEquals("stem", f.rows().get(0).title());
        assertEquals("head", f.rows().get(f.rows().size() - 1).title());
        for (InsideImageFrame.MapRow row : f.rows()) {
            assertTrue(row.maps().size() <= InsideImageFrame.MAPS_PER_LAYER);
            assertTrue(row.change().startsWith("the ticket") || row.change().equals("gone in the ticket"),
                    row.title() + ": " + row.change());
            for (int i = 1; i < row.maps().size(); i++) {
                assertTrue(row.signed() || row.maps().get(i - 1).mean() >= row.maps().get(i).mean(),
                        "strongest first");
            }
        }

        vm.mapsOfTicketProperty().set(true);
        assertTrue(vm.getFrame().mapsOf().startsWith("the ticket (step " + finished.step()), vm.getFrame().mapsOf());
        vm.next();
        assertEquals(8, vm.getFrame().index());
        vm.indexProperty().set(5000);
        assertEquals(199, vm.indexProperty().get(), "kept within the test split");
        assertEquals(199, vm.getFrame().index());
        vm.indexProperty().set(0);
        vm.previous();
        assertEquals(0, vm.indexProperty().get());
    }

    @Test
    void aLiveRunsNewerCheckpointAndItsTicketArePickedUpAsTheyAppear() throws Exception {
        Path live = scratch.resolve("live");
        Files.createDirectories(live.resolve(RunFolder.CHECKPOINTS));
        Files.copy(trained.resolve(RunFolder.CONFIG), live.resolve(RunFolder.CONFIG));
        Files.copy(trained.resolve(RunFolder.METRICS), live.resolve(RunFolder.METRICS));
        RunHistory history = new RunHistory();
        InsideImageViewModel vm = new InsideImageViewModel(DirectRunner.create());
        vm.show(TestEvents.QUICK_RUN, live, history);
        vm.activeProperty().set(true);
        assertNull(vm.getFrame());
        assertTrue(vm.messageProperty().get().startsWith("The run has no checkpoint yet"),
                vm.messageProperty().get());

        RunFolderReader.forEachMetric(RunFolder.open(trained), e -> {
            if (!(e instanceof RunFinished)) {
                history.add(e);
            }
        });
        Path checkpoint = live.resolve(RunFolder.CHECKPOINTS).resolve(RunFolder.LATEST_CHECKPOINT);
        Files.copy(trained.resolve(RunFolder.CHECKPOINTS).resolve(RunFolder.LATEST_CHECKPOINT), checkpoint);
        vm.refresh();
        assertNotNull(vm.getFrame(), "the first checkpoint is read once an evaluation is newer than what is shown");
        assertNull(vm.getFrame().ticket(), "no ticket before the run ends");
        vm.mapsOfTicketProperty().set(true);
        assertTrue(vm.getFrame().mapsOf().startsWith("the supernet"), "without a ticket the supernet's maps show");

        copyFolder(trained.resolve(RunFolder.TICKET), live.resolve(RunFolder.TICKET));
        history.add(finished);
        vm.refresh();
        assertNotNull(vm.getFrame().ticket(), "the ticket is read when the run has ended");
        assertTrue(vm.getFrame().mapsOf().startsWith("the ticket"));
    }

    @Test
    void whatCannotBeShownSaysWhy() {
        InsideImageViewModel vm = new InsideImageViewModel(DirectRunner.create(), config -> {
            throw new DatasetException("fashion-mnist: data/fashion-mnist/t10k-images-idx3-ubyte.gz is missing. Fix: "
                    + "put the file there.");
        });
        vm.activeProperty().set(true);
        assertEquals("No run selected.", vm.messageProperty().get());
        vm.show(TestConfigs.tinySegmentation(), trained, new RunHistory());
        assertTrue(vm.messageProperty().get().contains("classification runs"), vm.messageProperty().get());
        vm.show(TestEvents.QUICK_RUN, null, new RunHistory());
        assertTrue(vm.messageProperty().get().contains("not started"), vm.messageProperty().get());
        vm.show(TestEvents.QUICK_RUN, trained, new RunHistory());
        assertNull(vm.getFrame());
        assertTrue(vm.messageProperty().get().startsWith("Could not look inside test image 0: fashion-mnist: "),
                vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
