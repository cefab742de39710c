package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.run.ChildJvm;
import org.supertickets.run.EventJson;
import org.supertickets.run.JsonLines;
import org.supertickets.run.RunFolder;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.StepMetrics;

/** {@code info} and {@code compare} stream a run's log: a log far larger than the heap is summarised all the same. */
@Timeout(120)
class LargeLogTest {

    private static final long LOG_BYTES = 300L << 20;

    @TempDir
    Path dir;

    @Test
    void infoAndCompareSummariseALogThreeTimesTheHeap() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        RunFolder run = RunFolder.create(dir, "big-log", LocalDateTime.of(2026, 1, 1, 0, 0));
        ConfigIo.write(run.config(), config);
        Architecture a = Architecture.supernet(config);
        try (BufferedWriter out = Files.newBufferedWriter(run.metrics(), StandardCharsets.UTF_8)) {
            out.write(EventJson.toJson(new RunStarted(0, 0, 10, 10, 5, 5, "cpu()", "e", a, a.macs(), a.params(), 100,
                    10, 10, false)) + "\n");
            String step = EventJson.toJson(new StepMetrics(5, 0.5, 1.25, 0.5, 0.1, 0.03, 1.0, 900)) + "\n";
            for (long written = 0; written < LOG_BYTES; written += step.length()) {
                out.write(step);
            }
            out.write(EventJson.toJson(new RunFinished(10, 1, RunFinished.Outcome.COMPLETED, "ok", 0.81, 0.5, 0.8,
                    0.6, 1000, 500, 1000, 12.5, 1e9)) + "\n");
        }

        ChildOutput info = runWithSmallHeap("info", run.path().toString());
        assertEquals(0, info.exit(), info.text());
        assertTrue(info.text().contains("status: COMPLETED"), info.text());

        ChildOutput compare = runWithSmallHeap("compare", run.path().toString());
        assertEquals(0, compare.exit(), compare.text());
        assertTrue(compare.text().contains("big-log") && compare.text().contains("0.8100"), compare.text());
    }

    @Test
    void streamingHandsOnCompleteLinesOnlyAndSkipsBlankOnes() throws Exception {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "{\"a\":1}\n\n{\"b\":2}\n{\"torn\":");
        List<String> lines = new ArrayList<>();
        assertEquals(0, JsonLines.forEachLine(file, lines::add));
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}"), lines);
    }

    private record ChildOutput(int exit, String text) {
    }

    private ChildOutput runWithSmallHeap(String... args) throws Exception {
        List<String> command = new ArrayList<>(ChildJvm.command(Main.class, List.of(args)));
        command.add(1, "-Xmx100m");
        Path log = dir.resolve(args[0] + ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(100, TimeUnit.SECONDS), "the child finished");
        return new ChildOutput(child.exitValue(), Files.readString(log));
    }
}
