package org.supertickets.ui.runqueue;

import java.io.File;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import org.supertickets.space.ConfigDefaults;

/**
 * The run queue: start the designer's config (on the chosen device), pause, resume, stop, resume from a
 * checkpoint, open any run folder (followed live while it is written). The selected row is the run the
 * monitor, graph and heatmap show.
 */
public final class RunsView extends BorderPane {

    private final RunsViewModel vm;
    private final TableView<RunEntry> table = new TableView<>();
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume");
    private final Button stop = new Button("Stop");
    private final Button fromCheckpoint = new Button("Resume from checkpoint");
    private final Button ticket = new Button("Open its ticket");

    public RunsView(RunsViewModel vm, Runnable runCurrentConfig, Consumer<File> onOpenTicket) {
        this.vm = vm;
        getStyleClass().add("runs-view");
        Button run = new Button("▶ Run current config");
        run.setId("run-config");
        run.setTooltip(new Tooltip("Queue the designer's config (Ctrl+R); runs train one at a time"));
        run.setOnAction(e -> runCurrentConfig.run());
        ChoiceBox<String> device = new ChoiceBox<>();
        device.getItems().setAll(ConfigDefaults.DEVICES);
        device.valueProperty().bindBidirectional(vm.deviceProperty());
        device.setTooltip(new Tooltip("auto = the GPU when the engine sees one, else the CPU"));
        pause.setId("pause-run");
        pause.setOnAction(e -> vm.pause(vm.getSelected()));
        resume.setId("resume-run");
        resume.setOnAction(e -> vm.resume(vm.getSelected()));
        stop.setId("stop-run");
        stop.setTooltip(new Tooltip("Stop (Ctrl+.): the run writes a checkpoint first and can be resumed"));
        stop.setOnAction(e -> vm.cancel(vm.getSelected()));
        fromCheckpoint.setId("resume-checkpoint");
        fromCheckpoint.setOnAction(e -> vm.resumeFromCheckpoint(vm.getSelected()));
        Button open = new Button("Open run folder…");
        open.setId("open-run-folder");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a run folder (it holds config.json and metrics.jsonl)");
            File initial = vm.runsDirProperty().get() == null ? null : vm.runsDirProperty().get().toFile();
            if (initial != null && initial.isDirectory()) {
                chooser.setInitialDirectory(initial);
            }
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.openFolder(dir.toPath());
            }
        });
        ticket.setOnAction(e -> {
            RunEntry sel = vm.getSelected();
            if (sel != null && sel.getFolder() != null) {
                onOpenTicket.accept(sel.getFolder().toFile());
            }
        });
        Label deviceLabel = new Label("device");
        // A flow, not a row: on a narrow window or at presenter scale the buttons wrap to a second line whole
        // instead of shrinking to "Pa…" and "S…" (seen at 1280×720, 1.5×).
        FlowPane tools = new FlowPane(8, 6, run, deviceLabel, device, pause, resume, stop, fromCheckpoint, open,
                ticket);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setPadding(new Insets(6));
        tools.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Control c) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        setTop(tools);

        table.setId("runs-table");
        table.setItems(vm.entries());
        table.setPlaceholder(new Label("No runs yet: press ▶ Run (Ctrl+R) or open a run folder."));
        TableColumn<RunEntry, String> name = new TableColumn<>("Run");
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setPrefWidth(260);
        TableColumn<RunEntry, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().getStatus().label(),
                c.getValue().statusProperty()));
        status.setPrefWidth(170);
        TableColumn<RunEntry, Number> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(c -> c.getValue().progressProperty());
        progress.setCellFactory(c -> new ProgressCell<>());
        progress.setPrefWidth(160);
        TableColumn<RunEntry, String> eta = new TableColumn<>("ETA");
        eta.setCellValueFactory(c -> c.getValue().etaProperty());
        eta.setPrefWidth(90);
        TableColumn<RunEntry, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> c.getValue().messageProperty());
        message.setPrefWidth(560); // wide enough for a completed run's ticket numbers
        TableColumn<RunEntry, String> folder = new TableColumn<>("Folder");
        folder.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().getFolder() == null ? ""
                : c.getValue().getFolder().toString(), c.getValue().folderProperty()));
        folder.setPrefWidth(300);
        table.getColumns().setAll(java.util.List.of(name, status, progress, eta, message, folder));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
            watch(a, b);
        });
        setCenter(table);
        updateButtons();
    }

    private final ChangeListener<RunStatus> statusListener = (o, a, b) -> updateButtons();

    private void watch(RunEntry old, RunEntry now) {
        if (old != null) {
            old.statusProperty().removeListener(statusListener);
        }
        if (now != null) {
            now.statusProperty().addListener(statusListener);
        }
        updateButtons();
    }

    private void updateButtons() {
        RunEntry e = vm.getSelected();
        RunStatus s = e == null ? null : e.getStatus();
        pause.setDisable(s != RunStatus.RUNNING);
        resume.setDisable(s != RunStatus.PAUSED);
        stop.setDisable(s != RunStatus.RUNNING && s != RunStatus.PAUSED && s != RunStatus.QUEUED
                && s != RunStatus.STARTING);
        fromCheckpoint.setDisable(!vm.canResumeFromCheckpoint(e));
        ticket.setDisable(s != RunStatus.COMPLETED);
    }

    public TableView<RunEntry> table() {
        return table;
    }
}
