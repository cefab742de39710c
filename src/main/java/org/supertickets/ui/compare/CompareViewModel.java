package org.supertickets.ui.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.supertickets.io.AtomicFiles;
import org.supertickets.report.ComparedRun;
import org.supertickets.report.ComparedRuns;
import org.supertickets.report.ComparisonCsv;
import org.supertickets.report.MethodSummary;
import org.supertickets.report.PairedComparison;
import org.supertickets.report.RunCurves;
import org.supertickets.report.RunFolderScan;
import org.supertickets.report.SweepCurves;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunSummary;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * Finished runs side by side: the runs added (read in the background, refused with a message that names the
 * folder and the fix when they are not completed runs), the summaries the table and the comparison plots show,
 * the curves of the selected runs, the CSV export, and the ticket diff, which follows the first two selected
 * runs. When the runs form a sparsity sweep the plots can show its curves instead of one point per run.
 */
public final class CompareViewModel {

    /** A folder that was not added, with a sentence naming it and the fix. */
    public record Refusal(Path folder, String message) {
    }

    /** What one background read produced. */
    record Batch(List<ComparedRun> read, List<Refusal> refused) {
    }

    private final TaskRunner runner;
    private final Notifier notifier;
    private final ObservableList<ComparedRun> runs = FXCollections.observableArrayList();
    private final ObservableList<ComparedRun> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyObjectWrapper<List<ComparedRun>> selected = new ReadOnlyObjectWrapper<>(this, "selected",
            List.of());
    private final ReadOnlyObjectWrapper<List<RunSummary>> summaries = new ReadOnlyObjectWrapper<>(this, "summaries",
            List.of());
    private final ReadOnlyObjectWrapper<List<MethodSummary>> methods = new ReadOnlyObjectWrapper<>(this, "methods",
            List.of());
    private final ReadOnlyObjectWrapper<List<PairedComparison>> pairs = new ReadOnlyObjectWrapper<>(this, "pairs",
            List.of());
    private final ReadOnlyObjectWrapper<List<RunCurves>> curves = new ReadOnlyObjectWrapper<>(this, "curves",
            List.of());
    private final ReadOnlyObjectWrapper<SweepCurves> sweep = new ReadOnlyObjectWrapper<>(this, "sweep",
            SweepCurves.of(List.of()));
    private final ReadOnlyBooleanWrapper sweepAvailable = new ReadOnlyBooleanWrapper(this, "sweepAvailable");
    private final BooleanProperty showSweepCurves = new SimpleBooleanProperty(this, "showSweepCurves");
    private final ReadOnlyBooleanWrapper sweepCurvesShown = new ReadOnlyBooleanWrapper(this, "sweepCurvesShown");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper segmentation = new ReadOnlyBooleanWrapper(this, "segmentation");
    private final ReadOnlyStringWrapper accuracyHeader = new ReadOnlyStringWrapper(this, "accuracyHeader",
            "Test accuracy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Add finished run folders to compare them.");
    private final TicketDiffViewModel diff;
    private int reading;

    public CompareViewModel(TaskRunner runner, Notifier notifier) {
        this.runner = Objects.requireNonNull(runner);
        this.notifier = Objects.requireNonNull(notifier);
        this.diff = new TicketDiffViewModel(runner, notifier);
        sweepCurvesShown.bind(sweepAvailable.and(showSweepCurves));
        runs.addListener((ListChangeListener<ComparedRun>) c -> refresh());
    }

    /** The runs in the comparison, in the order they were added (read-only; use add/remove). */
    public ObservableList<ComparedRun> runs() {
        return runsView;
    }

    /** The runs selected in the table. */
    public ReadOnlyObjectProperty<List<ComparedRun>> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The summaries of every run, for the comparison plots. */
    public ReadOnlyObjectProperty<List<RunSummary>> summariesProperty() {
        return summaries.getReadOnlyProperty();
    }

    /** One row per method and dataset: means over its seeds (what a comparison with several seeds reports). */
    public ReadOnlyObjectProperty<List<MethodSummary>> methodsProperty() {
        return methods.getReadOnlyProperty();
    }

    /** "A better than B" over the seeds each pair of settings shares: the paired t test of the test accuracies. */
    public ReadOnlyObjectProperty<List<PairedComparison>> pairsProperty() {
        return pairs.getReadOnlyProperty();
    }

    /** The curves to overlay: those of the selected runs, or of every run when none is selected. */
    public ReadOnlyObjectProperty<List<RunCurves>> curvesProperty() {
        return curves.getReadOnlyProperty();
    }

    /** The runs as the curves of a sparsity sweep: a point per method, setting and target sparsity. */
    public ReadOnlyObjectProperty<SweepCurves> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    /** Whether the runs form a sweep (a curve with two target sparsities or more): only then can curves be shown. */
    public ReadOnlyBooleanProperty sweepAvailableProperty() {
        return sweepAvailable.getReadOnlyProperty();
    }

    /**
     * The user's choice to see a sweep as curves (mean per target sparsity, 95% interval over seeds) rather than a
     * point per run; kept while the runs change, so it applies again when a sweep is loaded again.
     */
    public BooleanProperty showSweepCurvesProperty() {
        return showSweepCurves;
    }

    /** Whether the comparison plots show the sweep's curves: chosen, and the runs form a sweep. */
    public ReadOnlyBooleanProperty sweepCurvesShownProperty() {
        return sweepCurvesShown.getReadOnlyProperty();
    }

    /** Whether segmentation runs are in the comparison: then their mean IoU is shown, and compared by. */
    public ReadOnlyBooleanProperty segmentationProperty() {
        return segmentation.getReadOnlyProperty();
    }

    /**
     * The accuracy column's title: "Test accuracy", or one that says the accuracy is per pixel where segmentation
     * runs are compared (so it is never read as a per-image accuracy).
     */
    public ReadOnlyStringProperty accuracyHeaderProperty() {
        return accuracyHeader.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last action did, for the tab's status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The ticket diff of this comparison. */
    public TicketDiffViewModel diff() {
        return diff;
    }

    /** Reads run folders in the background and adds the completed ones; the others are refused by name. */
    public BackgroundTask.Handle add(List<Path> folders) {
        List<Path> paths = List.copyOf(folders);
        Set<Path> known = knownFolders();
        return read("Add runs", ctx -> readAll(paths, known, ctx));
    }

    /** Adds every completed run folder directly under a folder, e.g. the output of a sweep. */
    public BackgroundTask.Handle addAllUnder(Path parent) {
        Set<Path> known = knownFolders();
        return read("Add runs under " + parent, ctx -> {
            RunFolderScan scan = RunFolderScan.of(parent);
            if (scan.runs().isEmpty()) {
                throw new IOException(parent + " holds no run folders (folders with " + RunFolder.CONFIG
                        + ") directly under it. Fix: choose the folder that holds the run folders, e.g. the --out "
                        + "folder of sweep, or add a single run with Add run….");
            }
            return readAll(scan.runs(), known, ctx);
        });
    }

    public void remove(Collection<ComparedRun> gone) {
        runs.removeAll(List.copyOf(gone));
        status.set(runs.size() + " run" + (runs.size() == 1 ? "" : "s") + " in the comparison.");
    }

    public void clear() {
        runs.clear();
        status.set("Add finished run folders to compare them.");
    }

    /**
     * The table's selection. With two or more runs selected, the ticket diff compares the tickets of the first two.
     */
    public void select(List<ComparedRun> selection) {
        selected.set(selection.stream().filter(runs::contains).distinct().toList());
        updateCurves();
        List<ComparedRun> s = selected.get();
        if (s.size() >= 2) {
            diff.compare(s.get(0).ticketFolder(), s.get(1).ticketFolder());
        }
    }

    /** The comparison table as CSV, with the columns of the CLI's {@code comparison.csv}. */
    public String csv() {
        return csv(summaries.get());
    }

    /** Runs as CSV, one row per run: the CLI's {@code comparison.csv}. */
    public static String csv(List<RunSummary> rows) {
        return ComparisonCsv.runs(rows);
    }

    /** Writes the CSV in the background. */
    public BackgroundTask.Handle exportCsv(Path file) {
        String content = csv();
        int rows = summaries.get().size();
        return BackgroundTask.of("Export comparison", ctx -> {
            AtomicFiles.writeString(file, content);
            return file;
        }).onSuccess(f -> {
            status.set("Exported " + rows + " run" + (rows == 1 ? "" : "s") + " to " + f + ".");
            notifier.info(status.get());
        }).onFailure(e -> notifier.error("Cannot export " + file.getFileName(), UserMessages.describe(e)))
                .run(runner);
    }

    private BackgroundTask.Handle read(String title, BackgroundTask.Work<Batch> work) {
        reading++;
        busy.set(true);
        status.set("Reading run folders…");
        return BackgroundTask.of(title, work).onSuccess(this::accept)
                .onFailure(e -> {
                    status.set("Nothing added.");
                    notifier.error("Cannot add runs", UserMessages.describe(e));
                })
                .onDone(() -> busy.set(--reading > 0))
                .run(runner);
    }

    private static Batch readAll(List<Path> folders, Set<Path> known, BackgroundTask.Context ctx) {
        List<ComparedRun> read = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Set<Path> seen = new HashSet<>(known);
        for (int i = 0; i < folders.size() && !ctx.isCancelled(); i++) {
            Path path = folders.get(i).toAbsolutePath().normalize();
            if (seen.add(path)) {
                try {
                    Path stage = ComparedRuns.curvesFolder(path);
                    read.add(new ComparedRun(path, ComparedRuns.read(path), RunCurves.read(RunFolder.open(stage)),
                            stage));
                } catch (Exception e) {
                    // One bad folder must not stop the others: each refusal is reported by name.
                    refused.add(new Refusal(path, naming(path, UserMessages.describe(e))));
                }
            }
            ctx.progress((i + 1.0) / folders.size());
        }
        return new Batch(read, refused);
    }

    private void accept(Batch batch) {
        Set<Path> known = knownFolders();
        List<ComparedRun> added = batch.read().stream().filter(r -> known.add(r.folder())).toList();
        runs.addAll(added);
        status.set("Added " + added.size() + " run" + (added.size() == 1 ? "" : "s")
                + (batch.refused().isEmpty() ? "" : ", refused " + batch.refused().size()) + "; " + runs.size()
                + " in the comparison.");
        if (batch.refused().size() == 1) {
            Refusal r = batch.refused().get(0);
            notifier.error("Cannot compare " + r.folder().getFileName(), r.message());
        } else if (!batch.refused().isEmpty()) {
            notifier.error(batch.refused().size() + " folders were not added", batch.refused().stream()
                    .map(r -> "• " + r.message()).collect(Collectors.joining("\n")));
        }
    }

    private void refresh() {
        List<RunSummary> read = runs.stream().map(ComparedRun::summary).toList();
        // Before the summaries: a view that redraws the plots on new summaries finds the sweep of the same runs.
        sweep.set(SweepCurves.of(read));
        sweepAvailable.set(sweep.get().isSweep());
        summaries.set(read);
        boolean any = summaries.get().stream().anyMatch(RunSummary::segmentation);
        boolean all = any && summaries.get().stream().allMatch(RunSummary::segmentation);
        segmentation.set(any);
        accuracyHeader.set(all ? "Test pixel\naccuracy" : any ? "Test accuracy\n(per pixel: segm.)" : "Test accuracy");
        methods.set(MethodSummary.of(summaries.get()));
        pairs.set(PairedComparison.of(summaries.get()));
        selected.set(selected.get().stream().filter(runs::contains).toList());
        updateCurves();
        if (runs.size() >= 2 && diff.folder(TicketDiffViewModel.Side.A) == null
                && diff.folder(TicketDiffViewModel.Side.B) == null) {
            diff.compare(runs.get(0).ticketFolder(), runs.get(1).ticketFolder());
        }
    }

    private void updateCurves() {
        List<ComparedRun> shown = selected.get().isEmpty() ? runs : selected.get();
        curves.set(shown.stream().map(ComparedRun::curves).toList());
    }

    private Set<Path> knownFolders() {
        return runs.stream().map(ComparedRun::folder).collect(Collectors.toCollection(HashSet::new));
    }

    /** Every refusal names its folder, even when the underlying message only names a file inside it. */
    private static String naming(Path folder, String message) {
        return message.contains(folder.getFileName().toString()) ? message : folder + ": " + message;
    }
}
