package org.supertickets.ui.sweep;

import java.io.File;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.supertickets.space.SearchSpaceConfig;

/**
 * Run ▸ Submit sweep…: the view of {@link SubmitSweepViewModel}. The script (or, locally, the plan) is shown before
 * anything is submitted; Submit stays disabled while a problem is listed; a failed submission says why in the dialog,
 * a successful one closes it and tells the caller.
 */
public final class SubmitSweepDialog {

    private static final ButtonType SUBMIT = new ButtonType("Submit", ButtonBar.ButtonData.OK_DONE);

    private SubmitSweepDialog() {
    }

    /**
     * Shows the dialog.
     *
     * @param designer  the designer's runnable config; null when it has problems (a file can be chosen)
     * @param submitted told what was submitted (the status line), once, after a successful submission
     */
    public static void show(Window owner, SubmitSweepViewModel vm, SearchSpaceConfig designer,
            SubmitSweepViewModel.LocalSweepListener localRuns, Consumer<String> submitted) {
        vm.useDesignerConfig(designer);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Submit sweep");
        dialog.setHeaderText("A grid of runs of one config, on this machine or as one Slurm job array");
        dialog.setResizable(true);

        Label source = new Label();
        source.textProperty().bind(vm.configSourceProperty());
        Button designerButton = new Button("Use the Designer's");
        designerButton.setOnAction(e -> vm.useDesignerConfig(designer));
        Button file = new Button("Choose a file…");
        file.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Config of the sweep");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Configs (*.json)", "*.json"));
            File chosen = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                vm.useConfigFile(chosen.toPath());
            }
        });

        TextArea grid = new TextArea();
        grid.setId("sweep-grid");
        grid.setPrefRowCount(3);
        grid.setPromptText("one axis a line: seed=1,2 · pruning.targetSparsity=0.5,0.9 · method=supertickets,nas-only");
        grid.textProperty().bindBidirectional(vm.gridProperty());

        ChoiceBox<SubmitSweepViewModel.Engine> engine = new ChoiceBox<>();
        engine.setId("sweep-engine");
        engine.getItems().setAll(SubmitSweepViewModel.Engine.values());
        engine.setConverter(new StringConverter<>() {
            @Override
            public String toString(SubmitSweepViewModel.Engine e) {
                return e == null ? "" : e.label();
            }

            @Override
            public SubmitSweepViewModel.Engine fromString(String s) {
                return null;
            }
        });
        engine.valueProperty().bindBidirectional(vm.engineProperty());

        TextField out = field(vm.outProperty(), "sweep-out", "runs");
        Button browse = new Button("…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Out folder (shared storage for Slurm)");
            File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                vm.outProperty().set(chosen.toString());
            }
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Config"), new HBox(8, source, designerButton, file));
        form.addRow(row++, new Label("Grid"), grid);
        form.addRow(row++, new Label("Engine"), engine);
        HBox.setHgrow(out, Priority.ALWAYS);
        form.addRow(row++, new Label("Out folder"), new HBox(4, out, browse));
        BooleanBinding local = vm.engineProperty().isEqualTo(SubmitSweepViewModel.Engine.LOCAL);
        addRow(form, row++, "Workers (runs at once)", field(vm.workersProperty(), "sweep-workers", "1"), local);
        BooleanBinding onSlurm = local.not();
        addRow(form, row++, "--partition", field(vm.partitionProperty(), "sweep-partition", "the cluster's default"),
                onSlurm);
        addRow(form, row++, "--time", field(vm.timeProperty(), "sweep-time", "e.g. 02:00:00"), onSlurm);
        addRow(form, row++, "--cpus-per-task", field(vm.cpusPerTaskProperty(), "sweep-cpus", "e.g. 4"), onSlurm);
        addRow(form, row++, "--gpus-per-task", field(vm.gpusPerTaskProperty(), "sweep-gpus", "e.g. 1"), onSlurm);
        addRow(form, row++, "--mem", field(vm.memProperty(), "sweep-mem", "e.g. 8G"), onSlurm);
        addRow(form, row++, "other sbatch options", field(vm.sbatchArgsProperty(), "sweep-sbatch-args",
                "e.g. --qos=high --account=lab"), onSlurm);

        Label problems = new Label();
        problems.setId("sweep-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("field-error");
        problems.textProperty().bind(vm.problemsProperty());
        problems.visibleProperty().bind(vm.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());

        Label previewTitle = new Label();
        previewTitle.textProperty().bind(Bindings.when(local).then("What will run")
                .otherwise("The job-array script sbatch will get (the sweep folder's time is set on submission)"));
        TextArea preview = new TextArea();
        preview.setId("sweep-script");
        preview.setEditable(false);
        preview.setPrefRowCount(14);
        preview.setStyle("-fx-font-family: monospace;");
        preview.textProperty().bind(vm.previewProperty());

        Label status = new Label();
        status.setId("sweep-status");
        status.setWrapText(true);
        // A long error (the fix is at its end) wraps to as many lines as it needs instead of ending in '…'.
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        vm.failedProperty().addListener((o, was, failed) -> status.getStyleClass().setAll("label",
                failed ? "field-error" : "ok-label"));

        VBox content = new VBox(8, form, problems, previewTitle, preview, status);
        content.setPadding(new Insets(10));
        content.setPrefWidth(860);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(SUBMIT, ButtonType.CLOSE);
        Button submit = (Button) dialog.getDialogPane().lookupButton(SUBMIT);
        submit.setId("sweep-submit");
        submit.disableProperty().bind(vm.problemsProperty().isNotEmpty().or(vm.busyProperty()));
        // Submitting takes a moment (sbatch) and may fail: the dialog stays open until it succeeded.
        submit.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.submit(localRuns);
        });
        vm.submittedProperty().addListener((o, a, folder) -> {
            if (folder != null) {
                submitted.accept(vm.statusProperty().get());
                dialog.close();
            }
        });
        dialog.show();
    }

    private static TextField field(StringProperty value, String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A row shown only while {@code shown} holds (the engine's own options). */
    private static void addRow(GridPane form, int row, String label, Node control, BooleanBinding shown) {
        Label title = new Label(label);
        form.addRow(row, title, control);
        for (Node n : new Node[] {title, control}) {
            n.visibleProperty().bind(shown);
            n.managedProperty().bind(shown);
        }
    }
}
