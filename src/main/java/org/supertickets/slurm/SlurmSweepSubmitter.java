package org.supertickets.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.supertickets.run.RunFolder;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;

/**
 * Puts a sweep on Slurm as one job array, and resubmits the points that did not complete. A sweep folder
 * {@code OUT/sweep-<time>/} keeps each point's config and log (as the local engine does), the array scripts, Slurm's
 * own output of each task and {@link SlurmSweep#FILE}; the runs write ordinary run folders into {@code OUT}.
 */
public final class SlurmSweepSubmitter {

    /** The name of a pipeline's job folder under --out: {@value}-<time>. */
    public static final String IMP_PREFIX = "slurm-imp";
    /** The name of a sweep's folder under --out: {@value}-<time>. */
    public static final String SWEEP_PREFIX = "sweep";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final SlurmCommands slurm;
    private final ArrayScript.TaskSetup task;

    public SlurmSweepSubmitter(SlurmCommands slurm, ArrayScript.TaskSetup task) {
        this.slurm = slurm;
        this.task = task;
    }

    /** A script written and, unless a dry run, submitted. */
    public record Submitted(Path sweepFolder, String script, String jobId) {
    }

    /**
     * The script a sweep would submit, with the paths it would use; nothing is written or submitted.
     */
    public String dryRun(List<SearchSpaceConfig> points, Path out, String device, SlurmResources resources) {
        Path absoluteOut = out.toAbsolutePath().normalize();
        Path sweepFolder = absoluteOut.resolve(SWEEP_PREFIX + "-" + STAMP.format(LocalDateTime.now()));
        List<SweepPoint> planned = plan(points);
        return script(sweepFolder, absoluteOut, device, resources, planned, firstCommands(planned, sweepFolder,
                absoluteOut, device));
    }

    /**
     * The script a pipeline would submit: one task running {@code imp} (see {@link #submitImp}); nothing is written
     * or submitted.
     */
    public String dryRunImp(SearchSpaceConfig base, List<String> impOptions, Path out, String device,
            SlurmResources resources) {
        Path absoluteOut = out.toAbsolutePath().normalize();
        Path sweepFolder = absoluteOut.resolve(IMP_PREFIX + "-" + STAMP.format(LocalDateTime.now()));
        SweepPoint point = impPoint(base, impOptions, sweepFolder, absoluteOut, device);
        return script(sweepFolder, absoluteOut, device, resources, List.of(point),
                Map.of(point.index(), point.command()));
    }

    /**
     * Puts an {@code imp} pipeline on Slurm as one job (an array of one task) that runs the whole pipeline in its
     * own folder under {@code out}; {@link #resume} resubmits it as {@code resume PIPELINE_FOLDER}, which keeps
     * the finished stages and continues the one that stopped from its checkpoint, exactly as a local resume does.
     *
     * @param impOptions the {@code imp} options other than the config, --out, --device and --quiet (e.g.
     *                   --fraction 0.2)
     */
    public Submitted submitImp(SearchSpaceConfig base, List<String> impOptions, Path out, String device,
            SlurmResources resources) throws IOException, SlurmException {
        Path absoluteOut = out.toAbsolutePath().normalize();
        Path sweepFolder = RunFolder.createUnique(absoluteOut, IMP_PREFIX, LocalDateTime.now());
        SweepPoint point = impPoint(base, impOptions, sweepFolder, absoluteOut, device);
        ConfigIo.write(sweepFolder.resolve(point.config()), base);
        SlurmSweep sweep = new SlurmSweep(absoluteOut.toString(), device, resources, List.of(point), List.of(),
                Map.of());
        SlurmSweepIo.write(sweepFolder, sweep);
        return submitScript(sweepFolder, sweep, Map.of(point.index(), point.command()));
    }

    private static SweepPoint impPoint(SearchSpaceConfig base, List<String> impOptions, Path sweepFolder, Path out,
            String device) {
        String stem = "01-" + base.name() + "-imp";
        SweepPoint planned = new SweepPoint(0, base.name() + " · IMP baseline", stem + ".json", stem + ".log",
                stem + ".folder");
        List<String> command = new ArrayList<>(List.of("imp", sweepFolder.resolve(planned.config()).toString(),
                "--out", out.toString(), "--quiet", "--record-folder",
                sweepFolder.resolve(planned.folderRecord()).toString()));
        command.addAll(impOptions);
        return new SweepPoint(0, planned.name(), planned.config(), planned.log(), planned.folderRecord(),
                withDevice(command, device));
    }

    /** Writes the sweep folder and its array script and submits it with sbatch. */
    public Submitted submit(List<SearchSpaceConfig> points, Path out, String device, SlurmResources resources)
            throws IOException, SlurmException {
        Path absoluteOut = out.toAbsolutePath().normalize();
        Path sweepFolder = RunFolder.createUnique(absoluteOut, SWEEP_PREFIX, LocalDateTime.now());
        List<SweepPoint> planned = plan(points);
        for (int i = 0; i < points.size(); i++) {
            ConfigIo.write(sweepFolder.resolve(planned.get(i).config()), points.get(i));
        }
        SlurmSweep sweep = new SlurmSweep(absoluteOut.toString(), device, resources, planned, List.of(), Map.of());
        SlurmSweepIo.write(sweepFolder, sweep);
        return submitScript(sweepFolder, sweep, firstCommands(planned, sweepFolder, absoluteOut, device));
    }

    /**
     * Resubmits every point whose run did not complete: a point whose run folder holds a checkpoint resumes it, any
     * other starts its run again.
     *
     * @return the submission, or null when every point completed
     * @throws SlurmException when a point is still pending or running (the fix: wait, or cancel first)
     */
    public Submitted resume(Path sweepFolder) throws IOException, SlurmException {
        List<PointStatus> statuses = new SlurmSweepTracker(sweepFolder, slurm).poll();
        List<String> active = statuses.stream().filter(s -> !s.phase().ended()).map(s -> s.taskId()).toList();
        if (!active.isEmpty()) {
            throw new SlurmException("Tasks " + String.join(", ", active) + " of " + sweepFolder + " are still "
                    + "pending or running. Fix: wait until they end, or cancel them first ('sweep --cancel "
                    + sweepFolder + "').");
        }
        SlurmSweep sweep = SlurmSweepIo.read(sweepFolder);
        Map<Integer, List<String>> commands = new LinkedHashMap<>();
        for (PointStatus status : statuses) {
            if (status.phase() == PointStatus.Phase.COMPLETED) {
                continue;
            }
            SweepPoint point = status.point();
            commands.put(point.index(), status.resumable()
                    ? withDevice(new ArrayList<>(List.of("resume", status.runFolder().toString(), "--quiet")),
                            sweep.device())
                    : firstCommand(point, sweepFolder, sweep.outFolder(), sweep.device()));
        }
        if (commands.isEmpty()) {
            return null;
        }
        return submitScript(sweepFolder, sweep, commands);
    }

    /** Cancels every task of the sweep that has not ended ({@code scancel} of each array still queued). */
    public List<String> cancel(Path sweepFolder) throws IOException, SlurmException {
        SlurmSweep sweep = SlurmSweepIo.read(sweepFolder);
        List<String> cancelled = new ArrayList<>();
        for (Submission submission : sweep.submissions()) {
            if (!slurm.queued(submission.jobId()).isEmpty()) {
                slurm.cancel(submission.jobId());
                cancelled.add(submission.jobId());
            }
        }
        return cancelled;
    }

    private Submitted submitScript(Path sweepFolder, SlurmSweep sweep, Map<Integer, List<String>> commands)
            throws IOException, SlurmException {
        String name = "array-" + (sweep.submissions().size() + 1) + ".sh";
        String text = script(sweepFolder, sweep.outFolder(), sweep.device(), sweep.resources(), sweep.points(),
                commands);
        Path scriptFile = sweepFolder.resolve(name);
        Files.writeString(scriptFile, text);
        String jobId = slurm.submit(scriptFile);
        SlurmSweepIo.write(sweepFolder, sweep.withSubmission(new Submission(jobId, name,
                commands.keySet().stream().sorted().toList(), OffsetDateTime.now().toString())));
        return new Submitted(sweepFolder, text, jobId);
    }

    private String script(Path sweepFolder, Path out, String device, SlurmResources resources,
            List<SweepPoint> points, Map<Integer, List<String>> commands) {
        Map<Integer, Path> logs = new LinkedHashMap<>();
        for (SweepPoint point : points) {
            logs.put(point.index(), sweepFolder.resolve(point.log()));
        }
        return ArrayScript.render(sweepFolder.getFileName().toString(), sweepFolder, resources, task, commands, logs);
    }

    private static List<SweepPoint> plan(List<SearchSpaceConfig> points) {
        List<SweepPoint> planned = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            String stem = String.format(Locale.ROOT, "%02d-%s", i + 1, points.get(i).name());
            planned.add(new SweepPoint(i, points.get(i).name(), stem + ".json", stem + ".log", stem + ".folder"));
        }
        return planned;
    }

    private static Map<Integer, List<String>> firstCommands(List<SweepPoint> points, Path sweepFolder, Path out,
            String device) {
        Map<Integer, List<String>> commands = new LinkedHashMap<>();
        for (SweepPoint point : points) {
            commands.put(point.index(), runCommand(point, sweepFolder, out, device));
        }
        return commands;
    }

    /** The point's first attempt again: its own command, or an ordinary run of its config. */
    private static List<String> firstCommand(SweepPoint point, Path sweepFolder, Path out, String device) {
        return point.command() != null ? point.command() : runCommand(point, sweepFolder, out, device);
    }

    private static List<String> runCommand(SweepPoint point, Path sweepFolder, Path out, String device) {
        return withDevice(new ArrayList<>(List.of("run", sweepFolder.resolve(point.config()).toString(), "--out",
                out.toString(), "--quiet", "--record-folder", sweepFolder.resolve(point.folderRecord()).toString())),
                device);
    }

    private static List<String> withDevice(List<String> args, String device) {
        if (device != null) {
            args.addAll(List.of("--device", device));
        }
        return args;
    }
}
