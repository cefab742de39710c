package org.supertickets.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.supertickets.slurm.SlurmResources;
import picocli.CommandLine.Option;

/** The sweep command's options for the Slurm engine and for managing a sweep already submitted. */
final class SlurmSweepOptions {

    @Option(names = "--partition", paramLabel = "P", description = "Slurm: the partition of every task")
    String partition;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "Slurm: each task's time limit (at the limit "
            + "the run is stopped with a checkpoint; --resume continues it)")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "C", description = "Slurm: cores per task, also the run's "
            + "PyTorch threads")
    Integer cpusPerTask;

    @Option(names = "--gpus-per-task", paramLabel = "G", description = "Slurm: GPUs per task (a run uses one)")
    Integer gpusPerTask;

    @Option(names = "--mem", paramLabel = "M", description = "Slurm: memory per task, e.g. 8G")
    String mem;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "Slurm: any other sbatch option, with '=': "
            + "--sbatch-arg=--qos=high; repeat for more")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--dry-run", description = "Slurm: print the job-array script, submit nothing")
    boolean dryRun;

    @Option(names = "--detach", description = "Slurm: print the job id and return instead of following the points")
    boolean detach;

    @Option(names = "--poll-seconds", paramLabel = "S", defaultValue = "10", description = "Slurm: how often the "
            + "points are looked at while followed, one squeue per array (default: ${DEFAULT-VALUE})")
    double pollSeconds;

    @Option(names = "--status", paramLabel = "OUT", description = "Slurm: where each point of a submitted sweep "
            + "stands (OUT = its --out, for the newest sweep there, or its sweep folder)")
    Path status;

    @Option(names = "--cancel", paramLabel = "OUT", description = "Slurm: cancel the sweep's tasks (scancel); each "
            + "running point keeps a checkpoint")
    Path cancel;

    @Option(names = "--resume", paramLabel = "OUT", description = "Slurm: resubmit only the points that did not "
            + "complete, each from its checkpoint, and follow them")
    Path resume;

    SlurmResources resources() {
        return new SlurmResources(partition, time, cpusPerTask, gpusPerTask, mem, sbatchArgs);
    }

    /** True when a submitted sweep is to be managed rather than a new one started. */
    boolean managesASweep() {
        return status != null || cancel != null || resume != null;
    }

    /** True when an option only the Slurm engine reads is set. */
    boolean anySubmitOptionSet() {
        return partition != null || time != null || cpusPerTask != null || gpusPerTask != null || mem != null
                || !sbatchArgs.isEmpty() || dryRun || detach;
    }

    /** Why {@code --engine} and the Slurm options given do not go together; null when they do. */
    String engineProblem(String engine) {
        if (!engine.equals("local") && !engine.equals("slurm")) {
            return "--engine '" + engine + "' is unknown. Fix: --engine local or --engine slurm.";
        }
        if (engine.equals("local") && anySubmitOptionSet()) {
            return "--partition, --time, --cpus-per-task, --gpus-per-task, --mem, --sbatch-arg, --dry-run and "
                    + "--detach are for Slurm. Fix: add --engine slurm, or drop them.";
        }
        return null;
    }
}
