package org.supertickets.ui.compare;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.DirectoryChooser;
import org.supertickets.report.ChannelChange;
import org.supertickets.report.ComparedRun;
import org.supertickets.report.LayerChange;
import org.supertickets.report.MetricChange;
import org.supertickets.report.TicketDiff;
import org.supertickets.ui.compare.TicketDiffViewModel.Side;
import org.supertickets.ui.graph.GraphView;
import org.supertickets.ui.graph.Palette;
import org.supertickets.ui.ticket.TicketViewModel;

/**
 * Two tickets side by side: a picker per side (a run of the comparison, or any ticket folder), both connectivity
 * graphs on their supernet's layout with the changed layers marked (dashed outline and "Δ" badge), the summary
 * numbers with differences, the channels of every block body and branch from A to B, and every layer's weight
 * sparsity in A and B. Picking a layer in a graph or a table picks it everywhere.
 */
public final class TicketDiffView extends BorderPane {

    private final TicketDiffViewModel vm;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final TableView<MetricChange> metrics = new TableView<>();
    private final TableView<ChannelChange> channels = new TableView<>();
    private final TableView<LayerChange> layers = new TableView<>();
    private final TabPane details = new TabPane();
    private final GraphView graphA;
    private final GraphView graphB;
    private boolean syncing;

    public TicketDiffView(TicketDiffViewModel vm, ObservableList<ComparedRun> runs) {
        this.vm = vm;
        getStyleClass().add("ticket-diff");
        graphA = graph(Side.A);
        graphB = graph(Side.B);
        // One legend for both graphs: GraphView puts its legend on top; keep A's, drop B's, add the diff's mark.
        // Its hint speaks of heatmaps, which the diff does not open: say what hover and click do here.
        Node legend = graphA.getTop();
        graphA.setTop(null);
        graphB.setTop(null);
        if (legend instanceof javafx.scene.layout.Pane pane) {
            pane.getChildren().removeIf(n -> n.getStyleClass().contains("hint"));
            Label hint = new Label("hover: numbers in A and B · click: select in both");
            hint.getStyleClass().add("hint");
            pane.getChildren().addAll(changedKey(), hint);
        }

        VBox top = new VBox(4, pickers(runs), legend);
        top.setPadding(new Insets(6, 8, 2, 8));
        setTop(top);

        buildTables();
        Label metricsTitle = title("Summary (B − A)");
        details.getTabs().setAll(new Tab("Blocks & branches", channels), new Tab("Layers: weight sparsity", layers));
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // All seven numbers visible without scrolling.
        metrics.setFixedCellSize(24);
        metrics.setMinHeight(7 * 24 + 30);
        metrics.setPrefHeight(7 * 24 + 30);
        VBox right = new VBox(4, metricsTitle, metrics, details);
        VBox.setVgrow(details, Priority.ALWAYS);
        right.setPadding(new Insets(0, 4, 4, 4));
        SplitPane split = new SplitPane(side(Side.A, graphA), side(Side.B, graphB), right);
        split.setDividerPositions(0.33, 0.66);
        setCenter(split);
        // Both graphs scroll together, so the same block is in view on both sides.
        if (graphA.getCenter() instanceof javafx.scene.control.ScrollPane sa
                && graphB.getCenter() instanceof javafx.scene.control.ScrollPane sb) {
            sa.vvalueProperty().bindBidirectional(sb.vvalueProperty());
        }

        vm.diffProperty().addListener((o, a, d) -> showDiff(d));
        vm.selectedLayerProperty().addListener((o, a, layer) -> selectRows(layer));
        showDiff(vm.getDiff());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public GraphView graphView(Side side) {
        return side == Side.A ? graphA : graphB;
    }

    /** The tables under the summary: blocks and branches, layers. */
    public TabPane details() {
        return details;
    }

    public TableView<ChannelChange> channelsTable() {
        return channels;
    }

    public TableView<LayerChange> layersTable() {
        return layers;
    }

    public TableView<MetricChange> metricsTable() {
        return metrics;
    }

    private GraphView graph(Side side) {
        GraphView view = new GraphView(vm.graph(side), null);
        view.setId("diff-graph-" + side.name().toLowerCase(Locale.ROOT));
        view.darkProperty().bind(dark);
        view.canvas().changedLayersProperty().bind(vm.changedLayersProperty());
        view.canvas().setDescriber(n -> vm.describe(side, n));
        view.canvas().setOnPick(n -> vm.selectLayer(n == null ? null : n.layer()));
        return view;
    }

    /** A side: its ticket's name and numbers over its graph. */
    private Node side(Side side, GraphView graph) {
        Label heading = new Label();
        heading.setId("diff-heading-" + side.name().toLowerCase(Locale.ROOT));
        heading.getStyleClass().add("section-title");
        Label numbers = new Label();
        numbers.setId("diff-numbers-" + side.name().toLowerCase(Locale.ROOT));
        Runnable show = () -> {
            TicketViewModel.Loaded t = vm.ticketProperty(side).get();
            var m = t == null ? null : t.manifest().metrics();
            heading.setText(side + ": " + (t == null ? "no ticket" : TicketDiffViewModel.nameOf(t)));
            numbers.setText(m == null ? "" : "test accuracy " + CompareFormat.percent(m.testAccuracy(), 2) + " · "
                    + CompareFormat.percent(m.sparsity(), 1) + " sparse · " + CompareFormat.count(m.macs())
                    + " MACs · " + CompareFormat.count(m.params()) + " params");
            heading.setTooltip(t == null ? null : new Tooltip(t.folder().toString()));
        };
        vm.ticketProperty(side).addListener((o, a, b) -> show.run());
        show.run();
        VBox head = new VBox(1, heading, numbers);
        head.setPadding(new Insets(2, 6, 2, 6));
        BorderPane pane = new BorderPane(graph);
        pane.setTop(head);
        return pane;
    }

    private Node pickers(ObservableList<ComparedRun> runs) {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Button swap = new Button("⇄ Swap");
        swap.setId("diff-swap");
        swap.setTooltip(new Tooltip("Swap A and B"));
        swap.setOnAction(e -> vm.swap());
        swap.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("diff-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox box = new HBox(8, picker(Side.A, runs), picker(Side.B, runs), swap, busy, summary);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A side's picker: a run of the comparison (its ticket), or Browse… for any ticket folder. */
    private Node picker(Side side, ObservableList<ComparedRun> runs) {
        ComboBox<ComparedRun> combo = new ComboBox<>(runs);
        combo.setId("diff-pick-" + side.name().toLowerCase(Locale.ROOT));
        combo.setPrefWidth(300);
        combo.setPromptText("ticket of a run…");
        combo.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ComparedRun item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        combo.setButtonCell(buttonCell(side));
        combo.valueProperty().addListener((o, a, run) -> {
            if (!syncing && run != null) {
                vm.load(side, run.ticketFolder());
            }
        });
        // Follow what the ViewModel shows (the table's selection picks tickets too).
        vm.ticketProperty(side).addListener((o, a, t) -> {
            syncing = true;
            ComparedRun match = t == null ? null : runs.stream().filter(r -> r.ticketFolder().equals(t.folder()))
                    .findFirst().orElse(null);
            combo.setValue(match);
            if (match == null) {
                combo.setButtonCell(buttonCell(side)); // a new cell shows the new ticket's name
            }
            syncing = false;
        });
        Button browse = new Button("…");
        browse.setId("diff-browse-" + side.name().toLowerCase(Locale.ROOT));
        browse.setTooltip(new Tooltip("Choose any ticket folder (ticket.json + weights.safetensors) or run folder "
                + "as ticket " + side));
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Ticket " + side + ": a ticket folder or a run folder");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.load(side, dir.toPath());
            }
        });
        Label name = new Label(side.name());
        name.setFont(Font.font(null, FontWeight.BOLD, 13));
        HBox box = new HBox(4, name, combo, browse);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private ListCell<ComparedRun> buttonCell(Side side) {
        return new ListCell<>() {
            @Override
            protected void updateItem(ComparedRun item, boolean empty) {
                super.updateItem(item, empty);
                TicketViewModel.Loaded t = vm.ticketProperty(side).get();
                // A ticket browsed to is not a run of the table: show its name anyway.
                setText(item != null ? item.name() : t != null ? TicketDiffViewModel.nameOf(t) : "ticket of a run…");
            }
        };
    }

    /** The key of the diff's mark, drawn the way the painter draws it (dashed outline plus a "Δ" badge). */
    private static Node changedKey() {
        Rectangle outline = new Rectangle(22, 12, Color.TRANSPARENT);
        outline.setArcWidth(6);
        outline.setArcHeight(6);
        outline.setStroke(Palette.CHANGED);
        outline.setStrokeWidth(2);
        outline.getStrokeDashArray().setAll(4.0, 2.0);
        Circle badge = new Circle(6, Palette.CHANGED);
        Text delta = new Text("Δ");
        delta.setFill(Color.WHITE);
        delta.setFont(Font.font(null, FontWeight.BOLD, 9));
        HBox swatch = new HBox(2, outline, new StackPane(badge, delta));
        swatch.setAlignment(Pos.CENTER_LEFT);
        Label key = new Label("changed between A and B (removed in one, or other channels)", swatch);
        key.getStyleClass().add("legend-item");
        key.setMinWidth(Label.USE_PREF_SIZE);
        return key;
    }

    private void buildTables() {
        metrics.setId("diff-metrics");
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        metrics.setPlaceholder(new Label("Pick two tickets."));
        metrics.getColumns().setAll(List.of(column("", 130, MetricChange::name), column("A", 90,
                MetricChange::formatA), column("B", 90, MetricChange::formatB), column("B − A", 130,
                MetricChange::formatDelta)));

        channels.setId("diff-channels");
        channels.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        channels.setPlaceholder(new Label("Pick two tickets."));
        channels.getColumns().setAll(List.of(column("Part", 140, ChannelChange::part),
                column("Channels A → B / of", 150, ChannelChange::arrow),
                column("Change", 130, c -> (c.changed() ? "Δ " : "") + c.kind().label())));
        channels.setRowFactory(t -> markedRow(ChannelChange::changed));
        channels.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (!syncing && c != null) {
                vm.selectLayer(c.layer());
            }
        });

        layers.setId("diff-layers");
        layers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        layers.setPlaceholder(new Label("Pick two tickets."));
        // The tab says "weight sparsity": the A and B columns can be short and leave room for layer names.
        layers.getColumns().setAll(List.of(column("Layer", 150, l -> (l.structural() ? "Δ " : "") + l.layer()),
                column("A", 56, l -> l.a() == null ? "absent" : CompareFormat.percent(l.sparsityA(), 1)),
                column("B", 56, l -> l.b() == null ? "absent" : CompareFormat.percent(l.sparsityB(), 1)),
                column("B − A", 66, l -> Double.isNaN(l.sparsityDelta()) ? "–"
                        : String.format(Locale.ROOT, "%+.1f pp", 100 * l.sparsityDelta())),
                column("in→out A / B", 130, l -> channels(l.a()) + " / " + channels(l.b()))));
        layers.setRowFactory(t -> markedRow(LayerChange::structural));
        layers.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> {
            if (!syncing && l != null) {
                vm.selectLayer(l.layer());
            }
        });
    }

    private static String channels(org.supertickets.ticket.TicketLayer l) {
        return l == null ? "–" : l.inChannels() + "→" + l.outChannels();
    }

    private void showDiff(TicketDiff d) {
        metrics.getItems().setAll(d == null ? List.of() : d.metrics());
        channels.getItems().setAll(d == null ? List.of() : d.channels());
        layers.getItems().setAll(d == null ? List.of() : d.layers());
        selectRows(vm.selectedLayerProperty().get());
    }

    private void selectRows(String layer) {
        syncing = true;
        select(channels, c -> c.layer().equals(layer));
        select(layers, l -> l.layer().equals(layer));
        syncing = false;
    }

    private static <T> void select(TableView<T> table, java.util.function.Predicate<T> match) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (match.test(table.getItems().get(i))) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 2));
                return;
            }
        }
        table.getSelectionModel().clearSelection();
    }

    /** Rows of changed parts are bold and carry "Δ" in their text, so the mark does not rest on weight alone. */
    private static <T> TableRow<T> markedRow(java.util.function.Predicate<T> changed) {
        return new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && changed.test(item) ? "-fx-font-weight: bold;" : "");
            }
        };
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** The rows keep the network's order: no sorting. */
    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = TableColumns.text(title, width, value);
        c.setSortable(false);
        return c;
    }
}
