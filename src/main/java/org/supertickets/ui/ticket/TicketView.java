package org.supertickets.ui.ticket;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.supertickets.report.CountFormat;
import org.supertickets.ticket.TicketLayer;
import org.supertickets.ui.graph.GraphView;
import org.supertickets.ui.heatmap.HeatmapView;
import org.supertickets.ui.heatmap.HeatmapViewModel;

/** The ticket inspector: per-layer table, measures, provenance, and the ticket's graph and heatmaps. */
public final class TicketView extends BorderPane {

    private final TicketViewModel vm;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final TableView<TicketLayer> table = new TableView<>();

    public TicketView(TicketViewModel vm, HeatmapViewModel heatmap) {
        this.vm = vm;
        getStyleClass().add("ticket-view");
        Button open = new Button("Open ticket…");
        open.setId("open-ticket");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a ticket folder (ticket.json + weights.safetensors) or a run folder");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.open(dir.toPath());
            }
        });
        Button exportOnnx = new Button("Export ONNX…");
        exportOnnx.setId("export-onnx");
        exportOnnx.setTooltip(new Tooltip("Write this ticket as an ONNX model (opset 17) that ONNX Runtime runs and "
                + "Netron draws; its metadata says how to preprocess images"));
        exportOnnx.disableProperty().bind(vm.loadedProperty().isNull().or(vm.busyProperty()));
        exportOnnx.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the ticket as ONNX");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX model", "*.onnx"));
            TicketViewModel.Loaded l = vm.loadedProperty().get();
            String source = l.manifest().provenance() == null ? "ticket" : l.manifest().provenance().sourceRun();
            chooser.setInitialFileName(source + ".onnx");
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                vm.exportOnnx(file.toPath());
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label metrics = new Label();
        metrics.setId("ticket-metrics");
        metrics.textProperty().bind(vm.metricsProperty());
        HBox tools = new HBox(10, open, exportOnnx, busy, metrics);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setPadding(new Insets(6));
        setTop(tools);

        table.setId("ticket-table");
        table.setPlaceholder(new Label("No ticket open."));
        // Two-line headers and columns that share the table's width: every header reads in full and the MACs
        // need no sideways scrolling.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(java.util.List.of(
                column("Layer", 150, TicketLayer::name),
                column("Kind", 70, l -> l.kind().name().toLowerCase(Locale.ROOT)),
                column("Shape", 90, l -> shape(l.shape())),
                column("Channels\nin → out", 80, l -> l.inChannels() + " → " + l.outChannels()),
                column("Weights\nkept / all", 110, l -> String.format(Locale.ROOT, "%,d / %,d", l.kept(),
                        l.weights())),
                column("Sparsity", 70, l -> String.format(Locale.ROOT, "%.1f%%", 100 * l.sparsity())),
                column("MACs\nalive / all", 110, l -> CountFormat.text(l.keptMacs()) + " / "
                        + CountFormat.text(l.macs()))));
        vm.layersProperty().addListener((o, a, b) -> table.getItems().setAll(b));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.graph().selectLayer(b.name());
            }
        });
        TextArea provenance = new TextArea();
        provenance.setId("ticket-provenance");
        provenance.setEditable(false);
        provenance.setWrapText(true);
        provenance.textProperty().bind(vm.provenanceProperty());
        provenance.setPrefRowCount(8);
        Label provTitle = new Label("Provenance");
        provTitle.getStyleClass().add("section-title");
        Label head = new Label();
        head.setId("ticket-head");
        head.setWrapText(true);
        head.textProperty().bind(vm.headProperty());
        head.visibleProperty().bind(vm.headProperty().isNotEmpty());
        head.managedProperty().bind(head.visibleProperty());
        VBox left = new VBox(6, head, table, provTitle, provenance);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        left.setPadding(new Insets(0, 4, 4, 6));

        GraphView graph = new GraphView(vm.graph(), null);
        graph.darkProperty().bind(dark);
        HeatmapView heat = new HeatmapView(heatmap);
        heat.darkProperty().bind(dark);
        SplitPane right = new SplitPane(graph, heat);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.6);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public TableView<TicketLayer> table() {
        return table;
    }

    private static TableColumn<TicketLayer, String> column(String title, double width,
            Function<TicketLayer, String> value) {
        TableColumn<TicketLayer, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 64));
        return c;
    }

    private static String shape(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "×").append(shape[i]);
        }
        return sb.toString();
    }
}
