package org.supertickets.ui.designer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.supertickets.report.CountFormat;
import org.supertickets.space.ConfigDefaults;
import org.supertickets.space.HeadSummary;
import org.supertickets.space.NetworkSummary;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.StageConfig;
import org.supertickets.space.Task;
import org.supertickets.space.TrainingMethod;
import org.supertickets.space.ValidationIssue;
import org.supertickets.ui.graph.GraphCanvas;
import org.supertickets.ui.graph.GraphFrame;
import org.supertickets.ui.graph.GraphViewModel;
import org.supertickets.ui.graph.SupernetGraph;

/**
 * The search-space designer: every config field as a proper control (stages as rows with kernel chips), each
 * field's validation message under it, and a live preview (MACs, params, smallest subnet, supernet diagram,
 * all problems with their fixes).
 */
public final class DesignerView extends BorderPane {

    /** Kernel sizes offered as chips. */
    static final List<Integer> KERNELS = List.of(1, 3, 5, 7, 9, 11);

    private final DesignerViewModel vm;
    private final FieldControls controls;
    private final VBox stageRows = new VBox(6);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final GraphCanvas diagram = new GraphCanvas();

    public DesignerView(DesignerViewModel vm) {
        this.vm = vm;
        this.controls = new FieldControls(vm);
        getStyleClass().add("designer");

        VBox form = new VBox(8,
                section("Method", methodPane()),
                section("Run and data", dataGrid()),
                section("Stem", grid(
                        row("channels", controls.integer("stem.channels", 1, 4096, 4), "stem.channels"),
                        row("kernel size", controls.choice("stem.kernelSize", KERNELS), "stem.kernelSize"),
                        row("stride", controls.choice("stem.stride", List.of(1, 2)), "stem.stride"))),
                section("Stages of searchable blocks", stagesPane()),
                section("Head", grid(row("channels", controls.integer("head.channels", 1, 8192, 16),
                        "head.channels"))),
                section("Layers (skip path, batch norm, initialisation)", layersGrid()),
                section("Search (architecture)", searchGrid()),
                section("Pruning (weights)", pruningGrid()),
                section("Training", trainingGrid()));
        form.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("designer-form");

        SplitPane split = new SplitPane(scroll, preview());
        split.setDividerPositions(0.6);
        setCenter(split);

        vm.configProperty().addListener((o, a, b) -> {
            if (a == null || a.stages().size() != b.stages().size()) {
                rebuildStages();
            }
        });
        rebuildStages();
    }

    /** The theme of the diagram. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Focuses the control of a path (from the issues list). */
    public void focusField(String path) {
        Control c = controls.controlFor(path);
        if (c != null) {
            c.requestFocus();
        }
    }

    /** The method as one choice that sets the switches below; they stay editable one by one. */
    private Node methodPane() {
        ComboBox<TrainingMethod> choice = new ComboBox<>();
        choice.getItems().setAll(TrainingMethod.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(TrainingMethod m) {
                return m == null ? "(custom switches)" : METHOD_NAMES.get(m);
            }

            @Override
            public TrainingMethod fromString(String s) {
                return null;
            }
        });
        choice.setValue(vm.methodProperty().get());
        vm.methodProperty().addListener((o, a, b) -> choice.setValue(b));
        choice.setOnAction(e -> {
            TrainingMethod m = choice.getValue();
            if (m != null && m != vm.methodProperty().get()) {
                vm.applyMethod(m);
            }
        });
        choice.setId("method-choice");
        Label note = new Label("Sets the switches of Search and Pruning below (one undoable edit). The search → "
                + "train → iterative-magnitude-pruning baseline is a pipeline of runs: Run ▸ Run IMP baseline…");
        note.setWrapText(true);
        note.getStyleClass().add("hint-label");
        return new VBox(6, choice, note);
    }

    /** How the methods read in the designer. */
    private static final Map<TrainingMethod, String> METHOD_NAMES = Map.of(
            TrainingMethod.SUPERTICKETS, "SuperTickets — search + progressive pruning with reactivation",
            TrainingMethod.NAS_ONLY, "NAS only — the same search, no weight pruning",
            TrainingMethod.PRUNE_ONLY, "Pruning only — the whole supernet, gradual magnitude pruning",
            TrainingMethod.DENSE, "Dense — the supernet trained as is",
            TrainingMethod.NO_REACTIVATION, "Ablation: no reactivation — pruned weights never return",
            TrainingMethod.ONE_SHOT, "Ablation: no progressive pruning — straight to the target",
            TrainingMethod.RIGL, "RigL (ours) — the whole supernet sparse from the start, connections moved");

    private Node dataGrid() {
        return grid(
                row("name", controls.text("name", false), "name"),
                row("task", taskChoice(), "task"),
                // only the datasets that label what the task predicts: per image, or per pixel
                row("dataset", controls.choice("data.dataset", vm.datasetChoicesProperty()), "data.dataset"),
                row("data folder", controls.text("data.path", true), "data.path"),
                row("input channels", controls.integer("data.channels", 1, 16, 1), "data.channels"),
                row("height", controls.integer("data.height", 1, 4096, 1), "data.height"),
                row("width", controls.integer("data.width", 1, 4096, 1), "data.width"),
                row("classes", controls.integer("data.classes", 1, 100_000, 1), "data.classes"),
                row("validation share", controls.decimal("data.validationFraction", 0, 1, 0.05),
                        "data.validationFraction"),
                row("train images (0 = all)", controls.integer("data.trainLimit", 0, 100_000_000, 1000),
                        "data.trainLimit"),
                row("test images (0 = all)", controls.integer("data.testLimit", 0, 100_000_000, 1000),
                        "data.testLimit"),
                row("", controls.check("data.augment", "augment (random crop, flip for colour)"), "data.augment"),
                row("seed", controls.longField("seed"), "seed"));
    }

    /**
     * The task: switching it is one undoable edit that also moves to a dataset of the new task when the current one
     * does not fit (the status line says which and why).
     */
    private Node taskChoice() {
        ChoiceBox<Task> choice = new ChoiceBox<>();
        choice.getItems().setAll(Task.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Task t) {
                return t == null ? "" : TASK_NAMES.get(t);
            }

            @Override
            public Task fromString(String s) {
                return null;
            }
        });
        choice.setValue(vm.taskProperty().get());
        boolean[] updating = {false};
        vm.taskProperty().addListener((o, a, b) -> {
            updating[0] = true;
            choice.setValue(b);
            updating[0] = false;
        });
        choice.valueProperty().addListener((o, a, b) -> {
            if (!updating[0] && b != null) {
                vm.setTask(b);
            }
        });
        Label why = new Label();
        why.getStyleClass().add("hint-label");
        why.setWrapText(true);
        // Only the task switch's own sentence: other status lines (saved, opened) are not about the task.
        vm.statusProperty().addListener((o, a, b) -> why.setText(b != null && b.startsWith("Task: ") ? b : ""));
        // Any edit (undo included) ends the sentence; a task switch sets its own after its edit.
        vm.configProperty().addListener((o, a, b) -> why.setText(""));
        why.visibleProperty().bind(why.textProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        why.setId("task-note");
        return new VBox(4, controls.editing("task", choice), why);
    }

    /** How the tasks read in the designer. */
    private static final Map<Task, String> TASK_NAMES = Map.of(
            Task.CLASSIFICATION, "classification — one class per image",
            Task.SEGMENTATION, "segmentation — one class per pixel (decoder + per-pixel classifier)");

    /** Each default is the official code's; the workbench's earlier block (dense skip + BN) is one choice away. */
    private Node layersGrid() {
        Label note = new Label("Defaults are the official code's: grouped skip, BN ε 1e-3, BN momentum 0.01, mnas "
                + "initialisation. Ours, used by fashion-mnist.json and the earlier results: dense skip + BN, 1e-5, "
                + "0.1, mobilenetv2.");
        note.setWrapText(true);
        note.getStyleClass().add("hint-label");
        return new VBox(6, note, grid(
                row("skip path (official: grouped)", controls.choice("network.skipPath", ConfigDefaults.SKIP_PATHS),
                        "network.skipPath"),
                row("BN ε (official: 1e-3)", controls.decimal("network.bnEpsilon", 1e-10, 1, 0.00001),
                        "network.bnEpsilon"),
                row("BN momentum (official: 0.01)", controls.decimal("network.bnMomentum", 0, 1, 0.01),
                        "network.bnMomentum"),
                row("initialisation (official: mnas)", controls.choice("network.initialization",
                        ConfigDefaults.INITIALIZATIONS), "network.initialization")));
    }

    private Node searchGrid() {
        Label ours = new Label("our extension — not in the official method; 0 = off");
        ours.getStyleClass().add("ours-label");
        return grid(
                row("", controls.check("search.enabled", "search the architecture (BN-scale penalty + shrink)"),
                        "search.enabled"),
                row("ρ (penalty strength)", controls.decimal("search.rho", 0, 10, 0.001), "search.rho"),
                row("ρ warm-up (epochs)", controls.decimal("search.rhoWarmupEpochs", 0, 100_000, 0.5),
                        "search.rhoWarmupEpochs"),
                row("|γ| threshold", controls.decimal("search.gammaThreshold", 0, 10, 0.0005),
                        "search.gammaThreshold"),
                row("min MACs per shrink", controls.longField("search.minShrinkMacs"), "search.minShrinkMacs"),
                row("eval interval (epochs)", controls.decimal("search.evalIntervalEpochs", 0, 100_000, 0.5),
                        "search.evalIntervalEpochs"),
                row("BN re-estimation batches", controls.integer("search.bnRecalibrationBatches", 0, 100_000, 1),
                        "search.bnRecalibrationBatches"),
                row("MACs target", new HBox(8, controls.longField("search.macsTarget"), ours), "search.macsTarget"),
                row("MACs target by epoch", controls.decimal("search.macsTargetEndEpoch", 0, 100_000, 0.5),
                        "search.macsTargetEndEpoch"));
    }

    private Node pruningGrid() {
        return grid(
                row("", controls.check("pruning.enabled", "prune weights (global magnitude)"), "pruning.enabled"),
                row("target sparsity", controls.decimal("pruning.targetSparsity", 0, 1, 0.05),
                        "pruning.targetSparsity"),
                row("interval (epochs)", controls.decimal("pruning.intervalEpochs", 0, 100_000, 0.5),
                        "pruning.intervalEpochs"),
                row("schedule", controls.choice("pruning.schedule", ConfigDefaults.SCHEDULES), "pruning.schedule"),
                row("increment per event", controls.decimal("pruning.increment", 0, 1, 0.05), "pruning.increment"),
                row("cubic: target by epoch (ours)", controls.decimal("pruning.cubicEndEpoch", 0, 100_000, 0.5),
                        "pruning.cubicEndEpoch"),
                row("", controls.check("pruning.rerank", "re-rank: pruned weights can come back"), "pruning.rerank"),
                row("", controls.check("pruning.reuseMask", "rebuilt blocks keep their masks"), "pruning.reuseMask"),
                row("", controls.check("pruning.resetMaskAfterPrune", "reset masks after each event (ablation)"),
                        "pruning.resetMaskAfterPrune"),
                row("", controls.check("pruning.zeroPrunedWeights", "zero pruned weights (ours, off by default)"),
                        "pruning.zeroPrunedWeights"),
                row("criterion", controls.choice("pruning.criterion", ConfigDefaults.PRUNING_CRITERIA),
                        "pruning.criterion"),
                row("min density per layer (ours)", controls.decimal("pruning.minLayerDensity", 0, 1, 0.01),
                        "pruning.minLayerDensity"),
                row("", controls.check("pruning.lrRestartAtTarget",
                        "restart the learning rate at the target (ours, off by default)"), "pruning.lrRestartAtTarget"),
                row("distil from the average at the target (ours, 0 = off)",
                        controls.decimal("pruning.distillAtTarget", 0, 1, 0.1), "pruning.distillAtTarget"));
    }

    private Node trainingGrid() {
        return grid(
                row("epochs", controls.integer("training.epochs", 1, 100_000, 1), "training.epochs"),
                row("batch size", controls.integer("training.batchSize", 1, 65_536, 16), "training.batchSize"),
                row("optimizer", controls.choice("training.optimizer", ConfigDefaults.OPTIMIZERS),
                        "training.optimizer"),
                row("learning rate", controls.decimal("training.learningRate", 0, 100, 0.01), "training.learningRate"),
                row("momentum", controls.decimal("training.momentum", 0, 1, 0.05), "training.momentum"),
                row("", controls.check("training.nesterov", "Nesterov momentum (SGD)"), "training.nesterov"),
                row("", controls.check("training.ema.enabled", "moving average of the weights (official)"),
                        "training.ema.enabled"),
                row("weight decay", controls.decimal("training.weightDecay", 0, 10, 0.00001), "training.weightDecay"),
                row("LR schedule", controls.choice("training.lrSchedule", ConfigDefaults.LR_SCHEDULES),
                        "training.lrSchedule"),
                row("LR warm-up (epochs)", controls.decimal("training.lrWarmupEpochs", 0, 100_000, 0.5),
                        "training.lrWarmupEpochs"),
                row("label smoothing", controls.decimal("training.labelSmoothing", 0, 1, 0.05),
                        "training.labelSmoothing"),
                row("eval batch size", controls.integer("training.evalBatchSize", 1, 65_536, 32),
                        "training.evalBatchSize"),
                row("device", controls.choice("training.device", ConfigDefaults.DEVICES), "training.device"));
    }

    private Node stagesPane() {
        Button add = new Button("Add stage");
        add.setId("add-stage");
        add.setOnAction(e -> vm.addStage());
        Label header = new Label("out channels · blocks · stride · expansion · depthwise kernels offered");
        header.getStyleClass().add("hint");
        Label stagesError = controls.errorLabel("stages");
        return new VBox(6, header, stageRows, stagesError, add);
    }

    private void rebuildStages() {
        stageRows.getChildren().clear();
        List<StageConfig> stages = vm.getConfig().stages();
        for (int i = 0; i < stages.size(); i++) {
            stageRows.getChildren().add(stageRow(i, stages.size()));
        }
    }

    private Node stageRow(int i, int count) {
        String p = "stages[" + i + "]";
        Label title = new Label("Stage " + (i + 1));
        title.setMinWidth(60);
        title.getStyleClass().add("stage-title");
        var channels = controls.integer(p + ".channels", 1, 4096, 8);
        channels.setPrefWidth(90);
        var repeats = controls.integer(p + ".repeats", 1, 64, 1);
        repeats.setPrefWidth(70);
        ChoiceBox<Integer> stride = controls.choice(p + ".stride", List.of(1, 2));
        var expansion = controls.integer(p + ".expansionRatio", 1, 16, 1);
        expansion.setPrefWidth(70);
        FlowPane chips = new FlowPane(3, 3);
        chips.setId("kernels-" + i);
        List<ToggleButton> toggles = new ArrayList<>();
        FieldModel kernels = vm.field(p + ".kernelSizes");
        for (int k : KERNELS) {
            ToggleButton chip = new ToggleButton(k + "×" + k);
            chip.getStyleClass().add("chip");
            chip.setId("kernel-" + i + "-" + k);
            chip.setOnAction(e -> vm.toggleKernel(i, k));
            toggles.add(chip);
            chips.getChildren().add(chip);
        }
        Runnable syncChips = () -> {
            Object v = kernels.getValue();
            for (int j = 0; j < KERNELS.size(); j++) {
                toggles.get(j).setSelected(v instanceof List<?> l && l.contains(KERNELS.get(j)));
            }
            boolean bad = !kernels.getError().isEmpty();
            chips.getStyleClass().remove("invalid");
            if (bad) {
                chips.getStyleClass().add("invalid");
            }
        };
        kernels.valueProperty().addListener((o, a, b) -> syncChips.run());
        kernels.errorProperty().addListener((o, a, b) -> syncChips.run());
        syncChips.run();
        Button up = new Button("↑");
        up.setTooltip(new Tooltip("Move stage up"));
        up.setDisable(i == 0);
        up.setOnAction(e -> vm.moveStage(i, -1));
        Button down = new Button("↓");
        down.setTooltip(new Tooltip("Move stage down"));
        down.setDisable(i == count - 1);
        down.setOnAction(e -> vm.moveStage(i, +1));
        Button remove = new Button("✕");
        remove.setTooltip(new Tooltip("Remove stage"));
        remove.setId("remove-stage-" + i);
        remove.setOnAction(e -> vm.removeStage(i));
        // A narrow window wraps the kernel chips instead of squeezing the numbers out of the spinners.
        for (Region fixed : List.<Region>of(channels, repeats, stride, expansion, up, down, remove)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox line = new HBox(6, title, channels, repeats, stride, expansion, chips, FieldControls.spacer(), up, down,
                remove);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(chips, Priority.ALWAYS);
        VBox errors = new VBox(2);
        for (String field : List.of("channels", "repeats", "stride", "expansionRatio", "kernelSizes")) {
            errors.getChildren().add(controls.errorLabel(p + "." + field));
        }
        VBox box = new VBox(3, line, errors);
        box.getStyleClass().add("stage-row");
        return box;
    }

    private Node preview() {
        Label title = new Label("Live preview");
        title.getStyleClass().add("section-title");
        Label numbers = new Label();
        numbers.setId("preview-numbers");
        numbers.setWrapText(true);
        numbers.getStyleClass().add("preview-numbers");
        ListView<ValidationIssue> issues = new ListView<>();
        issues.setId("issues");
        issues.setPrefHeight(130);
        issues.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ValidationIssue item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.path() + ": " + item.message() + ". Fix: " + item.fix());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        issues.setOnMouseClicked(e -> {
            ValidationIssue i = issues.getSelectionModel().getSelectedItem();
            if (i != null) {
                focusField(i.path());
            }
        });
        Label issuesTitle = new Label();
        Runnable update = () -> {
            DesignerPreview p = vm.previewProperty().get();
            NetworkSummary s = p.summary();
            SearchSpaceConfig c = p.config();
            numbers.setText(s == null ? "Fix the problems below to see the supernet's size."
                    : String.format(Locale.ROOT, "Supernet (largest subnet): %s MACs · %s params%n"
                            + "Smallest subnet (every block body searched away): %s MACs · %s params%n"
                            + "%d blocks · %d kernel branches · %s prunable weights%n"
                            + "Sparsity target %.0f%% → about %s weights alive in the supernet",
                            CountFormat.human(s.supernetMacs()), CountFormat.human(s.supernetParams()),
                            CountFormat.human(s.smallestMacs()), CountFormat.human(s.smallestParams()),
                            s.blocks(), s.branches(), CountFormat.human(s.prunableWeights()),
                            100 * c.pruning().targetSparsity(),
                            CountFormat.human(s.prunableWeights() * (1 - c.pruning().targetSparsity())))
                    + (p.supernet() != null && p.supernet().segments() ? segmentationLine(p.supernet()) : ""));
            List<ValidationIssue> list = p.issues();
            issues.getItems().setAll(list);
            issuesTitle.setText(list.isEmpty() ? "No problems: ready to run (Ctrl+R)"
                    : list.size() + " problem" + (list.size() == 1 ? "" : "s") + " (click one to go to its field)");
            issuesTitle.getStyleClass().setAll("label", list.isEmpty() ? "ok-label" : "error-title");
            var supernet = p.supernet();
            if (supernet != null) {
                // While the config has problems the last valid diagram stays (dimmed), so the picture never blinks.
                diagram.frameProperty().set(GraphFrame.supernet(SupernetGraph.of(supernet)));
            }
            diagram.setOpacity(supernet == null ? 0.35 : 1);
            issues.setVisible(!list.isEmpty());
            issues.setManaged(!list.isEmpty());
        };
        // The preview, not the config: it is published after everything it shows has followed the edit.
        vm.previewProperty().addListener((o, a, b) -> update.run());
        update.run();
        diagram.darkProperty().bind(dark);
        diagram.setDescriber(n -> GraphViewModel.describe(diagram.frameProperty().get(), n));
        Label diagramTitle = new Label("Supernet diagram");
        diagramTitle.getStyleClass().add("section-title");
        VBox box = new VBox(8, title, numbers, issuesTitle, issues, diagramTitle, diagram);
        VBox.setVgrow(diagram, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        box.setMinWidth(320);
        return box;
    }

    /** The decoder's share of the supernet, and what comes out of it, for a segmentation config. */
    private static String segmentationLine(org.supertickets.space.Architecture supernet) {
        HeadSummary head = HeadSummary.of(supernet);
        return String.format(Locale.ROOT, "%nSegmentation: output %s · decoder (skip 1×1 + per-pixel classifier) "
                + "%s MACs, %.1f%% of the supernet's (included)", head.outputText(),
                CountFormat.human(head.decoderMacs()), 100.0 * head.decoderMacs() / Math.max(1, supernet.macs()));
    }

    private static TitledPane section(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(true);
        return pane;
    }

    private record Row(String label, Node control, String path) {
    }

    private Row row(String label, Node control, String path) {
        return new Row(label, control, path);
    }

    private GridPane grid(Row... rows) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints c0 = new ColumnConstraints();
        // Never narrower than its labels: a long error message under a field wraps instead of cutting them.
        c0.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(c0, c1);
        int r = 0;
        for (Row row : rows) {
            grid.add(new Label(row.label()), 0, r);
            grid.add(row.control(), 1, r);
            r++;
            grid.add(controls.errorLabel(row.path()), 1, r);
            r++;
        }
        return grid;
    }
}
