package org.supertickets.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.cli.Main;
import org.supertickets.data.DatasetLoader;
import org.supertickets.space.DataConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketInput;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketManifest;
import org.supertickets.ticket.VersionOneTicket;

/**
 * An exported ticket, run by ONNX Runtime on the shipped test images with only the preprocessing written in the
 * model's metadata, scores exactly the test accuracy the workbench reported for it.
 */
class OnnxExportTest {

    @TempDir
    Path tmp;

    @Test
    void aFreshTicketRunsInOnnxRuntimeToItsReportedAccuracy() throws Exception {
        Path ticketFolder = TinyTicketRun.folder().ticket();
        Ticket ticket = TicketIo.read(ticketFolder);
        assertEquals(TicketManifest.FORMAT, ticket.manifest().format());
        DataConfig data = TinyTicketRun.config().data();
        float[] mean = DatasetLoader.load(data, TinyTicketRun.config().seed()).normalization().mean();
        TicketInput input = ticket.manifest().input();
        assertEquals(Arrays.toString(mean), Arrays.toString(input.mean()),
                "ticket.json records the statistics the run applied");
        assertEquals("T-shirt/top", input.classNames().get(0));
        assertTrue(input.testSplit().startsWith("the first " + TinyTicketRun.TEST_IMAGES + " images of"),
                input.testSplit());
        assertEquals(TinyTicketRun.TEST_IMAGES, input.testSet().images(), "the run records how many it scored");
        assertEquals(TinyTicketRun.TEST_IMAGES, input.testSet().limit());

        Path onnx = tmp.resolve("fresh.onnx");
        OnnxExport.Result r = OnnxExport.toOnnx(ticketFolder, onnx);
        assertEquals(Files.size(onnx), r.bytes());
        double accuracy = onnxRuntimeAccuracy(onnx, TinyTicketRun.TEST_IMAGES);
        System.out.printf(java.util.Locale.ROOT, "ONNX Runtime %.4f, reported %.4f; %,d bytes for %,d weights (%,d "
                + "alive)%n", accuracy, ticket.manifest().metrics().testAccuracy(), r.bytes(), r.weights(), r.kept());
        assertEquals(ticket.manifest().metrics().testAccuracy(), accuracy, 1e-12);
        assertTrue(accuracy > 0.2, "the ticket beats chance (0.1) clearly: " + accuracy);
    }

    @Test
    void aVersionOneTicketStillOpensAndExportsWithItsStatisticsRecomputed() throws Exception {
        Path v1 = VersionOneTicket.copyTo(tmp.resolve("v1-ticket"));
        Ticket ticket = TicketIo.read(v1);
        TicketManifest m = ticket.manifest();
        assertEquals(TicketManifest.FORMAT_V1, m.format());
        assertNull(m.input(), "version 1 did not record the input");
        assertNotNull(m.graph(), "the graph follows from the architecture");
        assertEquals(1e-5, m.bnEpsilon());

        Path onnx = tmp.resolve("v1.onnx");
        assertEquals(0, Main.execute("export", v1.toString(), "--onnx", onnx.toString()));
        int testImages = m.provenance().config().data().testLimit();
        assertEquals(m.metrics().testAccuracy(), onnxRuntimeAccuracy(onnx, testImages), 1e-12);
    }

    @Test
    void exportNamesAMissingTicketAndExitsWithBadInput() throws Exception {
        Path missing = tmp.resolve("no-ticket-here");
        Files.createDirectories(missing);
        assertEquals(2, Main.execute("export", missing.toString(), "--onnx", tmp.resolve("x.onnx").toString()));
        assertTrue(Files.notExists(tmp.resolve("x.onnx")));
    }

    /** Accuracy of the model on the first {@code count} shipped test images, preprocessed from its metadata only. */
    static double onnxRuntimeAccuracy(Path model, int count) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model.toString(), options)) {
            Map<String, String> md = session.getMetadata().getCustomMetadata();
            assertEquals(List.of("input"), List.copyOf(session.getInputNames()));
            if (md.containsKey("test_images")) {
                assertEquals(String.valueOf(count), md.get("test_images"), "the images the ticket was scored on");
            }
            float mean = single(md.get("mean"));
            float std = single(md.get("std"));
            ShippedTestImages images = ShippedTestImages.firstOf("fashion-mnist", count);
            float[] x = images.normalised(Double.parseDouble(md.get("pixel_scale")), mean, std);
            int side = images.side();
            try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x),
                    new long[] {count, 1, side, side});
                    OrtSession.Result result = session.run(Map.of("input", input))) {
                float[][] logits = (float[][]) result.get(0).getValue();
                int correct = 0;
                for (int i = 0; i < count; i++) {
                    correct += argmax(logits[i]) == images.labels()[i] ? 1 : 0;
                }
                return (double) correct / count;
            }
        }
    }

    /** The one value of a metadata list such as {@code [0.2860]} (one grey channel). */
    static float single(String list) {
        String[] parts = list.replace("[", "").replace("]", "").split(",");
        assertEquals(1, parts.length, "one grey channel: " + list);
        return Float.parseFloat(parts[0].trim());
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
