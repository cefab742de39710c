package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.NetworkConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.TrainingConfig;
import org.supertickets.train.PredictedMasks;
import org.supertickets.train.RunFinished;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainerCheckpoint;
import org.supertickets.train.TrainingListener;

/** A run stopped at any moment continues from its checkpoint and ends exactly where the uninterrupted one ends. */
class ResumeTest {

    @TempDir
    Path runs;

    @Test
    void cancelledThenResumedRunEqualsTheUninterruptedOne() throws Exception {
        cancelAndResumeEqualsWhole(TestConfigs.tinyFashionMnist());
    }

    /**
     * The official recipe's state (the moving average of the weights, RMSProp's two buffers and its count) is
     * checkpointed, sliced at each shrink and restored: a run cancelled after a shrink ends like the whole one —
     * also with distillation from the average, which starts at the target, after the cancel.
     */
    @Test
    void aRunWithTheAverageAndRmsPropResumesExactly() throws Exception {
        SearchSpaceConfig official = TestConfigs.tinyFashionMnist();
        TrainingConfig t = official.training();
        cancelAndResumeEqualsWhole(official.withTraining(t.withOptimizer("rmsprop", false).withLearningRate(0.01)
                .withEma(t.ema().withEnabled(true))).withPruning(official.pruning().withDistillAtTarget(0.5)));
    }

    /**
     * A folder of a workbench from before the {@code network} section and the weight average existed recorded
     * neither: it trained with our block and no average. Today's defaults are the official ones, yet it resumes
     * (same config hash) and ends as it would have.
     */
    @Test
    void aFolderRecordedBeforeTheOfficialDefaultsResumesAsItRan() throws Exception {
        SearchSpaceConfig tiny = TestConfigs.tinyFashionMnist();
        SearchSpaceConfig ours = ConfigResolver.resolve(tiny.withNetwork(new NetworkConfig("dense", 1e-5, 0.1,
                "mobilenetv2")).withTraining(tiny.training().withEma(tiny.training().ema().withEnabled(false))));
        cancelAndResumeEqualsWhole(ours, folder -> {
            ObjectMapper json = new ObjectMapper();
            ObjectNode recorded = (ObjectNode) json.readTree(folder.config().toFile());
            recorded.remove("network");
            ((ObjectNode) recorded.get("training")).remove("ema");
            Files.writeString(folder.config(), json.writeValueAsString(recorded));
        });
    }

    /** What an older workbench left in a stopped run's folder, before it is resumed. */
    private interface OlderFolder {
        void rewrite(RunFolder folder) throws Exception;
    }

    private void cancelAndResumeEqualsWhole(SearchSpaceConfig config) throws Exception {
        cancelAndResumeEqualsWhole(config, folder -> { });
    }

    private void cancelAndResumeEqualsWhole(SearchSpaceConfig config, OlderFolder older) throws Exception {
        LocalRun whole = LocalRun.start(config, runs.resolve("a"), "cpu", null);
        assertEquals(RunFinished.Outcome.COMPLETED, whole.completion().get().outcome());

        // Cancel in the middle of an evaluation interval and of a step-metrics window.
        LocalRun[] holder = new LocalRun[1];
        TrainingListener cancelAt = e -> {
            if (e instanceof StepMetrics m && m.step() == 50) {
                holder[0].control().cancel();
            }
        };
        Path partDir = runs.resolve("b");
        holder[0] = startWithListener(config, partDir, cancelAt);
        RunFinished first = holder[0].completion().get();
        assertEquals(RunFinished.Outcome.CANCELLED, first.outcome());
        assertEquals(50, first.step(), "it stops before the next step");

        older.rewrite(holder[0].folder());
        LocalRun resumed = LocalRun.resume(holder[0].folder().path(), null, null);
        RunFinished end = resumed.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, end.outcome(), end.message());
        assertEquals(ComparableMetrics.of(whole.folder()), ComparableMetrics.of(resumed.folder()));
    }

    /** Wall time sums the segments: a resumed run adds its own to what its checkpoint says came before (issue 30). */
    @Test
    void aResumedRunsWallTimeCountsTheSegmentsBeforeIt() throws Exception {
        LocalRun[] holder = new LocalRun[1];
        TrainingListener cancelAt = e -> {
            if (e instanceof StepMetrics m && m.step() == 50) {
                holder[0].control().cancel();
            }
        };
        holder[0] = startWithListener(TestConfigs.tinyFashionMnist(), runs.resolve("w"), cancelAt);
        assertEquals(RunFinished.Outcome.CANCELLED, holder[0].completion().get().outcome());
        RunFolder folder = holder[0].folder();
        TrainerCheckpoint saved = CheckpointIo.read(folder.latestCheckpoint());
        assertTrue(saved.wallSeconds() > 0, "the checkpoint records the time spent up to it");
        // As if the first segment had trained for 20 minutes before its last checkpoint.
        CheckpointIo.write(folder.latestCheckpoint(), new TrainerCheckpoint(saved.step(), saved.pruneEvents(),
                saved.network(), saved.momentum(), saved.windowLoss(), saved.windowCorrect(), saved.windowImages(),
                saved.trainingMacs(), saved.configHash(), saved.previousEventMasks(), saved.secondMoments(),
                saved.optimizerUpdates(), saved.weightAverage(), 1200));

        RunFinished end = LocalRun.resume(folder.path(), null, null).completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, end.outcome(), end.message());
        assertTrue(end.wallSeconds() > 1200 && end.wallSeconds() < 1200 + 600,
                "20 min before plus this segment: " + end.wallSeconds());
    }

    /**
     * A segmentation run cancelled right after its first evaluation resumes with its predictions repaired like its
     * metrics: a record written after the checkpoint and a torn line are dropped, the canvases stay recorded once, and
     * the predictions of the resumed run are those of the uninterrupted one, byte for byte.
     */
    @Test
    void aSegmentationRunResumesWithTheSamePredictions() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinySegmentation();
        LocalRun whole = LocalRun.start(config, runs.resolve("a"), "cpu", null);
        assertEquals(RunFinished.Outcome.COMPLETED, whole.completion().get().outcome());

        LocalRun[] holder = new LocalRun[1];
        long[] cancelledAt = {-1};
        TrainingListener cancelAfterFirstEvaluation = e -> {
            if (e instanceof PredictedMasks m && cancelledAt[0] < 0) {
                cancelledAt[0] = m.step();
                holder[0].control().cancel();
            }
        };
        holder[0] = startWithListener(config, runs.resolve("b"), cancelAfterFirstEvaluation);
        assertEquals(RunFinished.Outcome.CANCELLED, holder[0].completion().get().outcome());
        RunFolder part = holder[0].folder();
        // What a kill between an evaluation and its checkpoint leaves: a record after the checkpoint, a torn line.
        String later = EventJson.toJson(PredictedMasks.of(cancelledAt[0] + 1, 9, PredictedMasks.EVALUATION, 1, 1, 1,
                new byte[] {3}));
        Files.writeString(part.predictions(), later + "\n" + later.substring(0, 30), StandardOpenOption.APPEND);

        LocalRun resumed = LocalRun.resume(part.path(), null, null);
        assertEquals(RunFinished.Outcome.COMPLETED, resumed.completion().get().outcome());

        List<String> wholeLines = Files.readAllLines(whole.folder().predictions());
        List<String> resumedLines = Files.readAllLines(part.predictions());
        assertEquals(1, resumedLines.stream().filter(l -> l.contains("\"prediction_canvases\"")).count());
        assertEquals(wholeLines.size(), resumedLines.size(), String.join("\n", resumedLines));
        for (int i = 0; i < wholeLines.size(); i++) {
            assertEquals(wholeLines.get(i), resumedLines.get(i), "line " + i);
        }
    }

    private static LocalRun startWithListener(SearchSpaceConfig config, Path dir, TrainingListener l)
            throws Exception {
        return LocalRun.start(config, dir, "cpu", l);
    }

    @Test
    void aProcessKilledWithSigkillResumesToTheSameResult() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        Path configFile = runs.resolve("tiny.json");
        ConfigIo.write(configFile, config);
        Path killedRuns = runs.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.supertickets.cli.Main", "run", configFile.toString(), "--out", killedRuns.toString(),
                "--device", "cpu", "--quiet").redirectErrorStream(true).redirectOutput(runs.resolve("child.log")
                .toFile()).start();
        Path checkpoint = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (checkpoint == null && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(50);
            if (Files.isDirectory(killedRuns)) {
                try (var dirs = Files.list(killedRuns)) {
                    checkpoint = dirs.map(d -> d.resolve("checkpoints/latest.safetensors")).filter(Files::exists)
                            .findFirst().orElse(null);
                }
            }
        }
        assertTrue(checkpoint != null, "the child wrote no checkpoint: " + Files.readString(runs.resolve("child.log")));
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        child.waitFor(30, TimeUnit.SECONDS);
        Path runDir = checkpoint.getParent().getParent();

        LocalRun resumed = LocalRun.resume(runDir, null, null);
        RunFinished end = resumed.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, end.outcome(), end.message());

        LocalRun whole = LocalRun.start(config, runs.resolve("whole"), "cpu", null);
        whole.completion().get();
        assertEquals(ComparableMetrics.of(whole.folder()), ComparableMetrics.of(resumed.folder()));
    }
}
