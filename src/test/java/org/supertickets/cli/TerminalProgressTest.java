package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.RunStarted;
import org.supertickets.train.StepMetrics;

/** Issue 14: a progress bar redrawn into a file left 129 KB of carriage returns in a 14-minute log. */
class TerminalProgressTest {

    @Test
    void withoutATerminalOneLinePerIntervalAndNoCarriageReturn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        long stepNanos = 100_000_000L; // 0.1 s per step: 1000 steps = 100 s = three 30-s intervals
        try (TerminalProgress progress = new TerminalProgress(false, false,
                new PrintStream(bytes, true, StandardCharsets.UTF_8), nanos::get)) {
            progress.onEvent(new RunStarted(0, 0, 1000, 100, 100, 100, "cpu()", "PyTorch 2.7.1", null, 5_000_000,
                    20_000, 6400, 600, 2000, false));
            for (int step = 1; step <= 1000; step++) {
                nanos.addAndGet(stepNanos);
                progress.onEvent(new StepMetrics(step, step / 100.0, 0.5, 0.8, 0.1, 0, 1, 640));
                if (step == 500) {
                    progress.onEvent(new EvalMetrics(step, 5, 0.4, 0.85, 0.5, 0.5, 1000, 500, 500, 100, 50, 64, 3,
                            2));
                }
            }
        }
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("\r"), log);
        List<String> lines = log.lines().toList();
        List<String> progressLines = lines.stream().filter(l -> l.startsWith("train ")).toList();
        assertEquals(3, progressLines.size(), log);
        assertEquals("train 300/1000 (30%)  elapsed 30s  ETA 1m10s  loss 0.500 acc 0.800 640 img/s",
                progressLines.get(0));
        assertTrue(progressLines.get(2).startsWith("train 900/1000 (90%)  elapsed 1m30s  ETA 10s"), log);
        assertTrue(lines.get(0).startsWith("Training on cpu()"), log);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("epoch  5.00  val acc 0.8500")), log);
        assertEquals(5, lines.size(), log);
    }

    @Test
    void quietPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TerminalProgress progress = new TerminalProgress(true, false, new PrintStream(bytes), () -> 0)) {
            progress.onEvent(new StepMetrics(1, 0.01, 0.5, 0.8, 0.1, 0, 1, 640));
        }
        assertEquals("", bytes.toString());
    }
}
