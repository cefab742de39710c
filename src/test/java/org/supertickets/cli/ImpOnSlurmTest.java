package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.pipeline.PipelineIo;
import org.supertickets.pipeline.PipelineManifest;
import org.supertickets.pipeline.PipelineStage;
import org.supertickets.run.ChildJvm;
import org.supertickets.run.ComparableMetrics;
import org.supertickets.run.RunFolder;
import org.supertickets.slurm.PointStatus;
import org.supertickets.slurm.SlurmCommands;
import org.supertickets.slurm.SlurmSweep;
import org.supertickets.slurm.SlurmSweepIo;
import org.supertickets.slurm.SlurmSweepSubmitter;
import org.supertickets.slurm.SlurmSweepTracker;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;

/**
 * The imp pipeline on a real Slurm cluster as one job: cancelled mid-way and resumed with {@code imp --resume}, it
 * ends with the same stages, measures and metrics as the same pipeline run locally with the same threads.
 */
class ImpOnSlurmTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSlurm() throws Exception {
        SlurmCluster.require("ImpOnSlurmTest");
    }

    @Test
    void aPipelineCancelledOnSlurmAndResumedEqualsTheLocalPipeline() throws Exception {
        Path config = dir.resolve("tiny.json");
        SearchSpaceConfig tiny = TestConfigs.tinyFashionMnist();
        ConfigIo.write(config, tiny.withTraining(tiny.training().withEpochs(3)));
        // target 0.5 at 0.6 per level: one pruning level, so three stages (search, train, level-1)
        List<String> imp = List.of("--fraction", "0.6", "--level-epochs", "1", "--device", "cpu");

        Path onSlurm = dir.resolve("slurm");
        List<String> submit = new ArrayList<>(List.of("imp", config.toString(), "--engine", "slurm",
                "--cpus-per-task", "1", "--detach", "--out", onSlurm.toString()));
        submit.addAll(imp);
        assertEquals(0, Main.execute(submit.toArray(String[]::new)), console.out() + console.err());
        assertTrue(console.out().matches("(?s)submitted job \\d+: the imp pipeline as 1 task.*"), console.out());
        Path jobFolder = SweepOnSlurm.sweepFolderIn(onSlurm, SlurmSweepSubmitter.IMP_PREFIX);
        SlurmSweepTracker tracker = new SlurmSweepTracker(jobFolder, new SlurmCommands());

        // cancel once the pipeline has a stage with a checkpoint: the job stops mid-pipeline
        Path pipeline = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline && (pipeline == null || !anyCheckpoint(pipeline))) {
            Thread.sleep(200);
            pipeline = tracker.runFolderOf(SlurmSweepIo.read(jobFolder).points().get(0));
        }
        assertNotNull(pipeline, "the job recorded no pipeline folder in 300 s: " + tracker.poll());
        assertTrue(anyCheckpoint(pipeline), "no stage wrote a checkpoint in 300 s");
        console.reset();
        assertEquals(0, Main.execute("imp", "--cancel", onSlurm.toString()), console.out() + console.err());
        PointStatus cancelled = tracker.poll().get(0);
        assertEquals(PointStatus.Phase.FAILED, cancelled.phase(), cancelled.toString());
        assertTrue(cancelled.detail().startsWith("CANCELLED"), cancelled.detail());
        assertTrue(cancelled.resumable(), "the pipeline's manifest is kept: " + cancelled);
        assertTrue(!PipelineIo.read(pipeline).complete(), "cancelled before its end");

        console.reset();
        assertEquals(0, Main.execute("imp", "--resume", onSlurm.toString(), "--poll-seconds", "1"),
                console.out() + console.err());
        assertTrue(console.out().contains("1 of 1 point(s) completed"), console.out());
        SlurmSweep job = SlurmSweepIo.read(jobFolder);
        assertEquals(2, job.submissions().size(), "resubmitted once");
        assertTrue(Files.readString(jobFolder.resolve(job.submissions().get(1).script()))
                .contains("'resume' '" + pipeline + "'"), "the second job resumes the pipeline in its folder");
        assertEquals(pipeline, tracker.poll().get(0).runFolder(), "one pipeline folder, resumed in place");

        // the same pipeline locally, in a process with the task's one PyTorch thread
        Path local = dir.resolve("local");
        List<String> args = new ArrayList<>(List.of("imp", config.toString(), "--out", local.toString(),
                "--quiet"));
        args.addAll(imp);
        ProcessBuilder here = new ProcessBuilder(ChildJvm.commandLine(args)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("local.log").toFile());
        here.environment().putAll(java.util.Map.of("OMP_NUM_THREADS", "1", "DJL_OFFLINE", "true",
                "OPT_OUT_TRACKING", "true"));
        Process process = here.start();
        assertTrue(process.waitFor(600, TimeUnit.SECONDS), "the local imp did not end in 600 s");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("local.log")));

        PipelineManifest slurmResult = PipelineIo.read(pipeline);
        PipelineManifest localResult = PipelineIo.read(onlyPipelineIn(local));
        assertTrue(slurmResult.complete());
        assertEquals(measures(localResult), measures(slurmResult), "the pipeline on Slurm differs from the local one");
        for (int i = 0; i < localResult.stages().size(); i++) {
            RunFolder slurmStage = new RunFolder(pipeline.resolve(slurmResult.stages().get(i).runFolder()));
            RunFolder localStage = new RunFolder(onlyPipelineIn(local).resolve(localResult.stages().get(i)
                    .runFolder()));
            assertEquals(ComparableMetrics.of(localStage), ComparableMetrics.of(slurmStage),
                    "stage " + localResult.stages().get(i).kind() + "'s metrics");
        }
    }

    private static boolean anyCheckpoint(Path pipeline) throws Exception {
        try (Stream<Path> children = Files.list(pipeline)) {
            return children.filter(Files::isDirectory)
                    .anyMatch(p -> Files.isRegularFile(new RunFolder(p).latestCheckpoint()));
        }
    }

    private static Path onlyPipelineIn(Path out) throws Exception {
        try (Stream<Path> children = Files.list(out)) {
            List<Path> pipelines = children.filter(PipelineIo::isPipeline).toList();
            assertEquals(1, pipelines.size(), pipelines.toString());
            return pipelines.get(0);
        }
    }

    /** What a pipeline's result is, without time. */
    private static List<String> measures(PipelineManifest m) {
        List<String> all = new ArrayList<>();
        for (PipelineStage s : m.stages()) {
            all.add(String.format(Locale.ROOT, "%s sparsity=%s acc=%s macs=%d params=%d trainMacs=%s", s.kind(),
                    s.sparsity(), s.testAccuracy(), s.macs(), s.params(), s.trainingMacs()));
        }
        all.add("rewindStep=" + m.rewindStep() + " ticket=" + (m.ticket() != null));
        return all;
    }
}
