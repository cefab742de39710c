package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.train.ConfusedPair;
import org.supertickets.train.ConfusionMatrix;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.RunFinished;
import org.supertickets.train.TrainingEvent;

/**
 * The confusion matrices in metrics.jsonl: a bare matrix under {@code confusionMatrix} / {@code testConfusionMatrix},
 * the most-confused pairs with their test images; folders written before them read with none.
 */
class ConfusionLogTest {

    /** Lines as a run folder written before the matrices were recorded holds them (copied from a real demo run). */
    static final String OLD_EVAL = "{\"type\":\"eval\",\"step\":11,\"epoch\":0.5238095238095238,\"validationLoss\":"
            + "2.002840372721354,\"validationAccuracy\":0.36,\"sparsity\":0.0,\"plannedSparsity\":0.1,\"macs\":1966128,"
            + "\"sparseMacs\":1966128,\"exactSparseMacs\":1966128,\"params\":22642,\"keptParams\":22642,"
            + "\"hiddenChannels\":288,\"liveBranches\":9,\"liveBlocks\":3,\"heldOut\":\"validation\"}";
    static final String OLD_FINISHED = "{\"type\":\"run_finished\",\"step\":42,\"epoch\":2.0,\"outcome\":\"COMPLETED\","
            + "\"message\":\"Completed 42 steps.\",\"testAccuracy\":0.5766666666666667,\"testLoss\":1.1702882258097331,"
            + "\"validationAccuracy\":0.56,\"sparsity\":0.2999954394125963,\"macs\":1960591,\"sparseMacs\":1372423,"
            + "\"params\":22577,\"wallSeconds\":35.728921818,\"trainingMacs\":1.3926874752E10}";

    @TempDir
    Path dir;

    @Test
    void theMatricesAreWrittenAsBareArraysAndReadBack() throws Exception {
        ConfusionMatrix matrix = new ConfusionMatrix(new int[][] {{5, 1}, {2, 4}});
        EvalMetrics eval = new EvalMetrics(10, 0.5, 1.2, 0.75, 0.3, 0.3, 1000, 700, 690, 500, 350, 40, 4, 2,
                EvalMetrics.VALIDATION, null, matrix);
        String line = EventJson.toJson(eval);
        assertTrue(line.endsWith(",\"heldOut\":\"validation\",\"confusionMatrix\":[[5,1],[2,4]]}"), line);
        assertEquals(eval, EventJson.fromJson(line));

        RunFinished finished = new RunFinished(42, 2, RunFinished.Outcome.COMPLETED, "Completed 42 steps.", 0.75, 0.6,
                0.7, 0.5, 1000, 500, 400, 12.5, 1e9, null, matrix,
                List.of(new ConfusedPair(1, 0, 2, new int[] {3, 17}), new ConfusedPair(0, 1, 1, new int[] {8})));
        String end = EventJson.toJson(finished);
        assertTrue(end.contains("\"testConfusionMatrix\":[[5,1],[2,4]],\"mostConfused\":[{\"trueClass\":1,"
                + "\"predicted\":0,\"count\":2,\"testIndices\":[3,17]},"), end);
        assertEquals(finished, EventJson.fromJson(end));

        RunFolder folder = RunFolder.create(dir, "new", LocalDateTime.of(2026, 12, 8, 9, 0));
        RunFolderWriter writer = new RunFolderWriter(folder, null, "hash");
        writer.onEvent(eval);
        writer.onEvent(finished);
        List<TrainingEvent> read = new RunFolderReader(folder).readNew();
        assertEquals(List.of(eval, finished), read);
    }

    @Test
    void aFolderWrittenBeforeTheMatricesReadsWithoutThem() throws Exception {
        RunFolder folder = RunFolder.create(dir, "old", LocalDateTime.of(2026, 12, 7, 21, 30));
        Files.writeString(folder.metrics(), OLD_EVAL + "\n" + OLD_FINISHED + "\n");
        RunFolderReader reader = new RunFolderReader(folder);
        List<TrainingEvent> events = reader.readNew();
        assertEquals(0, reader.skippedLines());
        assertEquals(2, events.size());
        EvalMetrics eval = (EvalMetrics) events.get(0);
        assertEquals(0.36, eval.validationAccuracy());
        assertNull(eval.confusionMatrix());
        RunFinished finished = (RunFinished) events.get(1);
        assertEquals(0.5766666666666667, finished.testAccuracy());
        assertNull(finished.testConfusionMatrix());
        assertNull(finished.mostConfused());
        assertEquals(OLD_EVAL, EventJson.toJson(eval), "and writes them as they were: no new field appears");
        assertEquals(OLD_FINISHED, EventJson.toJson(finished));
    }
}
