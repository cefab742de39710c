package org.supertickets.slurm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's own commands ({@code sbatch}, {@code squeue}, {@code scontrol}, {@code sacct}, {@code scancel}) as
 * found on the PATH, run with this process's environment (so {@code SLURM_CONF} names the cluster). One call
 * asks about a whole array, so following a sweep costs one {@code squeue} per poll, whatever its size.
 */
public final class SlurmCommands {

    /** Slurm's commands answer in milliseconds; a controller that does not answer in this is down. */
    private static final long TIMEOUT_SECONDS = 60;

    /** What to say when {@link #sbatchOnPath()} is false; the caller adds the fix that fits where it is said. */
    public static final String NO_SBATCH = "sbatch is not on the PATH, so nothing can be submitted to Slurm.";

    /** Whether {@code sbatch} is on the PATH. */
    public static boolean sbatchOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "sbatch"))) {
                return true;
            }
        }
        return false;
    }

    /** Submits a script and returns the job id. */
    public String submit(Path script) throws SlurmException {
        Output out = run(List.of("sbatch", "--parsable", script.toString()));
        if (out.exitCode() != 0) {
            throw new SlurmException("sbatch refused " + script + ": " + out.text().strip() + ". Fix: check the "
                    + "options (--partition, --time, --gpus-per-task, --sbatch-arg) against 'sinfo -s' and your "
                    + "cluster's limits; SLURM_CONF must name the cluster's slurm.conf.");
        }
        // --parsable prints "jobid" or "jobid;cluster"
        String id = out.text().strip().lines().reduce((a, b) -> b).orElse("").split(";")[0].strip();
        if (!id.matches("\\d+")) {
            throw new SlurmException("sbatch printed no job id for " + script + " but: " + out.text().strip());
        }
        return id;
    }

    /**
     * The tasks of an array that Slurm still has in its queue (pending, running, completing), by array task id.
     * A job that has left the queue gives an empty map.
     */
    public Map<Integer, TaskState> queued(String jobId) throws SlurmException {
        Output out = run(List.of("squeue", "-h", "-r", "-j", jobId, "-o", "%K|%T|%r"));
        if (out.exitCode() != 0) {
            if (out.text().contains("Invalid job id")) {
                return Map.of();
            }
            throw unreachable("squeue", out);
        }
        return SlurmOutput.squeue(out.text());
    }

    /**
     * How the tasks of an array that Slurm still remembers stand or ended ({@code scontrol show job}; finished jobs
     * stay there for MinJobAge, 300 s by default), then, for those it forgot, the accounting database
     * ({@code sacct}) where the cluster keeps one.
     */
    public Map<Integer, TaskState> known(String jobId) throws SlurmException {
        Map<Integer, TaskState> states = new HashMap<>();
        Output accounting = run(List.of("sacct", "-n", "-P", "-X", "-j", jobId, "--format=JobID,State,ExitCode,"
                + "Reason"));
        if (accounting.exitCode() == 0) {
            states.putAll(SlurmOutput.sacct(accounting.text(), jobId));
        }
        Output control = run(List.of("scontrol", "-o", "show", "job", jobId));
        if (control.exitCode() == 0) {
            states.putAll(SlurmOutput.scontrol(control.text()));
        } else if (!control.text().contains("Invalid job id")) {
            throw unreachable("scontrol", control);
        }
        return states;
    }

    /** Cancels every task of an array that has not ended ({@code scancel}). */
    public void cancel(String jobId) throws SlurmException {
        Output out = run(List.of("scancel", jobId));
        if (out.exitCode() != 0 && !out.text().contains("already completing or completed")
                && !out.text().contains("Invalid job id")) {
            throw new SlurmException("scancel " + jobId + " failed: " + out.text().strip() + ". Fix: check "
                    + "'squeue -j " + jobId + "'; only the job's owner (or an admin) may cancel it.");
        }
    }

    private static SlurmException unreachable(String command, Output out) {
        return new SlurmException(command + " failed: " + out.text().strip() + ". Fix: is the Slurm controller "
                + "reachable ('scontrol ping')? SLURM_CONF must name the cluster's slurm.conf.");
    }

    private record Output(int exitCode, String text) {
    }

    private static Output run(List<String> command) throws SlurmException {
        Path capture = null;
        try {
            capture = Files.createTempFile("slurm-", ".out");
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(capture.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SlurmException(command.get(0) + " did not answer within " + TIMEOUT_SECONDS + " s. Fix: "
                        + "check the Slurm controller ('scontrol ping').");
            }
            return new Output(process.exitValue(), Files.readString(capture, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SlurmException("Cannot run " + command.get(0) + ": " + e.getMessage() + ". Fix: install "
                    + "Slurm's client commands (Debian: slurm-client) and put them on the PATH.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException(command.get(0) + " was interrupted");
        } finally {
            if (capture != null) {
                try {
                    Files.deleteIfExists(capture);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
