package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderWriter;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.ConfusedPair;
import org.supertickets.train.ConfusionMatrix;
import org.supertickets.train.RunFinished;

/** {@code info RUN_DIR} prints the ticket's test confusion matrix with the class names, or says it was not recorded. */
class InfoConfusionTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @Test
    void printsTheTestMatrixWithClassNamesAndTheMostConfusedImages() throws Exception {
        int[][] counts = new int[10][10];
        for (int c = 0; c < 10; c++) {
            counts[c][c] = 90;
        }
        counts[6][0] = 87; // Shirt taken for T-shirt/top
        counts[4][2] = 12; // Coat taken for Pullover
        ConfusionMatrix matrix = new ConfusionMatrix(counts);
        RunFolder folder = completed(new RunFinished(100, 6, RunFinished.Outcome.COMPLETED, "Completed 100 steps.",
                matrix.accuracy(), 0.8, 0.8, 0.75, 1000, 250, 500, 30, 1e9, null, matrix, List.of(
                        new ConfusedPair(6, 0, 87, new int[] {4, 18, 40, 41, 59, 77}),
                        new ConfusedPair(4, 2, 12, new int[] {9, 33}))));

        assertEquals(0, Main.execute("info", folder.path().toString()), console.err());
        String out = console.out();
        assertTrue(out.contains("the ticket's test confusion matrix (rows: true class, columns: predicted class; "
                + "999 images, 900 right = accuracy 0.9009)"), out);
        List<String> lines = out.lines().toList();
        String header = lines.stream().filter(l -> l.matches("\\s+0\\s+1\\s+2 .*9")).findFirst().orElseThrow();
        String shirt = lines.stream().filter(l -> l.trim().startsWith("6 Shirt")).findFirst().orElseThrow();
        assertEquals(header.length(), shirt.length(), "rows line up under the header:\n" + out);
        assertTrue(shirt.matches("\\s+6 Shirt\\s+87\\s+0\\s+0\\s+0\\s+0\\s+0\\s+90\\s+0\\s+0\\s+0"), shirt);
        assertTrue(out.contains("Shirt taken for T-shirt/top 87 times: 4, 18, 40, 41, 59, 77"), out);
        assertTrue(out.contains("Coat taken for Pullover 12 times: 9, 33"), out);
    }

    @Test
    void aRunWrittenBeforeTheMatrixSaysItWasNotRecorded() throws Exception {
        RunFolder folder = completed(new RunFinished(100, 6, RunFinished.Outcome.COMPLETED, "Completed 100 steps.",
                0.69, 0.8, 0.7, 0.75, 1000, 250, 500, 30, 1e9));
        assertEquals(0, Main.execute("info", folder.path().toString()), console.err());
        assertTrue(console.out().contains("test confusion matrix: not recorded in this run"), console.out());
        assertFalse(console.out().contains("rows: true class"), console.out());
    }

    private RunFolder completed(RunFinished finished) throws Exception {
        RunFolder folder = RunFolder.create(dir, "demo", LocalDateTime.of(2026, 12, 8, 10, 0));
        SearchSpaceConfig config = ConfigIo.loadResolved(Path.of("sample-configs/demo.json"));
        Files.writeString(folder.config(), ConfigIo.toJson(config));
        RunFolderWriter writer = new RunFolderWriter(folder, config, ConfigIo.hash(config));
        writer.onEvent(finished);
        return folder;
    }
}
