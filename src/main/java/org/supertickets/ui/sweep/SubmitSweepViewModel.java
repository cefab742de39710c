package org.supertickets.ui.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.supertickets.run.LocalSweep;
import org.supertickets.run.WorkerPool;
import org.supertickets.slurm.ArrayScript;
import org.supertickets.slurm.SlurmCommands;
import org.supertickets.slurm.SlurmException;
import org.supertickets.slurm.ScriptSafety;
import org.supertickets.slurm.SlurmResources;
import org.supertickets.slurm.SlurmSweepSubmitter;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.SweepGrid;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * Run ▸ Submit sweep…: a config (the designer's, or a file), grid axes, the engine (this machine's worker pool, or
 * one Slurm job array) with its options, and the out folder. Every change is checked at once; on Slurm the job-array
 * script the submission will write is shown before it is submitted (the same script as {@code sweep --engine slurm
 * --dry-run}). Submitting runs off the UI thread: {@code sbatch} for Slurm, the worker pool for local points (on a
 * {@link LocalSweepThread}). The Slurm option fields are read by {@link SlurmOptionFields}.
 */
public final class SubmitSweepViewModel {

    /** Where the points run. */
    public enum Engine {
        /** Separate processes on this machine, some at a time (sweep --workers N). */
        LOCAL("this machine (worker pool)"),
        /** One Slurm job array, a task per point (sweep --engine slurm). */
        SLURM("Slurm job array");

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How a local sweep's runs go, for whoever lists runs (the run queue) and tells the user. */
    public interface LocalSweepListener {
        /** A point's run ended (its run folder is complete or stopped); on the UI thread. */
        void runEnded(String point, boolean succeeded, int done, int total);

        /** Every point ended; on the UI thread. */
        void sweepEnded(Path sweepFolder, int failed, int total);
    }

    private final TaskRunner runner;
    private final String device;
    private final BooleanSupplier sbatchPresent;
    private final Supplier<SlurmSweepSubmitter> submitterFactory;
    private SlurmSweepSubmitter submitter;

    private final ObjectProperty<SearchSpaceConfig> config = new SimpleObjectProperty<>(this, "config");
    private final ReadOnlyStringWrapper configSource = new ReadOnlyStringWrapper(this, "configSource", "");
    private final StringProperty grid = new SimpleStringProperty(this, "grid", "seed=1,2");
    private final ObjectProperty<Engine> engine = new SimpleObjectProperty<>(this, "engine", Engine.SLURM);
    private final StringProperty workers = new SimpleStringProperty(this, "workers", "1");
    private final StringProperty partition = new SimpleStringProperty(this, "partition", "");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");
    private final StringProperty cpusPerTask = new SimpleStringProperty(this, "cpusPerTask", "");
    private final StringProperty gpusPerTask = new SimpleStringProperty(this, "gpusPerTask", "");
    private final StringProperty mem = new SimpleStringProperty(this, "mem", "");
    private final StringProperty sbatchArgs = new SimpleStringProperty(this, "sbatchArgs", "");
    private final StringProperty out = new SimpleStringProperty(this, "out", "runs");

    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyObjectWrapper<Path> submitted = new ReadOnlyObjectWrapper<>(this, "submitted");
    /** Bumped by every change: a preview computed for older inputs is dropped. */
    private long generation;
    private List<SearchSpaceConfig> points = List.of();

    /**
     * @param runner  where the work runs and its results arrive
     * @param device  the device override of every point (the Runs view's choice); null = each config's own
     * @param runsDir the out folder proposed (the workbench's runs folder)
     */
    public SubmitSweepViewModel(TaskRunner runner, String device, Path runsDir) {
        this(runner, device, runsDir, SlurmCommands::sbatchOnPath,
                () -> new SlurmSweepSubmitter(new SlurmCommands(), ArrayScript.TaskSetup.ofThisJvm()));
    }

    SubmitSweepViewModel(TaskRunner runner, String device, Path runsDir, BooleanSupplier sbatchPresent,
            Supplier<SlurmSweepSubmitter> submitterFactory) {
        this.runner = Objects.requireNonNull(runner);
        this.device = device;
        this.sbatchPresent = Objects.requireNonNull(sbatchPresent);
        this.submitterFactory = Objects.requireNonNull(submitterFactory);
        // Proposing Slurm on a machine without its client would only end in an error after Submit.
        engine.set(sbatchPresent.getAsBoolean() ? Engine.SLURM : Engine.LOCAL);
        if (runsDir != null) {
            out.set(runsDir.toString());
        }
        for (Observable input : List.of(config, grid, engine, workers, partition, time, cpusPerTask, gpusPerTask,
                mem, sbatchArgs, out)) {
            input.addListener(o -> check());
        }
        check();
    }

    /** The base config; null when there is none yet (the designer's had problems and no file was chosen). */
    public ObjectProperty<SearchSpaceConfig> configProperty() {
        return config;
    }

    /** Where the config came from, in words. */
    public ReadOnlyStringProperty configSourceProperty() {
        return configSource.getReadOnlyProperty();
    }

    /** Uses the designer's config (null when it has problems: the problems then say so). */
    public void useDesignerConfig(SearchSpaceConfig designer) {
        configSource.set(designer == null ? "the Designer's config has problems" : "the Designer's config ("
                + designer.name() + ")");
        config.set(designer);
        check();
    }

    /** Reads a config file off the UI thread and uses it. */
    public void useConfigFile(Path file) {
        BackgroundTask.of("Read config", ctx -> ConfigIo.loadResolved(file))
                .onSuccess(loaded -> {
                    configSource.set(file.toString());
                    config.set(loaded);
                })
                .onFailure(e -> {
                    configSource.set(file + " cannot be used");
                    config.set(null);
                    problems.set(UserMessages.describe(e));
                })
                .run(runner);
    }

    /** The axes, one per line: KEY=V1,V2 (a dotted config field, seed, or method). */
    public StringProperty gridProperty() {
        return grid;
    }

    public ObjectProperty<Engine> engineProperty() {
        return engine;
    }

    /** Local engine: runs at once. */
    public StringProperty workersProperty() {
        return workers;
    }

    public StringProperty partitionProperty() {
        return partition;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty cpusPerTaskProperty() {
        return cpusPerTask;
    }

    public StringProperty gpusPerTaskProperty() {
        return gpusPerTask;
    }

    public StringProperty memProperty() {
        return mem;
    }

    /** Further sbatch options, separated by spaces or lines, each with its '=' (e.g. --qos=high). */
    public StringProperty sbatchArgsProperty() {
        return sbatchArgs;
    }

    /** Where the run folders (and the sweep folder) go; on Slurm, storage every node sees. */
    public StringProperty outProperty() {
        return out;
    }

    /** What stops the sweep from being submitted, one problem a line, each with its fix; empty when none. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Slurm: the job-array script that will be submitted; local: what will run. Empty while there are problems. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** True while a submission is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last submission did, or why it failed (then {@link #failedProperty()} is true). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The sweep folder of the last successful submission; null before. */
    public ReadOnlyObjectProperty<Path> submittedProperty() {
        return submitted.getReadOnlyProperty();
    }

    /** How many points the grid has; 0 while it has problems. */
    public int pointCount() {
        return points.size();
    }

    /** True when nothing stops a submission. */
    public boolean canSubmit() {
        return problems.get().isEmpty() && !busy.get();
    }

    /** Checks every input, expands the grid and updates the preview. */
    private void check() {
        generation++;
        List<String> found = new ArrayList<>();
        points = List.of();
        List<SearchSpaceConfig> expanded = expand(found);
        if (blank(out.get())) {
            found.add("Out folder: empty. Fix: choose where the run folders go" + (engine.get() == Engine.SLURM
                    ? ", on storage every node sees." : "."));
        } else {
            controlCharacterIn("Out folder", out.get().strip(), found);
        }
        SlurmResources resources = null;
        if (engine.get() == Engine.SLURM) {
            resources = resources(found);
        } else if (positive(workers.get()) == null) {
            found.add("Workers: '" + workers.get().strip() + "' is not a whole number of 1 or more. Fix: e.g. 1 (runs "
                    + "one after another) or 2.");
        }
        problems.set(String.join("\n", found));
        preview.set("");
        if (!found.isEmpty()) {
            return;
        }
        points = expanded;
        if (engine.get() == Engine.LOCAL) {
            int w = positive(workers.get());
            preview.set(String.format(Locale.ROOT, "%d run(s) on this machine, %d at a time with %d PyTorch "
                    + "thread(s) each, each in its own process (as 'sweep --workers %d'). Configs and logs go to "
                    + "%s/sweep-<time>/, the run folders to %s; the Runs tab lists each run as it ends.%n%n%s",
                    points.size(), w, WorkerPool.threadsPerWorker(w, Runtime.getRuntime().availableProcessors()), w,
                    out.get().strip(), out.get().strip(), pointNames()));
            return;
        }
        long asked = generation;
        SlurmResources slurm = resources;
        List<SearchSpaceConfig> grid = points;
        Path outFolder = Path.of(out.get().strip());
        BackgroundTask.of("Write the job-array script", ctx -> submitter().dryRun(grid, outFolder, device, slurm))
                .onSuccess(script -> {
                    if (asked == generation) {
                        preview.set(script);
                    }
                })
                .onFailure(e -> {
                    if (asked == generation) {
                        problems.set("Cannot write the script: " + UserMessages.describe(e));
                    }
                })
                .run(runner);
    }

    /** A line break in a path would end a line of the job script (and misname a local run's folder): refused. */
    private static void controlCharacterIn(String field, String value, List<String> found) {
        try {
            ScriptSafety.requireNoControlCharacter(field + ":", value);
        } catch (IllegalArgumentException e) {
            found.add(e.getMessage());
        }
    }

    private String pointNames() {
        StringBuilder names = new StringBuilder();
        for (SearchSpaceConfig point : points) {
            names.append("  ").append(point.name()).append('\n');
        }
        return names.toString();
    }

    private List<SearchSpaceConfig> expand(List<String> found) {
        if (config.get() == null) {
            found.add("Config: none. Fix: fix the Designer's config, or choose a config file.");
            return List.of();
        }
        List<String> axes = Arrays.stream(grid.get().split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .toList();
        if (axes.isEmpty()) {
            found.add("Grid: no axis. Fix: one axis a line, KEY=V1,V2, e.g. seed=1,2 or pruning.targetSparsity=0.5,0.9"
                    + " or method=supertickets,nas-only.");
            return List.of();
        }
        try {
            return SweepGrid.expand(config.get(), SweepGrid.parse(axes));
        } catch (IllegalArgumentException e) {
            found.add("Grid: " + e.getMessage() + ". Fix: one axis a line, KEY=V1,V2 with a field of the config "
                    + "(e.g. pruning.targetSparsity), seed or method.");
        } catch (ConfigException e) {
            found.add("Grid: a point is not a valid config: " + e.getMessage());
        }
        return List.of();
    }

    /** The Slurm options as resources, each problem added to {@code found}; null when there is one. */
    private SlurmResources resources(List<String> found) {
        return SlurmOptionFields.read(partition.get(), time.get(), cpusPerTask.get(), gpusPerTask.get(), mem.get(),
                sbatchArgs.get(), found);
    }

    /**
     * Submits the sweep off the UI thread: on Slurm with sbatch (its job id and sweep folder then in the status),
     * locally by starting the worker pool, whose runs the listener hears about.
     */
    public void submit(LocalSweepListener local) {
        check();
        if (!canSubmit()) {
            return;
        }
        busy.set(true);
        failed.set(false);
        List<SearchSpaceConfig> grid = points;
        Path outFolder = Path.of(out.get().strip());
        if (engine.get() == Engine.SLURM) {
            SlurmResources slurm = resources(new ArrayList<>());
            status.set("Submitting " + grid.size() + " point(s) with sbatch…");
            BackgroundTask.of("Submit sweep to Slurm", ctx -> {
                if (!sbatchPresent.getAsBoolean()) {
                    throw new SlurmException(SlurmCommands.NO_SBATCH + " Fix: start the workbench on a machine with "
                            + "Slurm's client commands and SLURM_CONF set (docs/cluster.md), or choose the engine "
                            + "'" + Engine.LOCAL.label() + "'.");
                }
                return submitter().submit(grid, outFolder, device, slurm);
            }).onSuccess(s -> {
                status.set(String.format(Locale.ROOT, "Submitted job %s: %d point(s) as array tasks %s_0..%d. Sweep "
                        + "folder %s; the Runs tab's Slurm panel follows it.", s.jobId(), grid.size(), s.jobId(),
                        grid.size() - 1, s.sweepFolder()));
                submitted.set(s.sweepFolder());
            }).onFailure(this::failed).onDone(() -> busy.set(false)).run(runner);
            return;
        }
        int w = positive(workers.get());
        status.set("Writing the configs of " + grid.size() + " run(s)…");
        BackgroundTask.of("Start local sweep", ctx -> LocalSweep.write(grid, outFolder, device, w))
                .onSuccess(sweep -> {
                    LocalSweepThread.start(sweep, runner, local);
                    status.set(String.format(Locale.ROOT, "Started %d run(s), %d at a time; configs and logs in %s.",
                            grid.size(), w, sweep.sweepFolder()));
                    submitted.set(sweep.sweepFolder());
                })
                .onFailure(this::failed).onDone(() -> busy.set(false)).run(runner);
    }

    private void failed(Exception e) {
        failed.set(true);
        status.set(UserMessages.describe(e));
    }

    private synchronized SlurmSweepSubmitter submitter() {
        if (submitter == null) {
            submitter = submitterFactory.get(); // finds java, the classpath and the datasets: off the UI thread
        }
        return submitter;
    }

    private static Integer positive(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return value >= 1 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** For tests: the grid's points as expanded now. */
    List<SearchSpaceConfig> points() {
        return points;
    }
}
