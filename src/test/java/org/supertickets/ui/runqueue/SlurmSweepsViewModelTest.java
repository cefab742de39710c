package org.supertickets.ui.runqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.slurm.PointStatus;
import org.supertickets.slurm.SlurmException;
import org.supertickets.slurm.SlurmResources;
import org.supertickets.slurm.SlurmSweep;
import org.supertickets.slurm.SlurmSweepIo;
import org.supertickets.slurm.Submission;
import org.supertickets.slurm.SweepPoint;
import org.supertickets.slurm.TaskState;
import org.supertickets.ui.DirectRunner;

/** The Runs tab's Slurm sweeps, read from sweep folders on disk through a reader the test controls. */
class SlurmSweepsViewModelTest {

    @TempDir
    Path runs;

    private final List<Path> asked = new ArrayList<>();

    private Path sweep(String name, int points) throws Exception {
        Path folder = runs.resolve(name);
        Files.createDirectories(folder);
        List<SweepPoint> all = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            all.add(new SweepPoint(i, "tiny-seed=" + (i + 1), "p.json", "p.log", "p.folder"));
        }
        SlurmSweepIo.write(folder, new SlurmSweep(runs.toString(), null, SlurmResources.defaults(), all,
                List.of(new Submission("42", "array-1.sh", List.of(0, 1), "now")), Map.of()));
        return folder;
    }

    private List<PointStatus> read(Path folder) throws java.io.IOException {
        asked.add(folder);
        SlurmSweep sweep = SlurmSweepIo.read(folder);
        return List.of(
                new PointStatus(sweep.points().get(0), "42_0", PointStatus.Phase.RUNNING,
                        new TaskState("RUNNING", "None", ""), runs.resolve("tiny-seed_1-x"), 0.4, true, "running, 40%"),
                new PointStatus(sweep.points().get(1), "42_1", PointStatus.Phase.FAILED,
                        new TaskState("TIMEOUT", "TimeLimit", "0:0"), null, 0, false, "TIMEOUT (TimeLimit) at 0%"));
    }

    @Test
    void listsEveryPointOfEverySweepNewestFirstWithSlurmsState() throws Exception {
        sweep("sweep-20261201-100000", 2);
        sweep("sweep-20261202-100000", 2);
        Files.createDirectories(runs.resolve("sweep-20261203-100000")); // a local sweep: no slurm-sweep.json
        SlurmSweepsViewModel vm = new SlurmSweepsViewModel(DirectRunner.create(), this::read, folder -> List.of());
        vm.refresh(runs);
        assertEquals(4, vm.rows().size());
        SlurmSweepsViewModel.Row first = vm.rows().get(0);
        assertEquals("sweep-20261202-100000", first.sweep());
        assertEquals("42_0", first.taskId());
        assertEquals("RUNNING", first.slurm());
        assertEquals(0.4, first.progress());
        assertEquals("TIMEOUT", vm.rows().get(1).slurm());
        assertEquals("TIMEOUT (TimeLimit) at 0%", vm.rows().get(1).detail());
        assertEquals("", vm.problemProperty().get());
        assertEquals(2, asked.size(), "the local sweep is not asked about");
    }

    @Test
    void aRunsFolderWithoutSlurmSweepsAsksNothing() throws Exception {
        Files.createDirectories(runs.resolve("tiny-seed_1-20261202-100000"));
        SlurmSweepsViewModel vm = new SlurmSweepsViewModel(DirectRunner.create(), this::read, folder -> List.of());
        vm.refresh(runs);
        vm.refresh(runs.resolve("missing"));
        assertTrue(vm.rows().isEmpty());
        assertTrue(asked.isEmpty());
    }

    @Test
    void anUnreachableSlurmIsShownAsAProblemNamingTheSweep() throws Exception {
        sweep("sweep-20261202-100000", 2);
        SlurmSweepsViewModel vm = new SlurmSweepsViewModel(DirectRunner.create(), folder -> {
            throw new SlurmException("squeue failed: connection refused. Fix: is the Slurm controller reachable?");
        }, folder -> List.of());
        vm.refresh(runs);
        assertTrue(vm.rows().isEmpty());
        assertTrue(vm.problemProperty().get().startsWith("sweep-20261202-100000: squeue failed"),
                vm.problemProperty().get());
    }

    @Test
    void openFollowsARunFolderOrThePipelinesLatestStageAndCancelCancelsTheRowsSweep() throws Exception {
        Path sweep = sweep("sweep-20261202-100000", 2);
        List<Path> cancelled = new ArrayList<>();
        SlurmSweepsViewModel vm = new SlurmSweepsViewModel(DirectRunner.create(), this::read, folder -> {
            cancelled.add(folder);
            return List.of("42");
        });
        vm.refresh(runs);
        SlurmSweepsViewModel.Row running = vm.rows().get(0);
        assertEquals(runs.resolve("tiny-seed_1-x"), vm.folderToOpen(running));
        assertEquals(null, vm.folderToOpen(vm.rows().get(1)), "no run folder yet");
        assertTrue(vm.noticeProperty().get().startsWith("tiny-seed=2 has no run folder yet"),
                vm.noticeProperty().get());

        // a pipeline on Slurm: Open follows the stage written last
        Path pipeline = runs.resolve("tiny-seed_1-x");
        Files.createDirectories(pipeline);
        Files.writeString(pipeline.resolve("pipeline.json"), "{}");
        for (String stage : new String[] {"a-search", "b-train"}) {
            Files.createDirectories(pipeline.resolve(stage));
            Files.writeString(pipeline.resolve(stage).resolve("config.json"), "{}");
            Files.writeString(pipeline.resolve(stage).resolve("metrics.jsonl"), "");
        }
        Files.setLastModifiedTime(pipeline.resolve("a-search/metrics.jsonl"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertEquals(pipeline.resolve("a-search"), vm.folderToOpen(running));

        int asks = asked.size();
        vm.cancel(running);
        assertEquals(List.of(sweep), cancelled);
        assertTrue(vm.noticeProperty().get().startsWith("Cancelled job 42 of sweep-20261202-100000"),
                vm.noticeProperty().get());
        assertTrue(asked.size() > asks, "the rows are read again after a cancel");

        SlurmSweepsViewModel refusing = new SlurmSweepsViewModel(DirectRunner.create(), this::read, folder -> {
            throw new SlurmException("scancel 42 failed: Access denied. Fix: only the job's owner may cancel it.");
        });
        refusing.refresh(runs);
        refusing.cancel(refusing.rows().get(0));
        assertEquals("Cannot cancel sweep-20261202-100000: scancel 42 failed: Access denied. Fix: only the job's "
                + "owner may cancel it.", refusing.noticeProperty().get());
    }
}
