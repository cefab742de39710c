package org.supertickets.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.pipeline.StageAnnouncement;
import org.supertickets.pipeline.StageAnnouncements;
import org.supertickets.run.EventJson;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderWriter;
import org.supertickets.train.RunStarted;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.TestEvents;

/** The folder feed on real files: complete lines only, holes waited for, stage changes only when announced. */
class RunFeedTest {

    /** Reads often, so a test sees many reads of a half-written line in a fraction of a second. */
    private static final RunFeed.Timing FAST = new RunFeed.Timing(TimeUnit.MILLISECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(20), false);

    @TempDir
    Path dir;

    private final List<RunFeed> feeds = new ArrayList<>();

    @AfterEach
    void closeFeeds() {
        feeds.forEach(RunFeed::close);
    }

    private RunFeed feed(boolean watch) {
        RunFeed feed = new RunFeed(watch ? new RunFeed.Timing(FAST.minGapNanos(), FAST.activeNanos(),
                FAST.idleNanos(), true) : FAST);
        feeds.add(feed);
        return feed;
    }

    /** Drains until {@code done} holds, at most 10 s; the events drained since the session last started over. */
    private static List<TrainingEvent> drainUntil(RunSession session, BooleanSupplier done) throws Exception {
        List<TrainingEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            RunSession.Batch b = session.drain();
            if (b.restarted()) {
                seen.clear();
            }
            seen.addAll(b.events());
            if (done.getAsBoolean()) {
                break;
            }
            Thread.sleep(5);
        } while (System.nanoTime() < deadline);
        return seen;
    }

    /** Drains for {@code millis} (many reads of the feed); returns what came. */
    private static List<TrainingEvent> drainFor(RunSession session, long millis) throws Exception {
        List<TrainingEvent> seen = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            seen.addAll(session.drain().events());
            Thread.sleep(5);
        }
        return seen;
    }

    private static void append(Path file, byte[] bytes) throws Exception {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @ParameterizedTest(name = "change notices {0}")
    @ValueSource(booleans = {false, true})
    void aLastLineWithoutItsNewlineIsReadOnlyOnceItIsComplete(boolean watch) throws Exception {
        RunFolder folder = new RunFolder(Files.createDirectories(dir.resolve("run")));
        StepMetrics second = new StepMetrics(20, 0.2, 1.5, 0.4, 0.1, 0, 1, 100);
        byte[] line = (EventJson.toJson(second) + "\n").getBytes(StandardCharsets.UTF_8);
        append(folder.metrics(), (EventJson.toJson(TestEvents.started()) + "\n").getBytes(StandardCharsets.UTF_8));
        append(folder.metrics(), java.util.Arrays.copyOf(line, line.length / 2));
        RunSession session = new RunSession();

        feed(watch).followRun(folder.path(), session, e -> { });

        assertEquals(List.of(TestEvents.started()), drainUntil(session, () -> !session.history().all().isEmpty()));
        assertEquals(List.of(), drainFor(session, 300), "half a line is never taken, however often it is read");
        append(folder.metrics(), java.util.Arrays.copyOfRange(line, line.length / 2, line.length - 1));
        assertEquals(List.of(), drainFor(session, 200), "the whole line without its newline is not complete either");
        append(folder.metrics(), new byte[] {'\n'});
        assertEquals(List.of(second), drainUntil(session, () -> session.history().all().size() == 2),
                "completed, it is read once and whole");
        assertEquals(2, session.history().all().size());
    }

    @Test
    void eachMetricsLinesTimeReachesTheHistoryAsWritten() throws Exception {
        RunFolder folder = new RunFolder(Files.createDirectories(dir.resolve("run")));
        java.time.Instant written = java.time.Instant.parse("2026-12-07T21:46:40.326608008Z");
        StepMetrics step = new StepMetrics(20, 0.2, 1.5, 0.4, 0.1, 0, 1, 100);
        append(folder.metrics(), (EventJson.toJson(TestEvents.started(), written) + "\n"
                + EventJson.toJson(step) + "\n").getBytes(StandardCharsets.UTF_8)); // an older line: no time
        append(folder.snapshots(), (EventJson.toJson(TestEvents.start()) + "\n").getBytes(StandardCharsets.UTF_8));
        RunSession session = new RunSession();

        feed(false).followRun(folder.path(), session, e -> { });

        drainUntil(session, () -> session.history().all().size() == 3);
        RunHistory history = session.history();
        assertEquals(3, history.all().size());
        assertEquals(written, history.timeOf(history.started()), "to the nanosecond, as written");
        assertEquals(null, history.timeOf(history.steps().get(0)), "a line without a time has none");
        assertEquals(null, history.timeOf(history.snapshots().get(0)), "snapshots are written without times");
    }

    @Test
    void aLineWithAHoleOfZerosWaitsForTheRestOfItsBytes() throws Exception {
        RunFolder folder = new RunFolder(Files.createDirectories(dir.resolve("run")));
        StepMetrics step = new StepMetrics(10, 0.1, 2, 0.1, 0.1, 0, 1, 100);
        byte[] line = (EventJson.toJson(step) + "\n").getBytes(StandardCharsets.UTF_8);
        int cut = line.length / 3;
        // As an NFS server may apply a long append's pieces out of order: the end first, zeros before it.
        try (RandomAccessFile raf = new RandomAccessFile(folder.metrics().toFile(), "rw")) {
            raf.seek(cut);
            raf.write(line, cut, line.length - cut);
        }
        RunSession session = new RunSession();

        feed(false).followRun(folder.path(), session, e -> { });

        assertEquals(List.of(), drainFor(session, 300), "a newline after a hole does not make a complete line");
        try (RandomAccessFile raf = new RandomAccessFile(folder.metrics().toFile(), "rw")) {
            raf.write(line, 0, cut);
        }
        assertEquals(List.of(step), drainUntil(session, () -> !session.history().all().isEmpty()));
    }

    @Test
    void aPipelineIsFollowedThroughTheStagesItAnnouncesAndOnlyThose() throws Exception {
        Path pipeline = Files.createDirectories(dir.resolve("pipe"));
        RunSession session = new RunSession();
        feed(true).followPipeline(pipeline, new StageAnnouncements(pipeline), session, e -> { });

        RunFolderWriter search = stage(pipeline, 1, "search");
        search.onEvent(TestEvents.started());
        TestEvents.someMetrics(30).forEach(search::onEvent);
        drainUntil(session, () -> session.history().prunes().size() == 1);
        assertEquals("stage 1/2 · search", session.stage());
        assertEquals(6, session.history().all().size());

        // A fresh start inside the same folder is not a stage change: nothing is inferred from the events.
        RunStarted again = TestEvents.started();
        search.onEvent(again);
        drainUntil(session, () -> session.history().all().size() == 7);
        assertEquals(7, session.history().all().size(), "the same stage goes on");
        assertEquals("stage 1/2 · search", session.stage());

        RunFolderWriter train = stage(pipeline, 2, "train");
        train.onEvent(TestEvents.started());
        List<TrainingEvent> shown = drainUntil(session, () -> session.stage().endsWith("train")
                && !session.history().all().isEmpty());
        assertEquals("stage 2/2 · train", session.stage());
        assertEquals(List.of(TestEvents.started()), shown, "the new stage from its first line, the old one gone");
        assertEquals(List.of(TestEvents.started()), session.history().all());
    }

    @Test
    void aFinishedSubscriptionReadsEverythingLeftThenStops() throws Exception {
        RunFolder folder = new RunFolder(Files.createDirectories(dir.resolve("run")));
        RunFolderWriter writer = new RunFolderWriter(folder, TestEvents.CONFIG, "test");
        RunSession session = new RunSession();
        RunFeed.Subscription sub = new RunFeed(RunFeed.Timing.DEFAULT.pollingOnly()).followRun(folder.path(),
                session, e -> { });
        writer.onEvent(TestEvents.started());
        TestEvents.someMetrics(500).forEach(writer::onEvent);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

        sub.finish(done::countDown);

        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(1 + 52, session.drain().events().size(), "every line written before the end, at once");
        writer.onEvent(new StepMetrics(510, 5.1, 1, 0.5, 0.1, 0, 1, 100));
        assertEquals(List.of(), drainFor(session, 600), "nothing is read after the end");
    }

    private static RunFolderWriter stage(Path pipeline, int index, String kind) throws Exception {
        String name = kind + "-run";
        RunFolder folder = new RunFolder(Files.createDirectories(pipeline.resolve(name)));
        StageAnnouncements.announce(pipeline, new StageAnnouncement(index, 2, kind, name, false));
        return new RunFolderWriter(folder, TestEvents.CONFIG, "test");
    }
}
