package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.train.RunFinished;
import org.supertickets.train.StepMetrics;

class DiskFaultTest {

    @TempDir
    Path runs;

    @Test
    void aRunFolderDeletedMidRunStopsTheRunWithAClearMessage() throws Exception {
        LocalRun[] holder = new LocalRun[1];
        holder[0] = LocalRun.start(TestConfigs.tinyFashionMnist(), runs, "cpu", e -> {
            if (e instanceof StepMetrics m && m.step() == 20) {
                deleteRecursively(holder[0].folder().path());
            }
        });
        RunFinished f = holder[0].completion().get();
        assertEquals(RunFinished.Outcome.FAILED, f.outcome());
        assertTrue(f.message().contains("cannot write to run folder"), f.message());
        assertTrue(f.message().contains("Fix:"), f.message());
    }

    private static void deleteRecursively(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
