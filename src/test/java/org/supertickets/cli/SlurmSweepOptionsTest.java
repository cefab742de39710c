package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sweep command's Slurm options, without a cluster: the dry run and every refusal. */
class SlurmSweepOptionsTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void aDryRunPrintsTheArrayScriptAndWritesNothing() throws Exception {
        Path out = dir.resolve("runs");
        assertEquals(0, Main.execute("sweep", "sample-configs/quickstart.json", "--grid", "seed=1,2,3", "--engine",
                "slurm", "--dry-run", "--partition", "gpu", "--gpus-per-task", "1", "--time", "02:00:00",
                "--sbatch-arg=--qos=high", "--out", out.toString()), console.err());
        String script = console.out();
        assertTrue(script.startsWith("#!/bin/bash\n") && script.contains("#SBATCH --array=0-2\n")
                && script.contains("#SBATCH --partition=gpu\n") && script.contains("#SBATCH --gpus-per-task=1\n")
                && script.contains("#SBATCH --time=02:00:00\n") && script.contains("#SBATCH --qos=high\n"), script);
        assertTrue(script.contains("  2) LOG=") && script.contains("'run' '" + out.toAbsolutePath()), script);
        assertTrue(script.contains("export SUPERTICKETS_ASSETS="), "the task is told where the data is: " + script);
        assertTrue(!Files.exists(out), "a dry run writes nothing");
    }

    @Test
    void wrongCombinationsAreRefusedWithTheFix() {
        assertRefused("--workers is for the local engine", "sweep", "sample-configs/quickstart.json", "--grid",
                "seed=1", "--engine", "slurm", "--workers", "2");
        assertRefused("are for Slurm", "sweep", "sample-configs/quickstart.json", "--grid", "seed=1",
                "--partition", "gpu");
        assertRefused("--engine 'pbs' is unknown", "sweep", "sample-configs/quickstart.json", "--grid", "seed=1",
                "--engine", "pbs");
        assertRefused("sweep needs a CONFIG", "sweep", "--grid", "seed=1");
        assertRefused("--time '2h'", "sweep", "sample-configs/quickstart.json", "--grid", "seed=1", "--engine",
                "slurm", "--time", "2h", "--dry-run");
        assertRefused("is neither a sweep submitted to Slurm", "sweep", "--status", dir.toString());
    }

    private void assertRefused(String expected, String... args) {
        console.reset();
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute(args), console.out());
        assertTrue(console.err().contains(expected) && console.err().contains("Fix:"), console.err());
    }
}
