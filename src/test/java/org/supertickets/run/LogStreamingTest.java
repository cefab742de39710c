package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;

/**
 * The GUI's follower and resume's log repair read a log window by window: a line longer than a window (here a
 * 2.5 GiB hole, more than an array can hold) is skipped and what follows it still arrives.
 */
@Timeout(180)
class LogStreamingTest {

    private static final long HUGE = 5L << 29; // 2.5 GiB

    @TempDir
    Path dir;

    private static String event(long step) {
        return EventJson.toJson(new StepMetrics(step, step / 10.0, 1.0, 0.5, 0.1, 0, 1, 100));
    }

    /** {@code before}, then a line of {@code holeBytes} zero bytes (sparse on disk), then {@code after}. */
    private static void writeWithHole(Path file, String before, long holeBytes, String after) throws Exception {
        Files.writeString(file, before);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() + holeBytes);
        }
        Files.writeString(file, "\n" + after, StandardOpenOption.APPEND);
    }

    @Test
    void aFollowerReadsAWindowAtATimeAndSkipsALineLongerThanAWindow() throws Exception {
        Path file = dir.resolve("m.jsonl");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            many.append(event(i)).append('\n');
        }
        writeWithHole(file, many.toString(), 5000, event(200) + "\n" + "{\"torn");
        JsonLinesTail tail = new JsonLinesTail(file, 1024);
        List<String> lines = new ArrayList<>();
        for (int call = 0; call < 200; call++) {
            List<String> got = tail.readNew();
            assertTrue(got.stream().mapToInt(String::length).sum() <= 1024, "one window per call");
            lines.addAll(got);
        }
        assertEquals(101, lines.size());
        assertEquals(event(200), lines.get(100));
        assertEquals(1, tail.skippedLines());
        Files.writeString(file, "\"}\n", StandardOpenOption.APPEND);
        assertEquals(List.of("{\"torn\"}"), tail.readNew(), "the torn line arrives once it is complete");
    }

    @Test
    void aRunFolderReaderGetsPastAHoleLargerThanAnArray() throws Exception {
        RunFolder folder = new RunFolder(dir);
        writeWithHole(folder.metrics(), event(1) + "\n", HUGE, event(2) + "\n");
        RunFolderReader reader = new RunFolderReader(folder);
        List<TrainingEvent> events = new ArrayList<>();
        for (int call = 0; call < 100 && events.size() < 2; call++) {
            events.addAll(reader.readNew());
        }
        assertEquals(List.of(1L, 2L), events.stream().map(TrainingEvent::step).toList());
        assertEquals(1, reader.skippedLines());
    }

    @Test
    void resumesLogRepairStreamsALogLargerThanAnArray() throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        writeWithHole(file, event(1) + "\n", HUGE, event(2) + "\n" + event(3) + "\n{\"torn");
        int dropped = JsonLines.repair(file, line -> !line.contains("\"step\":3"));
        assertEquals(3, dropped, "the long line, step 3 and the torn tail");
        assertEquals(event(1) + "\n" + event(2) + "\n", Files.readString(file, StandardCharsets.UTF_8));
    }
}
