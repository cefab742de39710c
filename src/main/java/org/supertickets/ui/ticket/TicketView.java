package org.supertickets.ui.ticket;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
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
    /** workbench.css's root font size; presenter mode multiplies it. */
    private static final double BASE_FONT_PX = 12.5;

    /** What each column shows, to measure the width its longest text needs. */
    private final Map<TableColumn<TicketLayer, String>, Function<TicketLayer, String>> columnTexts =
            new LinkedHashMap<>();

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private final TableView<TicketLayer> table = new TableView<>();
    private final SplitPane split = new SplitPane();
    private final SplitPane pictures = new SplitPane();
    private VBox tablePart;
    private VBox provenancePart;
    private Boolean stacked;
    /** The width the table's columns need at the current font and rows. */
    private double tableWidth;

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
        vm.layersProperty().addListener((o, a, b) -> {
            table.getItems().setAll(b);
            sizeColumns();
        });
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
        tablePart = new VBox(6, head, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        provenancePart = new VBox(6, provTitle, provenance);
        VBox.setVgrow(provenance, Priority.ALWAYS);

        GraphView graph = new GraphView(vm.graph(), null);
        graph.darkProperty().bind(dark);
        graph.textScaleProperty().bind(scale);
        HeatmapView heat = new HeatmapView(heatmap);
        heat.darkProperty().bind(dark);
        pictures.getItems().setAll(graph, heat);
        setCenter(split);
        scale.addListener((o, a, b) -> sizeColumns());
        widthProperty().addListener((o, a, b) -> placeTable());
        arrange(false);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Font factor of presenter mode (1 = normal): the columns widen with it. */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** True while the table spans the whole width above the graph (it did not fit beside it). */
    public boolean stacked() {
        return Boolean.TRUE.equals(stacked);
    }

    /**
     * Sizes each column to its longest text at the current font and, when the table no longer fits in half the
     * width (presenter mode on a 1280-pixel screen), puts it above the graph at full width: cut cells ("54….")
     * are what a room cannot read.
     */
    private void sizeColumns() {
        double s = scale.get();
        Font font = Font.font(BASE_FONT_PX * s);
        Font headerFont = Font.font(null, FontWeight.BOLD, BASE_FONT_PX * s);
        double needed = 0;
        for (var entry : columnTexts.entrySet()) {
            double widest = 0;
            for (String line : entry.getKey().getText().split("\n")) {
                widest = Math.max(widest, textWidth(line, headerFont));
            }
            for (TicketLayer layer : table.getItems()) {
                widest = Math.max(widest, textWidth(entry.getValue().apply(layer), font));
            }
            // a cell's padding is about one em on either side together
            double width = Math.ceil(widest + 1.2 * font.getSize());
            entry.getKey().setPrefWidth(width);
            needed += width;
        }
        needed += 2 * font.getSize(); // the vertical scroll bar and the pane's border
        tableWidth = needed;
        placeTable();
    }

    /**
     * Beside the graph while the table fits in half the width, above it otherwise. The text is measured only when
     * the font or the rows change; a resize only compares.
     */
    private void placeTable() {
        if (getWidth() > 0) {
            arrange(tableWidth > getWidth() / 2);
        }
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private void arrange(boolean stack) {
        if (stacked != null && stacked == stack) {
            return;
        }
        stacked = stack;
        if (stack) {
            // The graph and its heatmap beside each other under the table, the provenance narrow at the right.
            pictures.setOrientation(Orientation.HORIZONTAL);
            pictures.getItems().add(provenancePart);
            tablePart.setPadding(new Insets(0, 6, 4, 6));
            split.setOrientation(Orientation.VERTICAL);
            split.getItems().setAll(tablePart, pictures);
        } else {
            pictures.getItems().remove(provenancePart);
            pictures.setOrientation(Orientation.VERTICAL);
            VBox left = new VBox(6, tablePart, provenancePart);
            VBox.setVgrow(tablePart, Priority.ALWAYS);
            left.setPadding(new Insets(0, 4, 4, 6));
            tablePart.setPadding(Insets.EMPTY);
            split.setOrientation(Orientation.HORIZONTAL);
            split.getItems().setAll(left, pictures);
        }
        // Divider positions set before the panes are laid out again are lost.
        Platform.runLater(() -> {
            pictures.setDividerPositions(stack ? new double[] {0.5, 0.8} : new double[] {0.6});
            split.setDividerPositions(0.5);
        });
    }

    public TableView<TicketLayer> table() {
        return table;
    }

    private TableColumn<TicketLayer, String> column(String title, double width,
            Function<TicketLayer, String> value) {
        TableColumn<TicketLayer, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        columnTexts.put(c, value);
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
