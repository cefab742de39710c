package org.supertickets.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What each array task of a sweep asks Slurm for; a null (or empty) part is left to the cluster's default.
 *
 * @param partition   {@code --partition}
 * @param time        {@code --time}, Slurm's formats (e.g. 30, 2:00:00, 1-12:00:00)
 * @param cpusPerTask {@code --cpus-per-task}; also the PyTorch threads of the run (OMP_NUM_THREADS)
 * @param gpusPerTask {@code --gpus-per-task}
 * @param mem         {@code --mem}, e.g. 8G
 * @param sbatchArgs  further sbatch options, each written as its own {@code #SBATCH} line
 */
public record SlurmResources(String partition, String time, Integer cpusPerTask, Integer gpusPerTask, String mem,
        List<String> sbatchArgs) {

    private static final Pattern TIME = Pattern.compile("(\\d+-)?\\d+(:\\d{1,2}){0,2}");
    private static final Pattern MEM = Pattern.compile("\\d+[KMGT]?");
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,-]+");

    public SlurmResources {
        sbatchArgs = sbatchArgs == null ? List.of() : List.copyOf(sbatchArgs);
    }

    /** Nothing asked for: the cluster's defaults. */
    public static SlurmResources defaults() {
        return new SlurmResources(null, null, null, null, null, List.of());
    }

    /**
     * Checks every part before anything is written or submitted.
     *
     * @throws IllegalArgumentException naming the option and the fix
     */
    public void validate() {
        if (partition != null && !PARTITION.matcher(partition).matches()) {
            throw new IllegalArgumentException("--partition '" + partition + "' is not a partition name. Fix: one "
                    + "of the names 'sinfo -s' lists.");
        }
        if (time != null && !TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("--time '" + time + "' is not a Slurm time limit. Fix: HH:MM:SS, "
                    + "MM or D-HH:MM:SS, e.g. --time 02:00:00.");
        }
        if (cpusPerTask != null && cpusPerTask < 1) {
            throw new IllegalArgumentException("--cpus-per-task " + cpusPerTask + ": a run needs at least one "
                    + "core. Fix: --cpus-per-task 1 or more.");
        }
        if (gpusPerTask != null && gpusPerTask < 0) {
            throw new IllegalArgumentException("--gpus-per-task " + gpusPerTask + " is negative. Fix: 0 or more "
                    + "(a run uses one GPU).");
        }
        if (mem != null && !MEM.matcher(mem).matches()) {
            throw new IllegalArgumentException("--mem '" + mem + "' is not a Slurm memory size. Fix: a number with "
                    + "an optional K, M, G or T, e.g. --mem 8G.");
        }
        for (String arg : sbatchArgs) {
            ScriptSafety.requireNoControlCharacter("--sbatch-arg", arg);
            if (!arg.startsWith("-")) {
                throw new IllegalArgumentException("--sbatch-arg '" + arg + "' is not one sbatch option. Fix: "
                        + "write it with its value and '=', e.g. --sbatch-arg=--qos=high.");
            }
        }
    }

    /** The {@code #SBATCH} lines for these resources, in a fixed order. */
    List<String> directives() {
        List<String> lines = new ArrayList<>();
        if (partition != null) {
            lines.add("#SBATCH --partition=" + partition);
        }
        if (time != null) {
            lines.add("#SBATCH --time=" + time);
        }
        if (cpusPerTask != null) {
            lines.add("#SBATCH --cpus-per-task=" + cpusPerTask);
        }
        if (gpusPerTask != null) {
            lines.add("#SBATCH --gpus-per-task=" + gpusPerTask);
        }
        if (mem != null) {
            lines.add("#SBATCH --mem=" + mem);
        }
        for (String arg : sbatchArgs) {
            lines.add("#SBATCH " + arg);
        }
        return lines;
    }
}
