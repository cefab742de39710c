package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PredictedMasks;
import org.supertickets.train.PredictionCanvases;
import org.supertickets.train.TrainingEvent;

/**
 * predictions.jsonl: what the writer appends comes back through the folder reader byte for byte, the canvases are
 * recorded once however often a resumed run offers them, a classification run writes no such file, and a resume
 * keeps exactly the records up to its checkpoint.
 */
class PredictionsLogTest {

    private static final int W = 8;
    private static final int H = 6;

    @TempDir
    Path dir;

    private RunFolder folder;
    private RunFolderWriter writer;

    @BeforeEach
    void createFolder() throws Exception {
        folder = RunFolder.create(dir, "seg", LocalDateTime.of(2026, 12, 7, 12, 0, 0));
        Files.writeString(folder.config(), "{}");
        writer = new RunFolderWriter(folder, TestConfigs.tinySynthetic(), "hash");
    }

    @Test
    void recordsComeBackThroughTheReaderAndTheCanvasesAreWrittenOnce() throws Exception {
        PredictionCanvases canvases = canvases(0);
        writer.onEvent(canvases);
        writer.onEvent(masks(10, PredictedMasks.EVALUATION, 1));
        writer.onEvent(canvases(10)); // a resumed run offers them again
        writer.onEvent(masks(20, PredictedMasks.TICKET, 2));

        List<String> lines = Files.readAllLines(folder.predictions());
        assertEquals(3, lines.size(), "canvases once, then a record per prediction");
        assertTrue(lines.get(0).startsWith("{\"type\":\"prediction_canvases\""), lines.get(0));
        assertFalse(Files.exists(folder.metrics()), "nothing of them goes to metrics.jsonl");

        List<TrainingEvent> read = new RunFolderReader(folder).readNew();
        assertEquals(3, read.size());
        PredictionCanvases back = assertInstanceOf(PredictionCanvases.class, read.get(0));
        assertArrayEquals(canvases.imageBytes(), back.imageBytes());
        assertArrayEquals(canvases.truthBytes(), back.truthBytes());
        assertArrayEquals(new int[] {0, 1, 2}, back.testIndices());
        PredictedMasks first = assertInstanceOf(PredictedMasks.class, read.get(1));
        assertEquals(10, first.step());
        assertFalse(first.ofTicket());
        assertArrayEquals(classes(1), first.classBytes());
        PredictedMasks ticket = assertInstanceOf(PredictedMasks.class, read.get(2));
        assertTrue(ticket.ofTicket());
        assertArrayEquals(classes(2), ticket.classBytes());
    }

    @Test
    void aClassificationRunWritesNoPredictions() {
        writer.onEvent(new EvalMetrics(10, 0.5, 1.2, 0.6, 0.3, 0.3, 1000, 700, 690, 500, 350, 40, 4, 2));
        assertFalse(Files.exists(folder.predictions()));
    }

    @Test
    void resumeKeepsTheRecordsUpToTheCheckpointAndDropsATornLine() throws Exception {
        writer.onEvent(canvases(0));
        for (long step : new long[] {10, 20, 30}) {
            writer.onEvent(masks(step, PredictedMasks.EVALUATION, (int) step));
        }
        writer.onEvent(masks(30, PredictedMasks.TICKET, 4));
        String torn = EventJson.toJson(masks(40, PredictedMasks.EVALUATION, 5));
        Files.write(folder.predictions(), torn.substring(0, torn.length() / 2).getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        int dropped = JsonLines.repair(folder.predictions(), line -> LocalRun.keepOnResume(line, 20));

        assertEquals(3, dropped, "step 30, the ticket of step 30 and the torn line");
        List<TrainingEvent> kept = new RunFolderReader(folder).readNew();
        assertEquals(List.of(0L, 10L, 20L), kept.stream().map(TrainingEvent::step).toList());
        assertArrayEquals(classes(20), ((PredictedMasks) kept.get(2)).classBytes());
        // The resumed run appends after the repaired records, and offers its canvases again: not written twice.
        writer.onEvent(canvases(20));
        writer.onEvent(masks(30, PredictedMasks.EVALUATION, 30));
        assertEquals(4, Files.readAllLines(folder.predictions()).size());
    }

    @Test
    void aDamagedRecordSaysSoWhenDecoded() {
        PredictedMasks good = masks(10, PredictedMasks.EVALUATION, 1);
        PredictedMasks damaged = new PredictedMasks(10, 0.5, PredictedMasks.EVALUATION, 3, H, W,
                good.predicted().substring(0, 8));
        assertThrows(IllegalArgumentException.class, damaged::classBytes);
    }

    /** Three canvases of W x H: a bright square of class 1 + i on black. */
    private static PredictionCanvases canvases(long step) {
        byte[] images = new byte[3 * H * W];
        byte[] truth = new byte[3 * H * W];
        for (int i = 0; i < 3; i++) {
            for (int y = 1; y < 4; y++) {
                for (int x = i; x < i + 3; x++) {
                    images[i * H * W + y * W + x] = (byte) 200;
                    truth[i * H * W + y * W + x] = (byte) (1 + i);
                }
            }
        }
        return PredictionCanvases.of(step, step / 10.0, new int[] {0, 1, 2}, 1, H, W, 4, images, truth);
    }

    private static PredictedMasks masks(long step, String source, int seed) {
        return PredictedMasks.of(step, step / 10.0, source, 3, H, W, classes(seed));
    }

    private static byte[] classes(int seed) {
        byte[] classes = new byte[3 * H * W];
        for (int k = 0; k < classes.length; k++) {
            classes[k] = (byte) ((k * 7 + seed) % 4);
        }
        return classes;
    }
}
