package org.supertickets.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.cli.Main;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.Supernet;
import org.supertickets.space.Architecture;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.train.RunFinished;
import org.supertickets.train.SegmentationScores;

/**
 * An exported segmentation ticket, run by ONNX Runtime on the test canvases {@code export --test-canvases} wrote,
 * with only the preprocessing in the model's metadata, predicts every pixel as the workbench did: exactly the
 * reported pixel accuracy and mean IoU, and logits within float rounding of the workbench's own forward pass.
 */
class SegmentationExportTest {

    /** Largest difference allowed between ONNX Runtime's and the workbench's logits (they are of order 1-10). */
    private static final float LOGIT_TOLERANCE = 1e-4f;

    @TempDir
    Path tmp;

    @Test
    void aSegmentationTicketRunsInOnnxRuntimeToItsReportedMeanIou() throws Exception {
        Path ticketFolder = TinySegmentationRun.ticket();
        RunFinished reported = TinySegmentationRun.finished();
        Ticket ticket = TicketIo.read(ticketFolder);
        Architecture a = ticket.network().architecture();
        assertEquals(reported.testSegmentation().meanIou(), ticket.manifest().metrics().testMeanIou(),
                "ticket.json records the run's mean IoU");

        Path onnx = tmp.resolve("segmentation.onnx");
        Path canvases = tmp.resolve("canvases");
        assertEquals(0, Main.execute("export", ticketFolder.toString(), "--onnx", onnx.toString(),
                "--test-canvases", canvases.toString()));
        TinySegmentationRun.Idx images = TinySegmentationRun.Idx.read(canvases.resolve(TestCanvasExport.IMAGES));
        TinySegmentationRun.Idx masks = TinySegmentationRun.Idx.read(canvases.resolve(TestCanvasExport.MASKS));
        int n = TinySegmentationRun.TEST_CANVASES;
        int h = a.inHeight();
        int w = a.inWidth();
        int k = a.classes();
        assertArrayEquals(new int[] {n, h, w}, images.dims());
        assertArrayEquals(new int[] {n, h, w}, masks.dims());

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] input;
        float[] logits;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(onnx.toString(), options)) {
            Map<String, String> md = session.getMetadata().getCustomMetadata();
            assertEquals("segmentation", md.get("task"));
            assertEquals(String.valueOf(reported.testSegmentation().meanIou()), md.get("test_mean_iou"));
            assertEquals(List.of("logits"), List.copyOf(session.getOutputNames()));
            input = normalised(images.values(), Double.parseDouble(md.get("pixel_scale")),
                    OnnxExportTest.single(md.get("mean")), OnnxExportTest.single(md.get("std")));
            try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {n, 1, h, w});
                    OrtSession.Result result = session.run(Map.of("input", x))) {
                OnnxTensor out = (OnnxTensor) result.get(0);
                assertArrayEquals(new long[] {n, k, h, w}, out.getInfo().getShape());
                FloatBuffer buffer = out.getFloatBuffer();
                logits = new float[buffer.remaining()];
                buffer.get(logits);
            }
        }

        SegmentationScores scores = new SegmentationScores(k);
        long[] predicted = argmaxPerPixel(logits, n, k, h * w);
        long[] truth = Arrays.stream(masks.values()).asLongStream().toArray();
        long classesPredicted = Arrays.stream(predicted).distinct().count();
        scores.add(predicted, truth, truth.length);
        float maxDifference = maxDifference(logits, workbenchLogits(ticket, input, n, h, w));
        System.out.printf(Locale.ROOT, "ONNX Runtime: mIoU %.6f, pixel accuracy %.6f; reported %.6f, %.6f; logits "
                + "differ by at most %.3g; %d classes predicted%n", scores.meanIou(), scores.pixelAccuracy(),
                reported.testSegmentation().meanIou(), reported.testAccuracy(), maxDifference,
                classesPredicted);
        assertEquals(reported.testSegmentation().meanIou(), scores.meanIou(), 1e-12);
        assertEquals(reported.testAccuracy(), scores.pixelAccuracy(), 1e-12);
        assertEquals(ticket.manifest().metrics().testAccuracy(), scores.pixelAccuracy(), 1e-12);
        assertTrue(maxDifference <= LOGIT_TOLERANCE, "logits differ by " + maxDifference);
        assertTrue(classesPredicted >= 3, "the ticket predicts objects too, so the argmax is no foregone conclusion: "
                + classesPredicted + " classes");
        assertTrue(scores.iou(0) > 0.3, "the ticket finds the background: IoU " + scores.iou(0));
    }

    /** The workbench's own forward pass of the ticket ({@link Supernet}, evaluation mode) on the same input. */
    private static float[] workbenchLogits(Ticket ticket, float[] input, int n, int h, int w) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(ticket.network(), manager, Device.cpu())) {
            NDArray logits = net.forward(manager.create(input, new Shape(n, 1, h, w)), BatchNormMode.EVAL);
            return logits.toFloatArray();
        }
    }

    private static float[] normalised(int[] pixels, double scale, float mean, float std) {
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) {
            // in float, as the workbench reads pixels (byte / 255f)
            x[i] = (pixels[i] / (float) scale - mean) / std;
        }
        return x;
    }

    /** The class of each pixel, {@code [N, H·W]} from logits {@code [N, K, H·W]}. */
    private static long[] argmaxPerPixel(float[] logits, int n, int k, int plane) {
        long[] predicted = new long[n * plane];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < plane; p++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (logits[(i * k + c) * plane + p] > logits[(i * k + best) * plane + p]) {
                        best = c;
                    }
                }
                predicted[i * plane + p] = best;
            }
        }
        return predicted;
    }

    private static float maxDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
