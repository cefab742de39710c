package org.supertickets.ui.runqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;

/** The run-end notice reads the message when the status changes: it must already be the outcome (issue 30). */
class RunEntryStatusTest {

    @Test
    void aStatusListenerSeesTheOutcomeNotTheStartLine() {
        RunEntry entry = new RunEntry("demo", TestConfigs.tinyFashionMnist(), "cpu", RunStatus.RUNNING, Path.of("x"));
        entry.setStatus(RunStatus.RUNNING, "PyTorch 2.7.1 (cpu) on cpu() · 2700 train / 300 val images");
        List<String> seen = new ArrayList<>();
        entry.statusProperty().addListener((o, before, now) -> seen.add(entry.messageProperty().get()));
        entry.setStatus(RunStatus.COMPLETED, "test accuracy 0.6960");
        assertEquals(List.of("test accuracy 0.6960"), seen);
    }
}
