package org.supertickets.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.cli.SlurmCluster;
import org.supertickets.slurm.PointStatus;
import org.supertickets.slurm.SlurmCommands;
import org.supertickets.slurm.SlurmSweepIo;
import org.supertickets.slurm.SlurmSweepTracker;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.runqueue.SlurmSweepsViewModel;

/**
 * The dialog and the Runs tab's Slurm panel against a real Slurm: sbatch's refusal of a bad option is shown with its
 * fix; a submitted sweep is listed by the panel, and the panel's Cancel cancels its job.
 */
class SubmitSweepOnSlurmTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSlurm() throws Exception {
        SlurmCluster.require("SubmitSweepOnSlurmTest");
    }

    private SubmitSweepViewModel vm() {
        SubmitSweepViewModel vm = new SubmitSweepViewModel(DirectRunner.create(), "cpu", dir.resolve("runs"));
        vm.useDesignerConfig(TestConfigs.tinyFashionMnist());
        vm.engineProperty().set(SubmitSweepViewModel.Engine.SLURM);
        vm.cpusPerTaskProperty().set("1");
        return vm;
    }

    @Test
    void aPartitionSlurmDoesNotKnowIsRefusedWithSbatchsWordsAndTheFix() {
        SubmitSweepViewModel vm = vm();
        vm.partitionProperty().set("no-such-partition");
        vm.submit(null);
        assertTrue(vm.failedProperty().get());
        String said = vm.statusProperty().get();
        assertTrue(said.startsWith("sbatch refused") && said.contains("partition") && said.contains("Fix:"), said);
        assertNull(vm.submittedProperty().get());
    }

    @Test
    void aSubmittedSweepIsListedByThePanelAndItsCancelCancelsTheJob() throws Exception {
        SubmitSweepViewModel vm = vm();
        vm.gridProperty().set("seed=1,2");
        vm.timeProperty().set("00:05:00");
        vm.submit(null);
        Path sweep = vm.submittedProperty().get();
        assertNotNull(sweep, vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().matches("Submitted job \\d+: 2 point\\(s\\).*"),
                vm.statusProperty().get());
        String jobId = SlurmSweepIo.read(sweep).submissions().get(0).jobId();

        SlurmSweepsViewModel panel = new SlurmSweepsViewModel(DirectRunner.create());
        panel.refresh(dir.resolve("runs"));
        assertEquals(2, panel.rows().size(), panel.problemProperty().get());
        assertEquals(jobId + "_0", panel.rows().get(0).taskId());
        panel.cancel(panel.rows().get(0));
        assertEquals("Cancelled job " + jobId + " of " + sweep.getFileName() + "; running points write a checkpoint "
                + "('sweep --resume " + sweep + "' continues them).", panel.noticeProperty().get());

        SlurmSweepTracker tracker = new SlurmSweepTracker(sweep, new SlurmCommands());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<PointStatus> statuses = tracker.poll();
        while (!statuses.stream().allMatch(s -> s.phase().ended()) && System.nanoTime() < deadline) {
            Thread.sleep(300);
            statuses = tracker.poll();
        }
        for (PointStatus s : statuses) {
            assertEquals(PointStatus.Phase.FAILED, s.phase(), s.toString());
            assertTrue(s.detail().startsWith("CANCELLED"), s.detail());
        }
        assertTrue(Files.isRegularFile(sweep.resolve("array-1.sh")), "the script submitted is kept");
    }
}
