package org.supertickets.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job-array script, checked by running it with bash as Slurm would, with a fake java. */
class ArrayScriptTest {

    @TempDir
    Path dir;

    @Test
    void arraySpecsJoinConsecutiveIds() {
        assertEquals("0-3", ArrayScript.arraySpec(List.of(0, 1, 2, 3)));
        assertEquals("1,3-5,9", ArrayScript.arraySpec(List.of(1, 3, 4, 5, 9)));
        assertEquals("2", ArrayScript.arraySpec(List.of(2)));
    }

    @Test
    void eachArrayTaskRunsItsOwnPointWithTheGivenJavaAndAppendsToItsLog() throws Exception {
        // a "java" that prints its arguments and two variables the script must export
        Path fakeJava = dir.resolve("bin with space/java");
        Files.createDirectories(fakeJava.getParent());
        Files.writeString(fakeJava, "#!/bin/sh\necho \"threads=$OMP_NUM_THREADS assets=$SUPERTICKETS_ASSETS\"\n"
                + "for a in \"$@\"; do echo \"arg:$a\"; done\n");
        fakeJava.toFile().setExecutable(true);
        Path logA = dir.resolve("01-a.log");
        Path logB = dir.resolve("02-it's.log");
        String script = ArrayScript.render("sweep-x", dir, new SlurmResources("gpu", "01:00:00", 4, 1, "8G",
                List.of("--qos=high")), new ArrayScript.TaskSetup(fakeJava.toString(), "lib/a.jar:lib/b.jar",
                        "org.supertickets.cli.Main", dir, Map.of("SUPERTICKETS_ASSETS", "/data/assets")),
                Map.of(0, List.of("run", "a.json", "--quiet"), 1, List.of("resume", "/runs/it's here")),
                Map.of(0, logA, 1, logB));
        assertTrue(script.contains("#SBATCH --array=0-1\n") && script.contains("#SBATCH --partition=gpu\n")
                && script.contains("#SBATCH --time=01:00:00\n") && script.contains("#SBATCH --cpus-per-task=4\n")
                && script.contains("#SBATCH --gpus-per-task=1\n") && script.contains("#SBATCH --mem=8G\n")
                && script.contains("#SBATCH --qos=high\n"), script);
        assertTrue(script.contains(Path.of("lib/a.jar").toAbsolutePath().toString()), "classpath made absolute");
        Path file = dir.resolve("array.sh");
        Files.writeString(file, script);

        assertEquals(0, runTask(file, "1", "4"));
        String log = Files.readString(logB);
        assertTrue(log.contains("threads=4 assets=/data/assets"), log);
        assertTrue(log.contains("arg:org.supertickets.cli.Main\narg:resume\narg:/runs/it's here\n"), log);
        assertEquals(0, runTask(file, "0", "2"));
        assertTrue(Files.readString(logA).contains("arg:run\narg:a.json\narg:--quiet\n"));
        assertEquals(2, runTask(file, "7", "1"), "an id that is no point fails");
    }

    private int runTask(Path script, String taskId, String cpus) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("bash.out").toFile());
        bash.environment().putAll(Map.of("SLURM_ARRAY_TASK_ID", taskId, "SLURM_ARRAY_JOB_ID", "5",
                "SLURM_CPUS_PER_TASK", cpus));
        Process p = bash.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void badResourcesAreRefusedNamingTheOptionAndTheFix() {
        IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
                () -> new SlurmResources(null, "2h", null, null, null, List.of()).validate());
        assertTrue(time.getMessage().startsWith("--time '2h'") && time.getMessage().contains("Fix:"));
        assertThrows(IllegalArgumentException.class,
                () -> new SlurmResources(null, null, 0, null, null, List.of()).validate());
        assertThrows(IllegalArgumentException.class,
                () -> new SlurmResources(null, null, null, null, "lots", List.of()).validate());
        assertThrows(IllegalArgumentException.class,
                () -> new SlurmResources(null, null, null, null, null, List.of("qos=high")).validate());
        new SlurmResources("debug", "1-12:00:00", 2, 1, "16G", List.of("--qos=high")).validate();
    }

    @Test
    void noValueWithAControlCharacterReachesTheScript() {
        ArrayScript.TaskSetup task = new ArrayScript.TaskSetup("/usr/bin/java", "a.jar", "org.supertickets.cli.Main",
                dir, Map.of());
        SlurmResources none = SlurmResources.defaults();
        IllegalArgumentException folder = assertThrows(IllegalArgumentException.class, () -> ArrayScript.render("s",
                dir.resolve("o\ntouch pwned"), none, task, Map.of(0, List.of("run")), Map.of(0, dir.resolve("l"))));
        assertTrue(folder.getMessage().contains("o\\ntouch pwned") && folder.getMessage().contains("Fix:"),
                folder.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArrayScript.render("s", dir, none,
                new ArrayScript.TaskSetup("/usr/bin/java", "a.jar", "Main", dir.resolve("w\rx"), Map.of()),
                Map.of(0, List.of("run")), Map.of(0, dir.resolve("l"))));
        assertThrows(IllegalArgumentException.class, () -> ArrayScript.render("s", dir, none, task,
                Map.of(0, List.of("run", "a\u0000b")), Map.of(0, dir.resolve("l"))));
        assertThrows(IllegalArgumentException.class, () -> ArrayScript.render("s", dir, none, task,
                Map.of(0, List.of("run")), Map.of(0, dir.resolve("l\n"))));
        assertThrows(IllegalArgumentException.class, () -> ArrayScript.render("s", dir, none,
                new ArrayScript.TaskSetup("/usr/bin/java", "a.jar", "Main", dir, Map.of("X=1\ntouch p;Y", "v")),
                Map.of(0, List.of("run")), Map.of(0, dir.resolve("l"))));
        assertThrows(IllegalArgumentException.class,
                () -> new SlurmResources(null, null, null, null, null, List.of("--qos=high\rtouch p")).validate());
    }
}
