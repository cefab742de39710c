package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.run.ChildJvm;

/**
 * No value a user types can add a line to the job script that sbatch receives: a line break in {@code --out} or in
 * the working directory (both reach {@code #SBATCH} lines, which cannot be quoted) is refused before anything is
 * written or submitted, and quotes elsewhere stay inside their single-quoted word. Checked with a fake {@code sbatch}
 * on the PATH of a child JVM that keeps every script it is handed.
 */
class SlurmScriptInjectionTest {

    /** Every line the script is made of, by its start; anything else would be a line nobody meant. */
    private static final Pattern INTENDED = Pattern.compile("#!/bin/bash|# A SuperTickets sweep: .*"
            + "|#SBATCH --[a-z-]+=.*|set -euo pipefail|# DJL must not .*|export [A-Z_]+=.*|JAVA='.*'|CLASSPATH_='.*'"
            + "|case \"\\$SLURM_ARRAY_TASK_ID\" in|  \\d+\\) LOG='.*'; set -- '.*' ;;|  \\*\\) echo .*|esac"
            + "|echo \"\\$\\(date -Is\\) task .*|exec \"\\$JAVA\" -cp .*");

    @TempDir
    Path dir;

    @Test
    void aLineBreakInOutIsRefusedAndNothingReachesSbatch() throws Exception {
        Path received = dir.resolve("received");
        ChildRun dryRun = sweep(received, dir, "--dry-run", "--out", "runs/o\ntouch pwned\n");
        assertEquals(Main.EXIT_BAD_INPUT, dryRun.exit, dryRun.output);
        assertTrue(dryRun.output.contains("--out '") && dryRun.output.contains("\\ntouch pwned\\n'")
                && dryRun.output.contains("a line break") && dryRun.output.contains("Fix:"), dryRun.output);
        assertFalse(dryRun.output.contains("#!/bin/bash"), "no script printed: " + dryRun.output);

        ChildRun detached = sweep(received, dir, "--detach", "--out", "runs/o\ntouch pwned\n");
        assertEquals(Main.EXIT_BAD_INPUT, detached.exit, detached.output);
        assertFalse(Files.exists(received), "sbatch was never called");
        try (var entries = Files.list(dir)) {
            assertFalse(entries.anyMatch(p -> p.getFileName().toString().startsWith("runs")), "nothing written");
        }
    }

    @Test
    void aLineBreakInTheWorkingDirectoryIsRefused() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("work\ntouch pwned"));
        Path received = dir.resolve("received");
        ChildRun run = sweep(received, cwd, "--detach", "--out", dir.resolve("runs").toString());
        assertEquals(Main.EXIT_BAD_INPUT, run.exit, run.output);
        assertTrue(run.output.contains("The working directory") && run.output.contains("Fix:"), run.output);
        assertFalse(Files.exists(received), "sbatch was never called");
    }

    @Test
    void quotesAndDollarsInOutStayInsideTheirWordsOfTheScriptSbatchReceives() throws Exception {
        Path received = dir.resolve("received");
        String out = dir.resolve("runs o'$(touch pwned)'`touch pwned`").toString();
        ChildRun run = sweep(received, dir, "--detach", "--out", out);
        assertEquals(0, run.exit, run.output);
        Path script;
        try (var scripts = Files.list(received)) {
            script = scripts.findFirst().orElseThrow();
        }
        for (String line : Files.readAllLines(script)) {
            assertTrue(INTENDED.matcher(line).matches(), "a line nobody meant: " + line);
        }
        Process syntax = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertTrue(syntax.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, syntax.exitValue(), new String(syntax.getInputStream().readAllBytes()));
        assertFalse(Files.exists(dir.resolve("pwned")));
    }

    private record ChildRun(int exit, String output) {
    }

    /**
     * {@code sweep quickstart --grid seed=1 --engine slurm ARGS} in a child JVM whose PATH starts with a fake sbatch.
     */
    private ChildRun sweep(Path received, Path workDir, String... args) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path sbatch = bin.resolve("sbatch");
        // keeps the script it is given (its last argument) and answers with a job id, as sbatch --parsable does
        Files.writeString(sbatch, "#!/bin/sh\nmkdir -p '" + received + "'\nfor last; do :; done\n"
                + "cp \"$last\" '" + received + "'/\necho 4242\n");
        sbatch.toFile().setExecutable(true);
        List<String> cli = new ArrayList<>(List.of("sweep", Path.of("sample-configs/quickstart.json").toAbsolutePath()
                .toString(), "--grid", "seed=1", "--engine", "slurm"));
        cli.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(Main.class, cli)).directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        return new ChildRun(child.exitValue(), output);
    }
}
