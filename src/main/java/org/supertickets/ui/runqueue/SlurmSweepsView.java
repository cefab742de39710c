package org.supertickets.ui.runqueue;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/**
 * The points of the Slurm sweeps under the runs folder, read-only: task, point, Slurm's state, the run's
 * progress and what it adds up to. Shown only while there is such a sweep (or a problem reading one).
 */
public final class SlurmSweepsView extends TitledPane {

    public SlurmSweepsView(SlurmSweepsViewModel vm) {
        setText("Slurm sweeps (read-only; 'sweep --status|--cancel|--resume OUT' manages them)");
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
        setContent(new VBox(4, problem, table));
        visibleProperty().bind(Bindings.isNotEmpty(vm.rows()).or(vm.problemProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
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
