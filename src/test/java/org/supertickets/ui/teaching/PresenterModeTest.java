package org.supertickets.ui.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 30, item 7: the Presenter scale menu names the factors it applies, and docs/teaching.md the same ones. */
class PresenterModeTest {

    @Test
    void theMenuNamesEachFactorExactlyAsTheDocsDo() throws Exception {
        List<String> labels = PresenterMode.SCALES.stream().map(PresenterMode::label).toList();
        assertEquals(List.of("1.5×", "1.75×", "2×", "2.5×"), labels, "1.75 was shown as 1.8×");
        String docs = Files.readString(Path.of("docs/teaching.md"));
        String listed = String.join(", ", labels.subList(0, labels.size() - 1)) + " or "
                + labels.get(labels.size() - 1);
        assertEquals(true, docs.contains("(" + listed + ")"), "docs/teaching.md lists " + listed);
    }
}
