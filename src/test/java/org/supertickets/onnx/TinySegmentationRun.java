package org.supertickets.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.supertickets.run.LocalRun;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;

/**
 * One real segmentation run, as small as still ends with a ticket that predicts more than one class (one epoch
 * predicts background everywhere, which would make any argmax agree): the demo's network on 96 training canvases of
 * 32 × 32 for two epochs, pruned to 20 %, scored on 24 test canvases. Trained once per test JVM (a few seconds) and
 * shared by the tests that use a segmentation ticket from outside.
 */
final class TinySegmentationRun {

    /** Test canvases the ticket is scored on: 24 × 32 × 32 = 24,576 pixels. */
    static final int TEST_CANVASES = 24;

    private static LocalRun run;
    private static RunFinished finished;

    private TinySegmentationRun() {
    }

    /** The demo config (sample-configs/segmentation-demo.json) shrunk like {@code SegmentationRunTest}'s. */
    static SearchSpaceConfig config() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path sample = Path.of("sample-configs/segmentation-demo.json");
        ObjectNode config = (ObjectNode) json.readTree(sample.toFile());
        ((ObjectNode) config.get("data")).put("height", 32).put("width", 32).put("trainLimit", 96)
                .put("testLimit", TEST_CANVASES);
        ((ObjectNode) config.get("training")).put("epochs", 2).put("batchSize", 16).put("evalBatchSize", 24)
                .put("device", "cpu");
        ((ObjectNode) config.get("pruning")).put("intervalEpochs", 0.5).put("targetSparsity", 0.2)
                .put("cubicEndEpoch", 1.3);
        ((ObjectNode) config.get("search")).put("evalIntervalEpochs", 0.5).put("rhoWarmupEpochs", 0.1)
                .put("macsTargetEndEpoch", 1.2).put("bnRecalibrationBatches", 2);
        config.put("name", "outside-segmentation");
        return ConfigIo.parseResolved(sample, json.writeValueAsString(config));
    }

    /** The ticket folder, training the run on first use. */
    static Path ticket() throws Exception {
        return start().folder().ticket();
    }

    /** What the run reported for its ticket (pixel accuracy, mean IoU). */
    static RunFinished finished() throws Exception {
        start();
        return finished;
    }

    private static synchronized LocalRun start() throws Exception {
        if (run == null) {
            Path runs = Files.createTempDirectory("outside-segmentation-runs");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(runs)));
            LocalRun started = LocalRun.start(config(), runs, "cpu", null);
            RunFinished f = started.completion().get();
            if (f.outcome() != RunFinished.Outcome.COMPLETED || f.testSegmentation() == null) {
                throw new IllegalStateException("the tiny segmentation run did not complete: " + f.message());
            }
            run = started;
            finished = f;
        }
        return run;
    }

    /**
     * An IDX file of unsigned bytes as written by {@code export --test-canvases}: its dimensions, then its values.
     *
     * @param dims   the dimensions from the header
     * @param values the bytes, 0..255
     */
    record Idx(int[] dims, int[] values) {

        static Idx read(Path file) throws IOException {
            try (InputStream raw = Files.newInputStream(file);
                    DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
                int magic = in.readInt();
                if ((magic >>> 8) != 0x08) {
                    throw new IOException(file + ": not unsigned bytes (magic " + Integer.toHexString(magic) + ")");
                }
                int[] dims = new int[magic & 0xff];
                int count = 1;
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = in.readInt();
                    count *= dims[i];
                }
                int[] values = new int[count];
                for (int i = 0; i < count; i++) {
                    values[i] = in.readUnsignedByte();
                }
                return new Idx(dims, values);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }
}
