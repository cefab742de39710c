package org.supertickets.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.slurm.ArrayScript;
import org.supertickets.slurm.SlurmCommands;
import org.supertickets.slurm.SlurmSweepSubmitter;
import org.supertickets.space.ConfigIo;
import org.supertickets.ui.DirectRunner;

/** Run ▸ Submit sweep…'s view model: the script from the options, and every input a user can get wrong. */
class SubmitSweepViewModelTest {

    @TempDir
    Path dir;

    private SubmitSweepViewModel vm(boolean sbatchPresent) {
        SubmitSweepViewModel vm = new SubmitSweepViewModel(DirectRunner.create(), "cpu", dir.resolve("runs"),
                () -> sbatchPresent, () -> new SlurmSweepSubmitter(new SlurmCommands(),
                        ArrayScript.TaskSetup.ofThisJvm()));
        vm.useDesignerConfig(TestConfigs.tinyFashionMnist());
        return vm;
    }

    @Test
    void theScriptShownIsTheArrayOfEveryPointWithTheOptionsGiven() {
        SubmitSweepViewModel vm = vm(true);
        vm.engineProperty().set(SubmitSweepViewModel.Engine.SLURM);
        vm.gridProperty().set("seed=1,2\n\n pruning.targetSparsity=0.5,0.6 ");
        vm.partitionProperty().set("debug");
        vm.timeProperty().set("00:05:00");
        vm.cpusPerTaskProperty().set("2");
        vm.gpusPerTaskProperty().set("1");
        vm.memProperty().set("2G");
        vm.sbatchArgsProperty().set("--qos=high\n--account=lab");
        assertEquals("", vm.problemsProperty().get());
        assertEquals(4, vm.pointCount());
        String script = vm.previewProperty().get();
        for (String line : new String[] {"#SBATCH --array=0-3", "#SBATCH --partition=debug", "#SBATCH --time=00:05:00",
            "#SBATCH --cpus-per-task=2", "#SBATCH --gpus-per-task=1", "#SBATCH --mem=2G", "#SBATCH --qos=high",
            "#SBATCH --account=lab"}) {
            assertTrue(script.contains(line + "\n"), line + " in\n" + script);
        }
        for (int task = 0; task < 4; task++) {
            String point = vm.points().get(task).name();
            assertTrue(script.contains("  " + task + ") LOG='" + dir.resolve("runs").toAbsolutePath()), script);
            assertTrue(script.contains(String.format("%02d-%s.json", task + 1, point)), point + " in\n" + script);
        }
        assertTrue(script.contains("'--device' 'cpu'"), "the Runs view's device goes to every point");
        assertTrue(vm.canSubmit());

        vm.timeProperty().set("");
        assertFalse(vm.previewProperty().get().contains("--time"), "a cleared option is the cluster's default");
    }

    @Test
    void everyWrongInputIsNamedWithItsFixAndNothingCanBeSubmitted() {
        SubmitSweepViewModel vm = vm(true);
        vm.engineProperty().set(SubmitSweepViewModel.Engine.SLURM);
        expectProblem(vm, () -> vm.timeProperty().set("soon"), "--time 'soon' is not a Slurm time limit. Fix:");
        vm.timeProperty().set("");
        expectProblem(vm, () -> vm.memProperty().set("lots"), "--mem 'lots' is not a Slurm memory size. Fix:");
        vm.memProperty().set("");
        expectProblem(vm, () -> vm.cpusPerTaskProperty().set("0"), "--cpus-per-task '0' is not a whole number of 1");
        vm.cpusPerTaskProperty().set("");
        expectProblem(vm, () -> vm.gpusPerTaskProperty().set("one"), "--gpus-per-task 'one' is not a whole number");
        vm.gpusPerTaskProperty().set("");
        expectProblem(vm, () -> vm.sbatchArgsProperty().set("qos=high"), "--sbatch-arg 'qos=high' is not one "
                + "sbatch option. Fix:");
        vm.sbatchArgsProperty().set("");
        expectProblem(vm, () -> vm.gridProperty().set("seed"), "Grid: 'seed' is not KEY=V1,V2,...");
        expectProblem(vm, () -> vm.gridProperty().set("pruning.nope=1,2"), "Grid: 'pruning.nope' is not a config "
                + "field");
        expectProblem(vm, () -> vm.gridProperty().set(" \n"), "Grid: no axis. Fix:");
        expectProblem(vm, () -> vm.gridProperty().set("pruning.targetSparsity=1.5"), "Grid: a point is not a valid");
        vm.gridProperty().set("seed=1");
        expectProblem(vm, () -> vm.outProperty().set(" "), "Out folder: empty. Fix:");
        vm.outProperty().set("runs");
        expectProblem(vm, () -> vm.useDesignerConfig(null), "Config: none. Fix:");
        vm.useDesignerConfig(TestConfigs.tinyFashionMnist());
        vm.engineProperty().set(SubmitSweepViewModel.Engine.LOCAL);
        expectProblem(vm, () -> vm.workersProperty().set("0"), "Workers: '0' is not a whole number of 1 or more");
        vm.workersProperty().set("2");
        assertEquals("", vm.problemsProperty().get());
        assertTrue(vm.previewProperty().get().startsWith("1 run(s) on this machine, 2 at a time"),
                vm.previewProperty().get());
    }

    private static void expectProblem(SubmitSweepViewModel vm, Runnable change, String problem) {
        change.run();
        assertTrue(vm.problemsProperty().get().contains(problem), problem + " in: " + vm.problemsProperty().get());
        assertEquals("", vm.previewProperty().get(), "no script while there is a problem");
        assertFalse(vm.canSubmit());
    }

    @Test
    void withoutSbatchTheSubmissionFailsSayingSoAndWritesNothing() throws Exception {
        SubmitSweepViewModel vm = vm(false);
        vm.engineProperty().set(SubmitSweepViewModel.Engine.SLURM);
        vm.submit(null);
        assertTrue(vm.failedProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("sbatch is not on the PATH") && vm.statusProperty().get()
                .contains("Fix:"), vm.statusProperty().get());
        assertNull(vm.submittedProperty().get());
        assertFalse(vm.busyProperty().get());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing written");
    }

    @Test
    void aConfigFileIsReadAndABrokenOneIsNamed() throws Exception {
        SubmitSweepViewModel vm = vm(true);
        Path file = dir.resolve("base.json");
        ConfigIo.write(file, TestConfigs.tinyFashionMnist().withTraining(TestConfigs.tinyFashionMnist().training()
                .withEpochs(2)));
        vm.useConfigFile(file);
        assertEquals(file.toString(), vm.configSourceProperty().get());
        assertEquals(2, vm.configProperty().get().training().epochs());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ not json");
        vm.useConfigFile(broken);
        assertTrue(vm.configSourceProperty().get().contains("cannot be used"));
        assertTrue(vm.problemsProperty().get().contains("broken.json"), vm.problemsProperty().get());
        assertFalse(vm.canSubmit());
    }

    @Test
    void theEngineProposedIsSlurmOnlyWhereSbatchIsOnThePath() {
        assertEquals(SubmitSweepViewModel.Engine.SLURM, vm(true).engineProperty().get());
        assertEquals(SubmitSweepViewModel.Engine.LOCAL, vm(false).engineProperty().get(),
                "issue 30: Slurm proposed on a machine without sbatch");
    }
}
