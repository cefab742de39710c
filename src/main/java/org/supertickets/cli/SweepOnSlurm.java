package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.supertickets.slurm.ArrayScript;
import org.supertickets.slurm.PointStatus;
import org.supertickets.slurm.SlurmCommands;
import org.supertickets.slurm.SlurmException;
import org.supertickets.slurm.ScriptSafety;
import org.supertickets.slurm.SlurmSweepIo;
import org.supertickets.slurm.SlurmSweepSubmitter;
import org.supertickets.slurm.SlurmSweepTracker;
import org.supertickets.space.SearchSpaceConfig;

/**
 * The sweep command's Slurm engine on the console: submits a sweep as a job array and follows its points until
 * they end; shows, cancels and resumes a submitted sweep. Slurm schedules; this only writes the script and reads
 * squeue/scontrol and the run folders.
 */
final class SweepOnSlurm {

    /** How long --cancel waits for the tasks to leave the queue (their runs write a checkpoint on SIGTERM). */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(90);
    /** While followed, running points' progress is printed this often (state changes at once). */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(60);

    private final SlurmSweepOptions options;
    private final String folderPrefix;
    private final SlurmCommands slurm = new SlurmCommands();
    private final SlurmSweepSubmitter submitter;

    /**
     * @param folderPrefix what the job folders of this command are named under --out ({@code sweep} or {@code
     *                     slurm-imp}), for --status, --cancel and --resume given an --out
     */
    SweepOnSlurm(SlurmSweepOptions options, String folderPrefix) {
        this.options = options;
        this.folderPrefix = folderPrefix;
        this.submitter = new SlurmSweepSubmitter(slurm, ArrayScript.TaskSetup.ofThisJvm());
    }

    /** {@code sweep CONFIG --grid ... --engine slurm}: the exit code. */
    int submit(List<SearchSpaceConfig> points, Path out, String device) {
        return submit(out, () -> submitter.dryRun(points, out, device, options.resources()),
                () -> submitter.submit(points, out, device, options.resources()), points.size() + " point(s)");
    }

    /** {@code imp CONFIG --engine slurm}: the whole pipeline as one job; the exit code. */
    int submitImp(SearchSpaceConfig base, List<String> impOptions, Path out, String device) {
        return submit(out, () -> submitter.dryRunImp(base, impOptions, out, device, options.resources()),
                () -> submitter.submitImp(base, impOptions, out, device, options.resources()),
                "the imp pipeline as 1 task");
    }

    /** Writes and submits one array. */
    private interface Submission {
        SlurmSweepSubmitter.Submitted submit() throws IOException, SlurmException;
    }

    private int submit(Path out, Supplier<String> dryRun, Submission submission, String what) {
        try {
            options.resources().validate();
            ScriptSafety.requireNoControlCharacter("--out", out.toAbsolutePath().normalize().toString());
            ScriptSafety.requireNoControlCharacter("The working directory (the job's --chdir)",
                    Path.of("").toAbsolutePath().toString());
            if (options.dryRun) {
                System.out.print(dryRun.get());
                return 0;
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (!SlurmCommands.sbatchOnPath()) {
            System.err.println(SlurmCommands.NO_SBATCH + " Fix: run on a machine with Slurm's client commands (see "
                    + "docs/cluster.md), or use --engine local.");
            return Main.EXIT_BAD_INPUT;
        }
        try {
            SlurmSweepSubmitter.Submitted submitted = submission.submit();
            System.out.printf(Locale.ROOT, "submitted job %s: %s; sweep folder %s%n", submitted.jobId(), what,
                    submitted.sweepFolder());
            return options.detach ? 0 : follow(submitted.sweepFolder());
        } catch (IOException e) {
            System.err.println("Cannot write the job's folder under " + out + ": " + e.getMessage() + ". Fix: "
                    + "choose a writable --out on storage every node sees.");
            return Main.EXIT_BAD_INPUT;
        } catch (SlurmException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_FAILED;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage()); // a value the script must not hold (ArrayScript refuses it)
            return Main.EXIT_BAD_INPUT;
        }
    }

    /** {@code sweep --status|--cancel|--resume OUT}: the exit code. */
    int manage() {
        Path given = options.status != null ? options.status : options.cancel != null ? options.cancel
                : options.resume;
        try {
            Path sweepFolder = sweepFolderIn(given, folderPrefix);
            if (options.status != null) {
                List<PointStatus> statuses = new SlurmSweepTracker(sweepFolder, slurm).poll();
                printTable(sweepFolder, statuses);
                return allCompleted(statuses) ? 0 : Main.EXIT_FAILED;
            }
            if (options.cancel != null) {
                return cancel(sweepFolder);
            }
            SlurmSweepSubmitter.Submitted submitted = submitter.resume(sweepFolder);
            if (submitted == null) {
                System.out.println("every point of " + sweepFolder + " completed; nothing to resubmit");
                return 0;
            }
            System.out.println("resubmitted as job " + submitted.jobId() + ": the points that did not complete; "
                    + "sweep folder " + sweepFolder);
            return options.detach ? 0 : follow(sweepFolder);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        } catch (SlurmException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_FAILED;
        }
    }

    private int cancel(Path sweepFolder) throws IOException, SlurmException {
        List<String> jobs = submitter.cancel(sweepFolder);
        if (jobs.isEmpty()) {
            System.out.println("no task of " + sweepFolder + " is pending or running");
        } else {
            System.out.println("cancelled job(s) " + String.join(", ", jobs) + "; waiting for the runs to write "
                    + "their checkpoints");
        }
        SlurmSweepTracker tracker = new SlurmSweepTracker(sweepFolder, slurm);
        long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
        List<PointStatus> statuses = tracker.poll();
        while (!allEnded(statuses) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(500));
            statuses = tracker.poll();
        }
        printTable(sweepFolder, statuses);
        return allEnded(statuses) ? 0 : Main.EXIT_FAILED;
    }

    /** Follows every point until all have ended; 0 when all completed. */
    private int follow(Path sweepFolder) throws IOException, SlurmException {
        SlurmSweepTracker tracker = new SlurmSweepTracker(sweepFolder, slurm);
        Duration poll = Duration.ofMillis(Math.max(100, Math.round(options.pollSeconds * 1000)));
        Map<Integer, PointStatus.Phase> lastPhase = new HashMap<>();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        try (CtrlC ignored = CtrlC.runs(() -> System.out.println("\nstopped following; the array keeps running on "
                + "Slurm: 'sweep --status " + sweepFolder + "' shows it, 'sweep --cancel " + sweepFolder
                + "' cancels it"), "stop-following-on-ctrl-c")) {
            while (true) {
                List<PointStatus> statuses = tracker.poll();
                int ended = (int) statuses.stream().filter(s -> s.phase().ended()).count();
                for (PointStatus s : statuses) {
                    if (lastPhase.put(s.point().index(), s.phase()) != s.phase()) {
                        System.out.printf(Locale.ROOT, "[%d/%d ended] %s %s: %s%n", ended, statuses.size(),
                                s.taskId(), s.point().name(), s.detail());
                    }
                }
                if (allEnded(statuses)) {
                    printTable(sweepFolder, statuses);
                    return allCompleted(statuses) ? 0 : Main.EXIT_FAILED;
                }
                if (System.nanoTime() > nextProgress) {
                    System.out.println("progress: " + statuses.stream().filter(s -> !s.phase().ended())
                            .map(s -> s.point().name() + " " + s.detail()).collect(Collectors.joining(" | ")));
                    nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                }
                sleep(poll);
            }
        }
    }

    private static void printTable(Path sweepFolder, List<PointStatus> statuses) {
        long completed = statuses.stream().filter(s -> s.phase() == PointStatus.Phase.COMPLETED).count();
        System.out.printf(Locale.ROOT, "sweep %s: %d of %d point(s) completed%n", sweepFolder, completed,
                statuses.size());
        for (PointStatus s : statuses) {
            System.out.printf(Locale.ROOT, "  %-12s %s: %s%n", s.taskId().isEmpty() ? "-" : s.taskId(),
                    s.point().name(), s.detail());
            if (s.runFolder() != null) {
                System.out.println("               run folder: " + s.runFolder());
            }
            if (s.phase() == PointStatus.Phase.FAILED) {
                System.out.println("               log: " + sweepFolder.resolve(s.point().log()));
            }
        }
    }

    private static boolean allEnded(List<PointStatus> statuses) {
        return statuses.stream().allMatch(s -> s.phase().ended());
    }

    private static boolean allCompleted(List<PointStatus> statuses) {
        return statuses.stream().allMatch(s -> s.phase() == PointStatus.Phase.COMPLETED);
    }

    /** The sweep folder given, or the newest one submitted to Slurm under the --out given. */
    static Path sweepFolderIn(Path given) throws IOException {
        return sweepFolderIn(given, SlurmSweepSubmitter.SWEEP_PREFIX);
    }

    /** The job folder given, or the newest {@code <prefix>-<time>} one submitted to Slurm under the --out given. */
    static Path sweepFolderIn(Path given, String prefix) throws IOException {
        if (SlurmSweepIo.isSlurmSweep(given)) {
            return given;
        }
        if (Files.isDirectory(given)) {
            try (Stream<Path> children = Files.list(given)) {
                Path newest = children.filter(p -> p.getFileName().toString().startsWith(prefix + "-"))
                        .filter(SlurmSweepIo::isSlurmSweep).max(Path::compareTo).orElse(null);
                if (newest != null) {
                    return newest;
                }
            }
        }
        String what = prefix.equals(SlurmSweepSubmitter.IMP_PREFIX) ? "an imp pipeline" : "a sweep";
        throw new IOException(given + " is neither " + what + " submitted to Slurm nor an --out holding one (a "
                + prefix + "-<time> folder with slurm-sweep.json). Fix: give the folder or --out that '--engine "
                + "slurm' printed.");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following a sweep", e);
        }
    }
}
