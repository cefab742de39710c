package org.supertickets.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunFolderReader;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.LayerShape;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.RunFinished;
import org.supertickets.train.SnapshotBuilder;
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

    /**
     * A tiny network whose weights are whole int8 levels (so the snapshot's int8 copy holds them exactly), a third
     * of them masked: each layer's histogram counts exactly its alive weights, and each depthwise layer's |γ|.
     */
    @Test
    void aSnapshotBecomesAHistogramPerLayerOfItsAliveWeightsAndOfTheDepthwiseGammas() throws Exception {
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinySynthetic()), 3);
        Random random = new Random(5);
        Map<String, HostTensor> changed = new LinkedHashMap<>();
        Map<String, double[]> aliveWeights = new LinkedHashMap<>();
        for (LayerShape layer : network.architecture().layers()) {
            HostTensor w = network.tensor(TensorNames.weight(layer.name()));
            float[] weights = new float[w.size()];
            float[] mask = new float[w.size()];
            List<Double> alive = new ArrayList<>();
            for (int i = 0; i < weights.length; i++) {
                weights[i] = i == 0 ? -127 : random.nextInt(255) - 127; // the scale is 127: level = value
                mask[i] = i > 0 && random.nextInt(3) == 0 ? 0 : 1;
                if (mask[i] != 0) {
                    alive.add((double) weights[i]);
                }
            }
            changed.put(TensorNames.weight(layer.name()), new HostTensor(weights, w.shape()));
            changed.put(TensorNames.mask(layer.name()), new HostTensor(mask, w.shape()));
            aliveWeights.put(layer.name(), alive.stream().mapToDouble(Double::doubleValue).toArray());
        }
        Map<String, double[]> gammas = new LinkedHashMap<>();
        for (BlockState block : network.architecture().blocks()) {
            for (BranchState branch : block.branches()) {
                String bn = TensorNames.depthwiseBn(block, branch) + TensorNames.GAMMA;
                float[] gamma = new float[network.tensor(bn).size()];
                double[] magnitude = new double[gamma.length];
                for (int i = 0; i < gamma.length; i++) {
                    gamma[i] = (float) random.nextGaussian();
                    magnitude[i] = Math.abs(gamma[i]);
                }
                changed.put(bn, new HostTensor(gamma, network.tensor(bn).shape()));
                gammas.put(TensorNames.depthwise(block, branch), magnitude);
            }
        }
        network = network.withTensors(changed);

        TensorBoardLog log = new TensorBoardLog(() -> 5.0, m -> { });
        log.onEvent(SnapshotBuilder.build(network, 7, 0.5, "prune", true));
        log.onEvent(SnapshotBuilder.build(network, 9, 0.6, "prune", false));
        Path file = log.writeInto(dir);
        log.close();

        List<TfEventFileReader.Event> events = TfEventFileReader.read(file);
        assertEquals(3, events.size(), "the file version, then one event per snapshot");
        TfEventFileReader.Event withWeights = events.get(1);
        assertEquals(7, withWeights.step());
        Map<String, TfEventFileReader.Histo> histograms = withWeights.histograms();
        assertEquals(aliveWeights.size() + gammas.size(), histograms.size(), histograms.keySet().toString());
        aliveWeights.forEach((layer, values) -> assertHistogramOf(values, histograms.get("weights/" + layer)));
        gammas.forEach((layer, values) -> assertHistogramOf(values, histograms.get("gamma/" + layer)));
        assertEquals(gammas.keySet().stream().map(l -> "gamma/" + l).collect(java.util.stream.Collectors.toSet()),
                events.get(2).histograms().keySet(), "a snapshot without weights still has the channels' |γ|");
    }

    @Test
    void equalValuesMakeOneBucketAndValuesNotFiniteNone() {
        Histogram same = Histogram.of(new double[] {0.5, 0.5, Double.NaN});
        assertEquals(2, same.num(), "NaN (a diverged γ) is not counted");
        assertEquals(0.5, same.bucketLimits()[0]);
        assertEquals(1, same.bucketLimits().length);
        assertEquals(2, same.bucketCounts()[0]);
        assertEquals(null, Histogram.of(new double[] {Double.NaN}), "no data, no histogram");
        assertEquals(null, Histogram.of(new double[0]));
    }

    /** Counted as HistogramProto says: bucket i holds (limit[i-1], limit[i]], bucket 0 everything up to limit[0]. */
    private static void assertHistogramOf(double[] values, TfEventFileReader.Histo h) {
        assertNotNull(h);
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(values.length, h.num());
        assertEquals(sorted[0], h.min());
        assertEquals(sorted[sorted.length - 1], h.max());
        assertEquals(java.util.Arrays.stream(values).sum(), h.sum(), 1e-9 * values.length);
        assertEquals(java.util.Arrays.stream(values).map(v -> v * v).sum(), h.sumSquares(), 1e-9 * values.length);
        List<Double> limits = h.bucketLimits();
        assertEquals(h.min() == h.max() ? 1 : 30, limits.size(), "about 30 buckets that span the data");
        assertEquals(h.max(), limits.get(limits.size() - 1).doubleValue());
        assertEquals(limits.size(), h.buckets().size());
        for (int i = 0; i < limits.size(); i++) {
            double low = i == 0 ? -Double.MAX_VALUE : limits.get(i - 1);
            double high = limits.get(i);
            long expected = java.util.Arrays.stream(values).filter(v -> v > low && v <= high).count();
            assertEquals((double) expected, h.buckets().get(i).doubleValue(), "bucket " + i);
        }
    }

    /** The config as text and its values as hparams at step 0; a completed run ends the session with SUCCESS. */
    @Test
    void theConfigIsTextAndItsValuesAreTheHParamsOfASessionThatEndsWithTheRun() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        TensorBoardLog log = new TensorBoardLog(() -> 1_700_000_100.25, m -> { });
        Path file = log.writeInto(dir);
        log.describe(config);
        log.onEvent(finished(40, RunFinished.Outcome.COMPLETED));
        log.close();
        assertThrows(IllegalStateException.class, () -> log.describe(config), "described once");

        List<TfEventFileReader.Event> events = TfEventFileReader.read(file);
        TfEventFileReader.Event text = only(events, e -> e.tensors().containsKey("config"));
        assertEquals(0, text.step());
        assertEquals("text", text.plugins().get("config").pluginName());
        TfEventFileReader.Tensor tensor = text.tensors().get("config");
        assertEquals(7, tensor.dtype(), "DT_STRING");
        assertEquals(List.of(), tensor.shape(), "a scalar");
        String markdown = tensor.strings().get(0);
        assertEquals(1, tensor.strings().size());
        assertTrue(markdown.startsWith("```json\n") && markdown.endsWith("\n```\n"), markdown);
        String json = markdown.substring("```json\n".length(), markdown.length() - "\n```\n".length());
        assertEquals(config, ConfigIo.parseResolved(Path.of("config"), json), "the text is the config");

        TfEventFileReader.Event start = only(events,
                e -> e.plugins().containsKey("_hparams_/session_start_info"));
        assertEquals(0, start.step());
        TfEventFileReader.PluginData startData = start.plugins().get("_hparams_/session_start_info");
        assertEquals("hparams", startData.pluginName());
        TfEventFileReader.Tensor nullTensor = start.tensors().get("_hparams_/session_start_info");
        assertEquals(1, nullTensor.dtype(), "DT_FLOAT");
        assertEquals(List.of(0L), nullTensor.shape(), "TensorBoard's NULL_TENSOR: a float vector of length 0");
        TfEventFileReader.HParams hparams = TfEventFileReader.hparams(startData.content());
        assertEquals(0, hparams.version());
        assertEquals(null, hparams.end());
        Map<String, Object> values = hparams.start().hparams();
        assertEquals(0.5, values.get("pruning.targetSparsity"));
        assertEquals(true, values.get("search.enabled"));
        assertEquals("fashion-mnist", values.get("data.dataset"));
        assertEquals("supertickets", values.get("method"));
        assertEquals(11.0, values.get("seed"));
        assertEquals(1_700_000_100.25, hparams.start().startTimeSecs());

        TfEventFileReader.Event end = only(events, e -> e.plugins().containsKey("_hparams_/session_end_info"));
        assertEquals(40, end.step());
        TfEventFileReader.HParams ended = TfEventFileReader.hparams(
                end.plugins().get("_hparams_/session_end_info").content());
        assertEquals(null, ended.start());
        assertEquals(1, ended.end().status(), "STATUS_SUCCESS");
        assertEquals(1_700_000_100.25, ended.end().endTimeSecs());
    }

    @Test
    void aFailedRunEndsItsSessionWithFailureAndACancelledOneLeavesItOpenForTheResume() throws Exception {
        TensorBoardLog log = new TensorBoardLog(() -> 3.0, m -> { });
        Path file = log.writeInto(dir);
        log.onEvent(finished(5, RunFinished.Outcome.CANCELLED));
        log.onEvent(finished(6, RunFinished.Outcome.FAILED));
        log.close();
        List<TfEventFileReader.Event> ends = TfEventFileReader.read(file).stream()
                .filter(e -> e.plugins().containsKey("_hparams_/session_end_info")).toList();
        assertEquals(1, ends.size());
        assertEquals(6, ends.get(0).step());
        assertEquals(2, TfEventFileReader.hparams(ends.get(0).plugins().get("_hparams_/session_end_info")
                .content()).end().status(), "STATUS_FAILURE");
    }

    @Test
    void hparamValuesAreTypedFromTheirJsonText() {
        assertEquals(0.001, ConfigHParams.typed("1e-3"));
        assertEquals(-2.0, ConfigHParams.typed("-2"));
        assertEquals(false, ConfigHParams.typed("false"));
        assertEquals("cubic", ConfigHParams.typed("cubic"));
        assertEquals("0x10", ConfigHParams.typed("0x10"), "a number only as JSON writes one");
        assertEquals("NaN", ConfigHParams.typed("NaN"));
        assertEquals(null, ConfigHParams.typed("null"), "unset: left out");
        SearchSpaceConfig bigSeed = TestConfigs.tinySynthetic().withSeed(Long.MAX_VALUE);
        assertEquals(String.valueOf(Long.MAX_VALUE), ConfigHParams.of(bigSeed).get("seed"), "no rounded seed");
    }

    private static RunFinished finished(long step, RunFinished.Outcome outcome) {
        return new RunFinished(step, 1, outcome, "", 0.5, 1.0, 0.5, 0.3, 100, 50, 10, 2.0, 1e6);
    }

    private static TfEventFileReader.Event only(List<TfEventFileReader.Event> events,
            java.util.function.Predicate<TfEventFileReader.Event> which) {
        List<TfEventFileReader.Event> found = events.stream().filter(which).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    /**
     * A real (tiny, one-epoch) run, its log started as {@code run --tensorboard} starts it: every scalar in the
     * event file equals its value in metrics.jsonl, every snapshot in snapshots.jsonl has a histogram per layer
     * counting its alive weights and its channels, the config text is config.json, and the hparams session
     * starts with the config's values and ends in SUCCESS.
     */
    @Test
    void aRunsEventFileHoldsTheValuesOfItsMetricsJsonl() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        config = config.withTraining(config.training().withEpochs(1));
        Path file;
        LocalRun run;
        try (TensorBoardLog log = new TensorBoardLog()) {
            run = LocalRun.start(config, dir, "cpu", log);
            log.describe(ConfigIo.loadRecorded(run.folder().config()));
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

        List<String> countedBySnapshots = new ArrayList<>();
        for (TrainingEvent e : events) {
            if (e instanceof ConnectivitySnapshot snapshot) {
                for (LayerSnapshot layer : snapshot.layers()) {
                    if (layer.weights() != null && layer.kept() > 0) {
                        countedBySnapshots.add(snapshot.step() + " weights/" + layer.name() + " " + layer.kept());
                    }
                    if (layer.importance() != null && layer.importance().length > 0) {
                        countedBySnapshots.add(snapshot.step() + " gamma/" + layer.name() + " "
                                + layer.importance().length);
                    }
                }
            }
        }
        List<String> countedByHistograms = new ArrayList<>();
        for (TfEventFileReader.Event e : read) {
            e.histograms().forEach((tag, h) -> countedByHistograms.add(e.step() + " " + tag + " " + (long) h.num()));
        }
        assertTrue(countedBySnapshots.stream().anyMatch(c -> c.contains(" gamma/")), countedBySnapshots.toString());
        assertEquals(countedBySnapshots.stream().sorted().toList(), countedByHistograms.stream().sorted().toList());

        String configText = only(read, e -> e.tensors().containsKey("config")).tensors().get("config").strings()
                .get(0);
        assertEquals("```json\n" + Files.readString(run.folder().config()).strip() + "\n```\n", configText);
        TfEventFileReader.HParams start = TfEventFileReader.hparams(only(read,
                e -> e.plugins().containsKey("_hparams_/session_start_info")).plugins()
                .get("_hparams_/session_start_info").content());
        assertEquals(1.0, start.start().hparams().get("training.epochs"));
        assertEquals(true, start.start().hparams().get("pruning.enabled"));
        TfEventFileReader.HParams end = TfEventFileReader.hparams(only(read,
                e -> e.plugins().containsKey("_hparams_/session_end_info")).plugins()
                .get("_hparams_/session_end_info").content());
        assertEquals(1, end.end().status(), "STATUS_SUCCESS");
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
