package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segmentation run end to end through the command line, on a few small canvases: it trains, searches and prunes,
 * logs pixel accuracy with mean and per-class IoU, and ends with a ticket.
 */
class SegmentationRunTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void aSegmentationDemoRunLogsIouAndWritesATicket() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(Path.of("sample-configs/segmentation-demo.json").toFile());
        ObjectNode data = (ObjectNode) config.get("data");
        data.put("height", 32).put("width", 32).put("trainLimit", 96).put("testLimit", 24);
        ((ObjectNode) config.get("training")).put("epochs", 1).put("batchSize", 16).put("evalBatchSize", 24);
        ((ObjectNode) config.get("pruning")).put("intervalEpochs", 0.5).put("targetSparsity", 0.2);
        ((ObjectNode) config.get("search")).put("evalIntervalEpochs", 0.5).put("rhoWarmupEpochs", 0.1)
                .put("macsTargetEndEpoch", 0.6).put("bnRecalibrationBatches", 2);
        ((ObjectNode) config.get("pruning")).put("cubicEndEpoch", 0.65);
        Path file = dir.resolve("seg.json");
        json.writeValue(file.toFile(), config);

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
    }

    @Test
    void benchAgainstPyTorchRefusesASegmentationConfigWhoseReferenceDoesNotExist() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("bench", "sample-configs/segmentation-demo.json",
                "--vs-pytorch"));
        assertTrue(console.err().contains("builds the classification supernet only") && console.err().contains("Fix:"),
                console.err());
    }
}
