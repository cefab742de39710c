package org.supertickets.ui.runqueue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The points of the Slurm sweeps under the runs folder: task, point, Slurm's state, the run's progress and what it
 * adds up to; Open follows the selected point's run folder in the Monitor, Cancel cancels its sweep's job after
 * asking. Shown only while there is such a sweep (or a problem reading one).
 */
public final class SlurmSweepsView extends TitledPane {

    /**
     * @param openRunFolder opens a run folder by path and follows it live (the Runs view's Open run folder)
     */
    public SlurmSweepsView(SlurmSweepsViewModel vm, Consumer<Path> openRunFolder) {
        setText("Slurm sweeps ('sweep --status|--resume OUT' on the command line)");
        setId("slurm-sweeps");
        getStyleClass().add("slurm-sweeps-view");
        TableView<SlurmSweepsViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("slurm-sweeps-table");
        table.setPrefHeight(200);
        table.getColumns().setAll(List.of(
                text("Sweep", 170, SlurmSweepsViewModel.Row::sweep),
                text("Task", 90, SlurmSweepsViewModel.Row::taskId),
                text("Point", 240, SlurmSweepsViewModel.Row::point),
                text("Slurm", 100, SlurmSweepsViewModel.Row::slurm),
                progress(),
                text("Status", 520, SlurmSweepsViewModel.Row::detail),
                text("Run folder", 300, r -> r.runFolder() == null ? "" : r.runFolder().toString())));
        Label problem = new Label();
        problem.setWrapText(true);
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button open = new Button("Open");
        open.setId("slurm-open");
        open.setTooltip(new Tooltip("Follow the selected point's run folder live in the Monitor"));
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> {
            Path folder = vm.folderToOpen(table.getSelectionModel().getSelectedItem());
            if (folder != null) {
                openRunFolder.accept(folder);
            }
        });
        Button cancel = new Button("Cancel job…");
        cancel.setId("slurm-cancel");
        cancel.setTooltip(new Tooltip("Cancel the selected point's sweep on Slurm (scancel); running points keep a "
                + "checkpoint"));
        cancel.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(e -> {
            SlurmSweepsViewModel.Row row = table.getSelectionModel().getSelectedItem();
            if (row != null && confirmCancel(row)) {
                vm.cancel(row);
            }
        });
        Label notice = new Label();
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        HBox actions = new HBox(8, open, cancel, notice);
        actions.setAlignment(Pos.CENTER_LEFT);
        setContent(new VBox(4, problem, actions, table));
        visibleProperty().bind(Bindings.isNotEmpty(vm.rows()).or(vm.problemProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
    }

    private boolean confirmCancel(SlurmSweepsViewModel.Row row) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Every task of " + row.sweep() + " that is pending or "
                + "running is cancelled (scancel). Running points write a checkpoint; 'sweep --resume "
                + row.sweepFolder() + "' continues them.", ButtonType.OK, ButtonType.CANCEL);
        ask.setHeaderText("Cancel the Slurm job of " + row.sweep() + "?");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        return ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private static TableColumn<SlurmSweepsViewModel.Row, String> text(String title, double width,
            Function<SlurmSweepsViewModel.Row, String> value) {
        TableColumn<SlurmSweepsViewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<SlurmSweepsViewModel.Row, Number> progress() {
        TableColumn<SlurmSweepsViewModel.Row, Number> column = new TableColumn<>("Progress");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().progress()));
        column.setCellFactory(c -> new ProgressCell<>());
        column.setPrefWidth(140);
        return column;
    }
}
