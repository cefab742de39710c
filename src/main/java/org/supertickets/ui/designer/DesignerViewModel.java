package org.supertickets.ui.designer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigDefaults;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.ConfigValidator;
import org.supertickets.space.DataConfig;
import org.supertickets.space.NetworkSummary;
import org.supertickets.space.SchemaReference;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.StageConfig;
import org.supertickets.space.Task;
import org.supertickets.space.TrainingMethod;
import org.supertickets.space.ValidationIssue;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * The search-space designer: the config being edited, every edit as an undoable command, validation issues
 * mapped to the fields they concern, and the live preview (MACs, params, supernet shape). Disk work runs in
 * the background; results arrive on the UI executor.
 */
public final class DesignerViewModel {

    /** Edits kept for undo; older ones are dropped. */
    public static final int UNDO_LIMIT = 200;

    private final TaskRunner runner;
    private final Notifier notifier;
    private final UndoManager history = new UndoManager(UNDO_LIMIT);
    private final Map<String, FieldModel> fields = new LinkedHashMap<>();

    private final ReadOnlyObjectWrapper<SearchSpaceConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<TrainingMethod> method = new ReadOnlyObjectWrapper<>(this, "method");
    private final ReadOnlyObjectWrapper<List<ValidationIssue>> issues =
            new ReadOnlyObjectWrapper<>(this, "issues", List.of());
    private final ReadOnlyObjectWrapper<DesignerPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyObjectWrapper<Task> task = new ReadOnlyObjectWrapper<>(this, "task", Task.CLASSIFICATION);
    private final ReadOnlyObjectWrapper<List<String>> datasetChoices = new ReadOnlyObjectWrapper<>(this,
            "datasetChoices", ConfigDefaults.CLASSIFICATION_DATASETS);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long savedState;

    public DesignerViewModel(TaskRunner runner, Notifier notifier, SearchSpaceConfig initial, Path initialFile) {
        this.runner = Objects.requireNonNull(runner);
        this.notifier = Objects.requireNonNull(notifier);
        load(initial, initialFile);
    }

    // ---- state ------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<SearchSpaceConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    public SearchSpaceConfig getConfig() {
        return config.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ValidationIssue>> issuesProperty() {
        return issues.getReadOnlyProperty();
    }

    /**
     * The live preview of the config on screen: it changes once per edit, after every other property has
     * followed the edit, and always describes {@link #getConfig()}.
     */
    public ReadOnlyObjectProperty<DesignerPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What the config trains for; an unknown task word reads as classification (the validator flags it). */
    public ReadOnlyObjectProperty<Task> taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** The datasets that label what the task predicts: per image for classification, per pixel for segmentation. */
    public ReadOnlyObjectProperty<List<String>> datasetChoicesProperty() {
        return datasetChoices.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** "quickstart.json" with a "*" when unsaved. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The resolved config ready to run, or null while it has problems. */
    public SearchSpaceConfig runnableConfig() {
        return issues.get().isEmpty() ? config.get() : null;
    }

    /** The field model of a path such as {@code stages[0].channels}; created on first use. */
    public FieldModel field(String path) {
        return fields.computeIfAbsent(path, p -> {
            FieldModel f = new FieldModel(p);
            f.update(valueAt(p), errorFor(p));
            return f;
        });
    }

    /** The message for a path (and, for a list field, for its elements), empty when fine. */
    public String errorFor(String path) {
        List<String> messages = new ArrayList<>();
        for (ValidationIssue issue : issues.get()) {
            // The field itself, or an element of a list field (kernelSizes[1]) — not fields nested deeper.
            if (issue.path().equals(path) || issue.path().matches(java.util.regex.Pattern.quote(path) + "\\[\\d+]")) {
                messages.add(issue.message() + ". Fix: " + issue.fix());
            }
        }
        return String.join("\n", messages);
    }

    // ---- edits --------------------------------------------------------------------------------------------

    /** Sets one field as an undoable edit; nothing happens when the value is unchanged. */
    public void set(String path, Object value) {
        SearchSpaceConfig before = config.get();
        if (Objects.equals(ConfigPaths.get(before, path), value)) {
            return;
        }
        apply("Set " + path + " to " + display(value), ConfigPaths.with(before, path, value));
    }

    /**
     * Sets the switches of a method (search, pruning, reactivation, progressive pruning) as one undoable edit.
     */
    public void applyMethod(TrainingMethod m) {
        SearchSpaceConfig before = config.get();
        SearchSpaceConfig after = m.applyTo(before);
        if (!after.equals(before)) {
            apply("Method: " + m.label(), after);
        }
    }

    /** The method the config's switches amount to; null while a switch is missing. */
    public ReadOnlyObjectProperty<TrainingMethod> methodProperty() {
        return method.getReadOnlyProperty();
    }

    /**
     * Switches the task as one undoable edit. A dataset that does not label what the new task predicts is replaced
     * by its counterpart (fashion-mnist ↔ fashion-mnist-canvas, mnist ↔ mnist-canvas; anything else by the embedded
     * Fashion-MNIST one) with that dataset's input shape and classes, and the status says why.
     */
    public void setTask(Task newTask) {
        Objects.requireNonNull(newTask, "newTask");
        SearchSpaceConfig before = config.get();
        if (newTask.configName().equals(before.task())) {
            return;
        }
        SearchSpaceConfig after = before.withTask(newTask);
        String dataset = before.data() == null ? null : before.data().dataset();
        String replacement = datasetFor(newTask, dataset);
        String description = "Task: " + newTask.configName();
        if (replacement != null) {
            ConfigDefaults.InputShape shape = ConfigDefaults.knownShape(replacement).orElseThrow();
            DataConfig d = before.data();
            after = after.withData(new DataConfig(replacement, null, shape.channels(), shape.height(), shape.width(),
                    shape.classes(), d.validationFraction(), d.trainLimit(), d.testLimit(), d.augment()));
            description += " (dataset " + dataset + " → " + replacement + ")";
        }
        status.set(""); // the sentence below is news even when it repeats the last one
        apply(description, after);
        status.set(replacement == null ? "Task: " + newTask.configName() + "; dataset " + dataset + " fits it."
                : "Task: " + newTask.configName() + ". Dataset " + dataset + (newTask == Task.SEGMENTATION
                        ? " has one label per image, not per pixel" : " labels every pixel, not the image")
                        + ", so it is now " + replacement + " (" + ConfigDefaults.knownShape(replacement).orElseThrow()
                        + (newTask == Task.SEGMENTATION ? ", class 0 = background" : "") + "). Undo restores both.");
    }

    /** The dataset a task switch moves to, or null when {@code dataset} already fits {@code newTask}. */
    static String datasetFor(Task newTask, String dataset) {
        boolean perPixel = ConfigDefaults.SEGMENTATION_DATASETS.contains(dataset);
        if (newTask == Task.SEGMENTATION) {
            return perPixel ? null : "mnist".equals(dataset) ? "mnist-canvas" : "fashion-mnist-canvas";
        }
        boolean perImage = ConfigDefaults.CLASSIFICATION_DATASETS.contains(dataset);
        return perImage ? null : "mnist-canvas".equals(dataset) ? "mnist" : ConfigDefaults.DATASET;
    }

    /** Offers or withdraws one depthwise kernel size in a stage (kept sorted). */
    public void toggleKernel(int stage, int kernel) {
        StageConfig s = config.get().stages().get(stage);
        TreeSet<Integer> sizes = new TreeSet<>(s.kernelSizes());
        boolean had = sizes.remove(kernel);
        if (!had) {
            sizes.add(kernel);
        }
        apply((had ? "Remove" : "Add") + " kernel " + kernel + "×" + kernel + " in stage " + (stage + 1),
                ConfigPaths.with(config.get(), "stages[" + stage + "].kernelSizes", List.copyOf(sizes)));
    }

    public void addStage() {
        List<StageConfig> stages = new ArrayList<>(config.get().stages());
        StageConfig last = stages.isEmpty() ? null : stages.get(stages.size() - 1);
        int channels = last == null ? 16 : Math.min(1024, last.channels() == null ? 16 : last.channels() * 2);
        stages.add(new StageConfig(channels, 1, 2, List.of(3, 5, 7), last == null ? 3 : last.expansionRatio()));
        apply("Add stage " + stages.size(), ConfigPaths.with(config.get(), "stages", List.copyOf(stages)));
    }

    public void removeStage(int index) {
        List<StageConfig> stages = new ArrayList<>(config.get().stages());
        stages.remove(index);
        apply("Remove stage " + (index + 1), ConfigPaths.with(config.get(), "stages", List.copyOf(stages)));
    }

    /** Moves a stage up ({@code -1}) or down ({@code +1}); out-of-range moves are ignored. */
    public void moveStage(int index, int delta) {
        List<StageConfig> stages = new ArrayList<>(config.get().stages());
        int target = index + delta;
        if (target < 0 || target >= stages.size()) {
            return;
        }
        stages.add(target, stages.remove(index));
        apply("Move stage " + (index + 1) + (delta < 0 ? " up" : " down"),
                ConfigPaths.with(config.get(), "stages", List.copyOf(stages)));
    }

    public void undo() {
        if (history.canUndo()) {
            history.undo();
            refreshHistory();
        }
    }

    public void redo() {
        if (history.canRedo()) {
            history.redo();
            refreshHistory();
        }
    }

    private void apply(String description, SearchSpaceConfig after) {
        SearchSpaceConfig before = config.get();
        history.execute(new EditCommand() {
            @Override
            public void execute() {
                show(after);
            }

            @Override
            public void undo() {
                show(before);
            }

            @Override
            public String description() {
                return description;
            }
        });
        refreshHistory();
    }

    // ---- files --------------------------------------------------------------------------------------------

    /** Replaces the document (no undo across documents). */
    public void load(SearchSpaceConfig raw, Path source) {
        history.clear();
        savedState = history.stateId();
        file.set(source);
        show(ConfigResolver.resolve(raw));
        refreshHistory();
    }

    /** Reads a config file in the background; problems are reported with the file, line and fix. */
    public BackgroundTask.Handle open(Path path) {
        busy.set(true);
        status.set("Opening " + path.getFileName() + "…");
        return BackgroundTask.of("Open config", ctx -> ConfigIo.read(path))
                .onSuccess(raw -> {
                    load(raw, path);
                    status.set("Opened " + path);
                })
                .onFailure(e -> {
                    status.set("Could not open " + path.getFileName());
                    notifier.error("Cannot open " + path.getFileName(), UserMessages.describe(e));
                })
                .onDone(() -> busy.set(false))
                .run(runner);
    }

    /** Saves to the current file; false (and nothing done) when the document has no file yet. */
    public boolean save(Runnable afterSaved) {
        if (file.get() == null) {
            return false;
        }
        saveAs(file.get(), afterSaved);
        return true;
    }

    /**
     * Writes the config (atomically) in the background and makes {@code target} the document's file. The
     * {@code "$schema"} of the document's file, which is no part of the config, is kept: written again, or
     * re-pointed from {@code target}'s folder for a copy saved elsewhere.
     */
    public BackgroundTask.Handle saveAs(Path target, Runnable afterSaved) {
        SearchSpaceConfig snapshot = config.get();
        Path source = file.get();
        long state = history.stateId();
        int problems = issues.get().size();
        busy.set(true);
        return BackgroundTask.of("Save config", ctx -> {
            String schema = source == null ? null : SchemaReference.of(source)
                    .map(reference -> SchemaReference.carriedTo(reference, source, target)).orElse(null);
            ConfigIo.write(target, snapshot, schema);
            return target;
        }).onSuccess(path -> {
            file.set(path);
            savedState = state;
            refreshHistory();
            status.set("Saved " + path + (problems == 0 ? "" : " (with " + problems + " problem"
                    + (problems == 1 ? "" : "s") + " left)"));
            if (afterSaved != null) {
                afterSaved.run();
            }
        }).onFailure(e -> notifier.error("Cannot save " + target.getFileName(), UserMessages.describe(e)
                + (Files.isWritable(target.toAbsolutePath().getParent()) ? "" : " Fix: choose a folder you can "
                + "write to."))).onDone(() -> busy.set(false)).run(runner);
    }

    // ---- internals ----------------------------------------------------------------------------------------

    /**
     * Shows a config. Everything derived from it is computed first and {@code config} is set after the issues,
     * so a listener on any property reads a consistent state; the preview comes last, as one value.
     */
    private void show(SearchSpaceConfig next) {
        List<ValidationIssue> found;
        try {
            found = ConfigValidator.validate(next);
        } catch (RuntimeException e) {
            // A half-edited config can trip the validator (e.g. a missing section): report, never crash.
            found = List.of(new ValidationIssue("(config)", UserMessages.describe(e), "undo the last edit"));
        }
        NetworkSummary s = null;
        Architecture a = null;
        if (found.isEmpty()) {
            try {
                s = NetworkSummary.of(next);
                a = Architecture.supernet(next);
            } catch (RuntimeException e) {
                found = List.of(new ValidationIssue("stages", UserMessages.describe(e), "check the stages"));
            }
        }
        // The task and its datasets first: the dataset control must offer the new dataset before it shows it.
        Task t = taskOf(next);
        task.set(t);
        datasetChoices.set(t == Task.SEGMENTATION ? ConfigDefaults.SEGMENTATION_DATASETS
                : ConfigDefaults.CLASSIFICATION_DATASETS);
        issues.set(found);
        method.set(methodOf(next));
        config.set(next);
        for (FieldModel f : fields.values()) {
            f.update(valueAt(f.path()), errorFor(f.path()));
        }
        preview.set(new DesignerPreview(next, found, s, a));
    }

    private static Task taskOf(SearchSpaceConfig c) {
        try {
            return c.taskKind();
        } catch (IllegalArgumentException e) {
            return Task.CLASSIFICATION; // a misspelt task, which the validator reports at "task"
        }
    }

    private static TrainingMethod methodOf(SearchSpaceConfig c) {
        try {
            return TrainingMethod.of(c);
        } catch (RuntimeException e) {
            return null; // a switch is missing while the config is half-edited
        }
    }

    private Object valueAt(String path) {
        try {
            return ConfigPaths.get(config.get(), path);
        } catch (RuntimeException e) {
            return null; // a stage row that no longer exists
        }
    }

    private void refreshHistory() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        undoText.set(history.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(history.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
        dirty.set(history.stateId() != savedState);
        String name = file.get() == null ? "untitled.json" : file.get().getFileName().toString();
        title.set(name + (dirty.get() ? " *" : ""));
    }

    private static String display(Object value) {
        return value instanceof List<?> l ? l.toString() : String.valueOf(value);
    }
}
