package org.supertickets.slurm;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.supertickets.data.AssetLocator;
import org.supertickets.data.DatasetException;
import org.supertickets.run.ChildJvm;

/**
 * The job-array script of a sweep: one array task per point, each an ordinary {@code run} (or, on resume, a
 * {@code resume} of the point's run folder) of the workbench's command line, its output appended to the point's
 * log. Everything the task needs is in the script: the java binary, the classpath and the environment, so that
 * it runs the same on any node that sees the same paths.
 */
public final class ArrayScript {

    /**
     * How a task starts the workbench's command line on a node.
     *
     * @param java        the java binary
     * @param classpath   the classpath
     * @param mainClass   the command line's main class
     * @param workDir     where the task runs: the folder sweep was started in, so that relative paths in the
     *                    configs (data.path) mean what they mean to a local run
     * @param environment variables the task exports (e.g. where the embedded datasets are)
     */
    public record TaskSetup(String java, String classpath, String mainClass, Path workDir,
            Map<String, String> environment) {

        /** Every classpath entry made absolute, so that it does not depend on where the task starts. */
        public TaskSetup {
            classpath = Arrays.stream(classpath.split(File.pathSeparator)).filter(e -> !e.isEmpty())
                    .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                    .collect(Collectors.joining(File.pathSeparator));
            workDir = workDir.toAbsolutePath().normalize();
            environment = new TreeMap<>(environment);
        }

        /**
         * This JVM's java and classpath starting the workbench's command line, in the folder this process runs in,
         * with the embedded datasets when they are found.
         */
        public static TaskSetup ofThisJvm() {
            List<String> java = ChildJvm.commandLine(List.of());
            Map<String, String> environment = new HashMap<>();
            try {
                environment.put(AssetLocator.ENV, AssetLocator.find().toAbsolutePath().normalize().toString());
            } catch (DatasetException e) {
                // a config with its own data.path needs none; one that needs them says so in its log
            }
            return new TaskSetup(java.get(0), java.get(2), java.get(3), Path.of(""), environment);
        }
    }

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ArrayScript() {
    }

    /**
     * Writes the script's text.
     *
     * @param jobName     the array's name in squeue
     * @param sweepFolder where the configs, logs and Slurm's own task output go
     * @param resources   what each task asks for
     * @param task        how the task starts the workbench
     * @param commands    per array task id, the workbench's arguments (e.g. run CONFIG --out OUT --quiet)
     * @param logs        per array task id, the log its output is appended to
     * @throws IllegalArgumentException when a value holds a control character (see {@link ScriptSafety})
     */
    public static String render(String jobName, Path sweepFolder, SlurmResources resources, TaskSetup task,
            Map<Integer, List<String>> commands, Map<Integer, Path> logs) {
        requireSafe(jobName, sweepFolder, resources, task, commands, logs);
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# A SuperTickets sweep: " + commands.size() + " point(s), one array task each, written by "
                + "'sweep --engine slurm'.");
        lines.add("#SBATCH --job-name=" + jobName);
        lines.add("#SBATCH --array=" + arraySpec(commands.keySet().stream().sorted().toList()));
        lines.add("#SBATCH --output=" + sweepFolder.resolve("slurm-%A_%a.out"));
        lines.add("#SBATCH --chdir=" + task.workDir());
        lines.addAll(resources.directives());
        lines.add("set -euo pipefail");
        lines.add("# DJL must not download or call out; PyTorch uses the cores Slurm gave the task.");
        lines.add("export DJL_OFFLINE=true OPT_OUT_TRACKING=true");
        lines.add("export OMP_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"");
        task.environment().forEach((name, value) -> lines.add("export " + name + "=" + quote(value)));
        lines.add("JAVA=" + quote(task.java()));
        lines.add("CLASSPATH_=" + quote(task.classpath()));
        lines.add("case \"$SLURM_ARRAY_TASK_ID\" in");
        for (Map.Entry<Integer, List<String>> point : commands.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            lines.add("  " + point.getKey() + ") LOG=" + quote(logs.get(point.getKey()).toString()) + "; set -- "
                    + point.getValue().stream().map(ArrayScript::quote).collect(Collectors.joining(" ")) + " ;;");
        }
        lines.add("  *) echo \"array task $SLURM_ARRAY_TASK_ID is no point of this sweep\" >&2; exit 2 ;;");
        lines.add("esac");
        lines.add("echo \"$(date -Is) task ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} on $(hostname): $*\" "
                + ">>\"$LOG\"");
        // exec: the JVM is the task's process, so scancel's and the time limit's SIGTERM reach it directly and
        // its shutdown hook writes a checkpoint; a signal that kills it is what Slurm reports.
        lines.add("exec \"$JAVA\" -cp \"$CLASSPATH_\" " + quote(task.mainClass()) + " \"$@\" >>\"$LOG\" 2>&1");
        return String.join("\n", lines) + "\n";
    }

    /** Every value the script holds, checked once, so no caller can slip a line into it. */
    private static void requireSafe(String jobName, Path sweepFolder, SlurmResources resources, TaskSetup task,
            Map<Integer, List<String>> commands, Map<Integer, Path> logs) {
        ScriptSafety.requireNoControlCharacter("The job name", jobName);
        ScriptSafety.requireNoControlCharacter("The sweep folder (under --out)", sweepFolder.toString());
        ScriptSafety.requireNoControlCharacter("The working directory", task.workDir().toString());
        ScriptSafety.requireNoControlCharacter("The java binary", task.java());
        ScriptSafety.requireNoControlCharacter("The classpath", task.classpath());
        ScriptSafety.requireNoControlCharacter("The main class", task.mainClass());
        task.environment().forEach((name, value) -> {
            if (!ENVIRONMENT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("The environment variable name '" + ScriptSafety.visible(name)
                        + "' is not a shell name. Fix: letters, digits and '_', not starting with a digit.");
            }
            ScriptSafety.requireNoControlCharacter("The environment variable " + name, value);
        });
        resources.directives().forEach(line -> ScriptSafety.requireNoControlCharacter("The directive", line));
        commands.values().forEach(args -> args.forEach(a -> ScriptSafety.requireNoControlCharacter("The argument",
                a)));
        logs.values().forEach(log -> ScriptSafety.requireNoControlCharacter("The log", log.toString()));
    }

    /** Slurm's --array list: ranges where the ids are consecutive, e.g. 0-3 or 1,3-5. */
    static String arraySpec(List<Integer> sortedIds) {
        StringBuilder spec = new StringBuilder();
        int i = 0;
        while (i < sortedIds.size()) {
            int j = i;
            while (j + 1 < sortedIds.size() && sortedIds.get(j + 1) == sortedIds.get(j) + 1) {
                j++;
            }
            if (spec.length() > 0) {
                spec.append(',');
            }
            spec.append(sortedIds.get(i));
            if (j > i) {
                spec.append('-').append(sortedIds.get(j));
            }
            i = j + 1;
        }
        return spec.toString();
    }

    /** A single-quoted shell word: safe whatever the path or value holds. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
