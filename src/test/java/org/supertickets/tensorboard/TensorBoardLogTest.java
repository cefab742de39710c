package org.supertickets.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunFolderReader;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;

/** Issue 14: TensorBoard event files next to metrics.jsonl, read back with a reader written from the format. */
class TensorBoardLogTest {

    @TempDir
    Path dir;

    @Test
    void theChecksumIsTheCastagnoliCrcOfTheSpecification() {
        // RFC 3720 B.4: 32 bytes of zeros; the usual check value of "123456789".
        assertEquals(masked(0x8A9136AAL), TfEventFileReader.masked(new byte[32]));
        assertEquals(masked(0xE3069283L), TfEventFileReader.masked("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(TfEventFileReader.masked(new byte[32]), TfRecordWriter.maskedCrc32c(new byte[32]) & 0xFFFFFFFFL);
    }

    private static long masked(long crc) {
        return ((((crc >>> 15) | (crc << 17)) & 0xFFFFFFFFL) + 0xa282ead8L) & 0xFFFFFFFFL;
    }

    @Test
    void eventsBeforeTheFolderExistsAreKeptAndAFlippedByteIsCaught() throws Exception {
        TensorBoardLog log = new TensorBoardLog(() -> 1_700_000_000.5, m -> { });
        log.onEvent(new StepMetrics(3, 0.1, 2.25, 0.125, 0.05, 0, 1, 500));
        Path file = log.writeInto(dir);
        log.onEvent(new StepMetrics(4, 0.2, Double.NaN, 0.25, 0.05, 0.5, 2.5, 640));
        log.close();
        assertTrue(file.getFileName().toString().startsWith("events.out.tfevents.1700000000."), file.toString());

        List<TfEventFileReader.Event> events = TfEventFileReader.read(file);
        assertEquals(3, events.size());
        assertEquals("brain.Event:2", events.get(0).fileVersion());
        assertEquals(1_700_000_000.5, events.get(0).wallTime());
        assertEquals(3, events.get(1).step());
        assertEquals(Map.of("train/loss", 2.25f, "train/accuracy", 0.125f, "train/learning_rate", 0.05f,
                "train/rho", 0f, "train/gradient_norm", 1f, "train/images_per_second", 500f), events.get(1).scalars());
        assertEquals(Map.of("train/accuracy", 0.25f, "train/learning_rate", 0.05f, "train/rho", 0.5f,
                "train/gradient_norm", 2.5f, "train/images_per_second", 640f), events.get(2).scalars(),
                "a NaN loss is left out: TensorBoard would draw it as a gap anyway");

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 0x01;
        Files.write(file, bytes);
        assertThrows(IOException.class, () -> TfEventFileReader.read(file));
    }

    @Test
    void aFailedWriteEndsTheLogNotTheRun() throws Exception {
        AtomicInteger warnings = new AtomicInteger();
        TensorBoardLog log = new TensorBoardLog(() -> 1.0, m -> warnings.incrementAndGet());
        log.writeInto(dir);
        log.close(); // writes after this fail like a full disk
        log.onEvent(new StepMetrics(1, 0.1, 1, 0.5, 0.1, 0, 1, 100));
        log.onEvent(new StepMetrics(2, 0.2, 1, 0.5, 0.1, 0, 1, 100));
        assertEquals(1, warnings.get());
    }

    /** A real (tiny, one-epoch) run: every scalar in the event file equals its value in metrics.jsonl. */
    @Test
    void aRunsEventFileHoldsTheValuesOfItsMetricsJsonl() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        config = config.withTraining(config.training().withEpochs(1));
        Path file;
        LocalRun run;
        try (TensorBoardLog log = new TensorBoardLog()) {
            run = LocalRun.start(config, dir, "cpu", log);
            file = log.writeInto(run.folder().path());
            RunFinished finished = run.completion().get();
            assertEquals(RunFinished.Outcome.COMPLETED, finished.outcome(), finished.message());
        }
        assertEquals(run.folder().path(), file.getParent(), "next to metrics.jsonl");

        Map<String, Map<Long, Float>> fromJsonl = new TreeMap<>();
        List<TrainingEvent> events = new RunFolderReader(run.folder()).readNew();
        for (TrainingEvent e : events) {
            long step = step(e);
            TensorBoardLog.scalarsOf(e).forEach((tag, v) -> {
                if (Double.isFinite(v)) {
                    fromJsonl.computeIfAbsent(tag, t -> new TreeMap<>()).put(step, v.floatValue());
                }
            });
        }
        Map<String, Map<Long, Float>> fromEvents = new TreeMap<>();
        List<TfEventFileReader.Event> read = TfEventFileReader.read(file);
        assertEquals("brain.Event:2", read.get(0).fileVersion());
        List<Double> wallTimes = new ArrayList<>();
        for (TfEventFileReader.Event e : read.subList(1, read.size())) {
            wallTimes.add(e.wallTime());
            e.scalars().forEach((tag, v) -> fromEvents.computeIfAbsent(tag, t -> new TreeMap<>()).put(e.step(), v));
        }
        assertEquals(fromJsonl, fromEvents);
        for (String tag : List.of("train/loss", "train/accuracy", "train/learning_rate", "train/rho",
                "train/gradient_norm", "train/images_per_second", "validation/accuracy", "sparsity/weights",
                "cost/macs", "test/accuracy")) {
            assertTrue(fromEvents.containsKey(tag), "no " + tag + " in " + fromEvents.keySet());
        }
        assertTrue(TensorBoardLog.TAGS.containsAll(fromEvents.keySet()), fromEvents.keySet().toString());
        assertEquals(wallTimes.stream().sorted().toList(), wallTimes, "wall times never go back");
    }

    @Test
    void curvesMeasuredOnTheTestSetAreNamedForItAndSegmentationAddsItsMeanIou() {
        var onTest = new org.supertickets.train.EvalMetrics(10, 1, 0.5, 0.8, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
                org.supertickets.train.EvalMetrics.TEST, null);
        assertEquals(java.util.Set.of("test/accuracy", "test/loss"), TensorBoardLog.scalarsOf(onTest).keySet()
                .stream().filter(t -> t.startsWith("test/") || t.startsWith("validation/"))
                .collect(java.util.stream.Collectors.toSet()), "no validation/ tag without a validation split");
        var segmentation = new org.supertickets.train.EvalMetrics(10, 1, 0.5, 0.8, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
                org.supertickets.train.EvalMetrics.VALIDATION,
                new org.supertickets.train.SegmentationMetrics(0.4, 0.3, new double[] {0.9, 0.3}));
        var scalars = TensorBoardLog.scalarsOf(segmentation);
        assertEquals(0.4, scalars.get("validation/mean_iou"), 1e-12);
        assertEquals(0.3, scalars.get("validation/mean_iou_objects"), 1e-12);
        assertTrue(TensorBoardLog.TAGS.containsAll(scalars.keySet()));
    }

    private static long step(TrainingEvent e) {
        if (e instanceof StepMetrics m) {
            return m.step();
        } else if (e instanceof org.supertickets.train.EvalMetrics m) {
            return m.step();
        } else if (e instanceof org.supertickets.train.PruneEvent m) {
            return m.step();
        }
        return e instanceof RunFinished m ? m.step() : -1;
    }
}
