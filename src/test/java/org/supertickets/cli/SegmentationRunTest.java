package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.data.SegmentationDataset;
import org.supertickets.data.SegmentationLoader;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderReader;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.PredictedMasks;
import org.supertickets.train.PredictionCanvases;
import org.supertickets.train.TrainingEvent;

/**
 * A segmentation run end to end through the command line, on a few small canvases: it trains, searches and prunes,
 * logs pixel accuracy with mean and per-class IoU, records its predictions of a few test canvases, and ends with a
 * ticket.
 */
class SegmentationRunTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void aSegmentationDemoRunLogsIouAndWritesATicket() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SearchSpaceConfig config = TestConfigs.tinySegmentation();
        Path file = dir.resolve("seg.json");
        ConfigIo.write(file, config);

        assertEquals(0, Main.execute("run", file.toString(), "--out", dir.resolve("runs").toString(), "--quiet"),
                console.err());
        assertTrue(console.out().contains("mIoU "), console.out());
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        List<JsonNode> events = Files.readAllLines(run.resolve("metrics.jsonl")).stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        JsonNode eval = events.stream().filter(e -> e.has("segmentation")).findFirst().orElseThrow();
        JsonNode segmentation = eval.get("segmentation");
        assertEquals(11, segmentation.get("classIou").size(), "background and ten object classes");
        double meanIou = segmentation.get("meanIou").asDouble();
        assertTrue(meanIou > 0 && meanIou <= 1, "mIoU " + meanIou);
        JsonNode finished = events.get(events.size() - 1);
        assertEquals("COMPLETED", finished.get("outcome").asText());
        assertTrue(finished.has("testSegmentation"), finished.toString());
        double background = finished.get("testSegmentation").get("classIou").get(0).asDouble();
        // background is about half of a 32x32 canvas; one epoch of 6 steps already separates it from objects
        assertTrue(background > 0.3, "the ticket finds the background: IoU " + background);
        assertTrue(Files.isRegularFile(run.resolve("ticket/ticket.json")));
        assertFalse(events.stream().filter(e -> e.has("validationAccuracy")).anyMatch(e ->
                e.get("validationAccuracy").asDouble() > 1), "pixel accuracy is a share");

        // predictions.jsonl: the first six test canvases as composed, then a prediction per evaluation and the
        // ticket's, each a class per pixel.
        List<TrainingEvent> predictions = new RunFolderReader(new RunFolder(run)).readNew().stream()
                .filter(e -> e instanceof PredictionCanvases || e instanceof PredictedMasks).toList();
        PredictionCanvases canvases = (PredictionCanvases) predictions.get(0);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, canvases.testIndices());
        SegmentationDataset test = SegmentationLoader.load(config.data(), config.seed()).test().first(6);
        assertArrayEquals(test.pixels(), canvases.imageBytes(), "the canvases as stored, before normalisation");
        assertArrayEquals(test.masks(), canvases.truthBytes());
        List<PredictedMasks> masks = predictions.subList(1, predictions.size()).stream()
                .map(e -> (PredictedMasks) e).toList();
        List<Long> evalSteps = events.stream().filter(e -> "eval".equals(e.get("type").asText()))
                .map(e -> e.get("step").asLong()).toList();
        assertEquals(evalSteps, masks.stream().filter(m -> !m.ofTicket()).map(PredictedMasks::step).toList(),
                "one prediction per evaluation, at its step");
        PredictedMasks ticket = masks.get(masks.size() - 1);
        assertTrue(ticket.ofTicket());
        assertEquals(finished.get("step").asLong(), ticket.step());
        byte[] classes = ticket.classBytes();
        long right = 0;
        for (int k = 0; k < classes.length; k++) {
            assertTrue(classes[k] >= 0 && classes[k] < 11, "class " + classes[k]);
            right += classes[k] == test.masks()[k] ? 1 : 0;
        }
        assertTrue(right > classes.length * 0.3, "the ticket gets the background of its canvases right: " + right);
    }

    /**
     * The criteria that back-propagate a training batch (SNIP, GraSP) and RigL's dense gradient read one label per
     * pixel for segmentation: their batch once had room for one label per image.
     */
    @Test
    void rigLAndSnipScoringRunOnASegmentationNetwork() throws Exception {
        SearchSpaceConfig rigl = org.supertickets.space.TrainingMethod.RIGL.applyTo(TestConfigs.tinySegmentation());
        var p = rigl.pruning();
        SearchSpaceConfig snip = rigl.withSearchAndPruning(rigl.search(), new org.supertickets.space.PruningConfig(
                true, p.targetSparsity(), p.intervalEpochs(), "staircase", p.increment(), p.cubicEndEpoch(),
                p.rerank(), p.reuseMask(), p.resetMaskAfterPrune(), p.zeroPrunedWeights(), "snip",
                p.minLayerDensity(), p.lrRestartAtTarget(), p.distillAtTarget()));
        for (SearchSpaceConfig config : java.util.List.of(rigl, snip)) {
            Path file = dir.resolve(config.pruning().schedule() + ".json");
            ConfigIo.write(file, config);
            assertEquals(0, Main.execute("run", file.toString(), "--out", dir.resolve("runs").toString(), "--quiet"),
                    config.pruning().schedule() + ": " + console.err());
        }
    }

    @Test
    void benchAgainstPyTorchRefusesASegmentationConfigWhoseReferenceDoesNotExist() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("bench", "sample-configs/segmentation-demo.json",
                "--vs-pytorch"));
        assertTrue(console.err().contains("builds the classification supernet only") && console.err().contains("Fix:"),
                console.err());
    }
}
