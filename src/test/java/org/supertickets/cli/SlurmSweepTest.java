package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.run.ComparableMetrics;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunOwnership;
import org.supertickets.run.WorkerPool;
import org.supertickets.slurm.PointStatus;
import org.supertickets.slurm.SlurmCommands;
import org.supertickets.slurm.SlurmSweep;
import org.supertickets.slurm.SlurmSweepIo;
import org.supertickets.slurm.SlurmSweepTracker;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;

/**
 * Sweeps on a real Slurm cluster (CI starts a single-node one with src/scripts/start-slurm.sh). Skipped, with the
 * reason printed, only where sbatch is absent; where sbatch is present the cluster must answer.
 */
class SlurmSweepTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSlurm() throws Exception {
        SlurmCluster.require("SlurmSweepTest");
    }

    @Test
    void aGridSubmittedAsAnArrayCompletesEveryPointWithTheLocalEnginesMetrics() throws Exception {
        Path config = dir.resolve("tiny.json");
        ConfigIo.write(config, TestConfigs.tinyFashionMnist());
        String[] grid = {"--grid", "seed=1,2", "--grid", "pruning.targetSparsity=0.5,0.6"};
        // the same PyTorch threads on both engines: what the local engine gives each of two workers
        int threads = WorkerPool.threadsPerWorker(2, Runtime.getRuntime().availableProcessors());

        Path onSlurm = dir.resolve("slurm");
        int exit = Main.execute(concat(new String[] {"sweep", config.toString()}, grid, new String[] {"--engine",
            "slurm", "--cpus-per-task", Integer.toString(threads), "--device", "cpu", "--poll-seconds", "1",
            "--out", onSlurm.toString()}));
        assertEquals(0, exit, console.out() + console.err());
        assertTrue(console.out().matches("(?s)submitted job \\d+: 4 point\\(s\\).*4 of 4 point\\(s\\) completed.*"),
                console.out());

        Path local = dir.resolve("local");
        assertEquals(0, Main.execute(concat(new String[] {"sweep", config.toString()}, grid, new String[] {
            "--workers", "2", "--device", "cpu", "--out", local.toString()})), console.out() + console.err());

        Map<String, RunFolder> slurmRuns = runsByName(onSlurm);
        Map<String, RunFolder> localRuns = runsByName(local);
        assertEquals(4, slurmRuns.size(), slurmRuns.toString());
        assertEquals(localRuns.keySet(), slurmRuns.keySet());
        for (String name : slurmRuns.keySet()) {
            assertTrue(Files.isDirectory(slurmRuns.get(name).ticket()), "no ticket for " + name);
            assertEquals(ComparableMetrics.of(localRuns.get(name)), ComparableMetrics.of(slurmRuns.get(name)),
                    name + " on Slurm differs from the local engine's");
        }
    }

    @Test
    void aKilledTaskFailsWithSlurmsReasonAndResumeCompletesExactlyThePointsThatDidNot() throws Exception {
        Path config = dir.resolve("tiny.json");
        SearchSpaceConfig tiny = TestConfigs.tinyFashionMnist();
        ConfigIo.write(config, tiny.withTraining(tiny.training().withEpochs(6)));
        Path out = dir.resolve("runs");
        assertEquals(0, Main.execute("sweep", config.toString(), "--grid", "seed=1,2,3", "--engine", "slurm",
                "--cpus-per-task", "1", "--device", "cpu", "--detach", "--out", out.toString()), console.err());
        Path sweepFolder = SweepOnSlurm.sweepFolderIn(out);
        SlurmSweepTracker tracker = new SlurmSweepTracker(sweepFolder, new SlurmCommands());
        SlurmSweep sweep = SlurmSweepIo.read(sweepFolder);

        // kill -9 the JVM of the first point to have written a checkpoint, as a dying node would
        int victim = -1;
        long pid = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (victim < 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            for (var point : sweep.points()) {
                Path folder = tracker.runFolderOf(point);
                Path lease = folder == null ? null : folder.resolve(RunOwnership.LEASE_FILE);
                if (lease != null && Files.exists(new RunFolder(folder).latestCheckpoint()) && Files.exists(lease)) {
                    pid = new ObjectMapper().readTree(lease.toFile()).path("pid").asLong();
                    victim = point.index();
                    break;
                }
            }
        }
        assertTrue(victim >= 0, "no point wrote a checkpoint in 300 s: " + tracker.poll());
        ProcessHandle task = ProcessHandle.of(pid).orElseThrow();
        assertTrue(task.destroyForcibly(), "SIGKILL to " + pid);
        task.onExit().get(30, TimeUnit.SECONDS);

        PointStatus killed = null;
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((killed == null || !killed.phase().ended()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            killed = tracker.poll().get(victim);
        }
        assertNotNull(killed);
        assertEquals(PointStatus.Phase.FAILED, killed.phase(), killed.toString());
        assertTrue(killed.detail().startsWith("FAILED") && killed.detail().contains("killed by signal 9"),
                killed.detail());
        assertTrue(killed.resumable(), "its checkpoint is kept");

        console.reset();
        assertEquals(0, Main.execute("sweep", "--cancel", out.toString()), console.out() + console.err());
        console.reset();
        Main.execute("sweep", "--status", out.toString());
        assertTrue(console.out().contains("killed by signal 9"), "the reason is kept after Slurm moved on: "
                + console.out());

        List<PointStatus> before = tracker.poll();
        TreeSet<Integer> missing = new TreeSet<>();
        Map<Integer, String> completedMetrics = new HashMap<>();
        Map<Integer, Path> resumableFolders = new HashMap<>();
        for (PointStatus s : before) {
            if (s.phase() == PointStatus.Phase.COMPLETED) {
                completedMetrics.put(s.point().index(), Files.readString(new RunFolder(s.runFolder()).metrics()));
            } else {
                assertEquals(PointStatus.Phase.FAILED, s.phase(), "every point ended: " + s);
                missing.add(s.point().index());
                if (s.resumable()) {
                    resumableFolders.put(s.point().index(), s.runFolder());
                }
            }
        }
        assertTrue(missing.contains(victim));

        console.reset();
        assertEquals(0, Main.execute("sweep", "--resume", out.toString(), "--poll-seconds", "1"),
                console.out() + console.err());
        SlurmSweep resumed = SlurmSweepIo.read(sweepFolder);
        assertEquals(2, resumed.submissions().size());
        assertEquals(new ArrayList<>(missing), resumed.submissions().get(1).indices(), "exactly the missing points");
        for (PointStatus s : tracker.poll()) {
            int index = s.point().index();
            assertEquals(PointStatus.Phase.COMPLETED, s.phase(), s.toString());
            if (completedMetrics.containsKey(index)) {
                assertEquals(completedMetrics.get(index), Files.readString(new RunFolder(s.runFolder()).metrics()),
                        "a completed point is left alone");
            }
            if (resumableFolders.containsKey(index)) {
                assertEquals(resumableFolders.get(index), s.runFolder(), "resumed in its own folder");
                assertTrue(Files.readString(new RunFolder(s.runFolder()).log()).contains("resumed at step"),
                        "from its checkpoint");
            }
        }
    }

    private static Map<String, RunFolder> runsByName(Path out) throws Exception {
        Map<String, RunFolder> runs = new HashMap<>();
        try (Stream<Path> children = Files.list(out)) {
            for (Path child : children.filter(p -> Files.isRegularFile(p.resolve(RunFolder.CONFIG))).toList()) {
                RunFolder run = RunFolder.open(child);
                runs.put(ConfigIo.loadResolved(run.config()).name(), run);
            }
        }
        return runs;
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }
}
