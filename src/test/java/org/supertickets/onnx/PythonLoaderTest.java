package org.supertickets.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.cli.Main;
import org.supertickets.data.AssetLocator;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.train.RunFinished;

/**
 * The plain-PyTorch loader in src/scripts builds a fresh ticket from ticket.json and weights.safetensors alone and
 * scores the test accuracy the workbench reported; a segmentation ticket, on the test canvases {@code export
 * --test-canvases} wrote, the reported mean IoU and pixel accuracy. Runs where {@value #PYTHON} imports torch (Debian's
 * python3-torch); elsewhere it is skipped and says why.
 */
class PythonLoaderTest {

    static final String PYTHON = "/usr/bin/python3";
    private static final Path LOADER = Path.of("src", "scripts", "ticket_loader.py");

    @Test
    void theLoaderScoresTheReportedTestAccuracy() throws Exception {
        String missing = whyPythonCannotRun();
        if (missing != null) {
            System.out.println("PythonLoaderTest skipped: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);
        assertTrue(Files.isRegularFile(LOADER), "missing " + LOADER.toAbsolutePath());
        Path ticketFolder = TinyTicketRun.folder().ticket();
        Ticket ticket = TicketIo.read(ticketFolder);

        Output out = run(List.of(PYTHON, LOADER.toString(), ticketFolder.toString(), "--assets",
                AssetLocator.find().toString()));
        assertEquals(0, out.exitCode(), out.text());
        String last = out.text().strip().lines().reduce((a, b) -> b).orElse("");
        JsonNode result = new ObjectMapper().readTree(last);
        System.out.println("ticket_loader.py: " + last);
        assertEquals(TinyTicketRun.TEST_IMAGES, result.get("images").asInt());
        assertEquals(ticket.manifest().metrics().testAccuracy(), result.get("accuracy").asDouble(), 1e-12, last);
    }

    @Test
    void theLoaderScoresASegmentationTicketsReportedMeanIou(@TempDir Path tmp) throws Exception {
        String missing = whyPythonCannotRun();
        if (missing != null) {
            System.out.println("PythonLoaderTest skipped: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);
        Path ticketFolder = TinySegmentationRun.ticket();
        RunFinished reported = TinySegmentationRun.finished();
        Path canvases = tmp.resolve("canvases");
        assertEquals(0, Main.execute("export", ticketFolder.toString(), "--test-canvases", canvases.toString()));

        Output out = run(List.of(PYTHON, LOADER.toString(), ticketFolder.toString(), "--images",
                canvases.resolve(TestCanvasExport.IMAGES).toString(), "--masks",
                canvases.resolve(TestCanvasExport.MASKS).toString()));
        assertEquals(0, out.exitCode(), out.text());
        String last = out.text().strip().lines().reduce((a, b) -> b).orElse("");
        JsonNode result = new ObjectMapper().readTree(last);
        System.out.println("ticket_loader.py: " + last);
        assertEquals(TinySegmentationRun.TEST_CANVASES, result.get("images").asInt());
        assertEquals(reported.testSegmentation().meanIou(), result.get("mean_iou").asDouble(), 1e-12, last);
        assertEquals(reported.testAccuracy(), result.get("pixel_accuracy").asDouble(), 1e-12, last);
        assertEquals(reported.testSegmentation().meanIou(), result.get("reported_mean_iou").asDouble(), 1e-15, last);
    }

    @Test
    void aSegmentationTicketWithoutCanvasesIsToldHowToWriteThem() throws Exception {
        String missing = whyPythonCannotRun();
        Assumptions.assumeTrue(missing == null, missing);
        Output out = run(List.of(PYTHON, LOADER.toString(), TinySegmentationRun.ticket().toString()));
        assertEquals(2, out.exitCode(), out.text());
        assertTrue(out.text().contains("--test-canvases"), out.text());
    }

    /** Null when the interpreter imports torch and numpy; else the reason. */
    private static String whyPythonCannotRun() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is not installed (Debian: apt-get install python3-torch)";
        }
        try {
            Output out = run(List.of(PYTHON, "-c", "import torch, numpy"));
            return out.exitCode() == 0 ? null : PYTHON + " cannot import torch/numpy (apt-get install python3-torch): "
                    + out.text().strip();
        } catch (Exception e) {
            return PYTHON + " does not start: " + e.getMessage();
        }
    }

    private record Output(int exitCode, String text) {
    }

    private static Output run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read to the end before waiting: a full pipe would stall the script.
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Output(-1, "timed out: " + text);
        }
        return new Output(p.exitValue(), text);
    }
}
