package org.supertickets.ui.monitor;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import org.supertickets.ui.graph.GraphView;
import org.supertickets.ui.graph.GraphViewModel;
import org.supertickets.ui.heatmap.HeatmapView;
import org.supertickets.ui.heatmap.HeatmapViewModel;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunStatus;
import org.supertickets.ui.runqueue.RunsViewModel;
import org.supertickets.ui.session.TimelineViewModel;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.teaching.ExplanationPanel;
import org.supertickets.ui.teaching.StepModeViewModel;

/**
 * The Monitor tab: the run picker, the headline and the export over the charts beside the connectivity graph and
 * the mask heatmap (all under one time cursor), and step mode's explanation panel below. Presenter mode gives the
 * graph more of the tab and brings the user's layout back afterwards.
 */
public final class MonitorTab extends BorderPane {

    private final RunsViewModel runs;
    private final MonitorViewModel monitor;
    private final Consumer<String> status;
    private final MonitorView monitorView;
    private final GraphView graphView;
    private final HeatmapView heatmapView;
    /** The folders of the runs overlaid on the charts, read off the UI thread. */
    private final OverlayFeed overlays;
    /** The names of the runs ticked for overlay (UI thread). */
    private final java.util.Set<String> overlaid = new java.util.HashSet<>();
    /**
     * Screen lines, divided by the presenter's font factor, under which graph and heatmap do not both fit: 1280×720
     * at 1.5× (480) and 1920×1080 at 2× (540) are short, 1600×1000 at 1.5× (667) is not.
     */
    static final double SHORT_SCREEN_LINES = 600;

    /** The height of the screen presenter mode fills (tests stand in a projector's). */
    private java.util.function.DoubleSupplier screenHeight = () -> Screen.getPrimary().getBounds().getHeight();
    /** True while presenting on a screen too short for graph and heatmap at once. */
    private boolean heatmapOnDemand;
    private final ExplanationPanel explanationPanel;
    private final SplitPane monitorSplit;
    private final SplitPane rightSplit;
    /** The dividers before presenter mode moved them (restored when it ends); null while not presenting. */
    private double[] dividersBeforePresenting;
    private final GraphViewModel graph;
    /** The graph's layout before presenting turned blocks side by side on (null while not presenting). */
    private Boolean columnsBeforePresenting;

    /**
     * @param onExportError told why a chart export failed
     * @param status        shows a line in the window's status bar
     */
    public MonitorTab(MonitorViewModel monitor, RunsViewModel runs, GraphViewModel graph, TimelineViewModel timeline,
            HeatmapViewModel heatmap, StepModeViewModel stepMode, TaskRunner runner, Consumer<String> onExportError,
            Consumer<String> status) {
        this.runs = runs;
        this.monitor = monitor;
        this.graph = graph;
        this.status = status;
        overlays = new OverlayFeed(curves -> Platform.runLater(() -> {
            if (overlaid.contains(curves.name())) { // not unticked while it was read
                monitor.overlay(curves);
            }
        }), message -> Platform.runLater(() -> status.accept(message)));
        monitorView = new MonitorView(monitor, runner, onExportError);
        graphView = new GraphView(graph, timeline);
        graphView.textScaleProperty().bind(monitorView.scaleProperty());
        heatmapView = new HeatmapView(heatmap);
        rightSplit = new SplitPane(graphView, heatmapView);
        rightSplit.setOrientation(Orientation.VERTICAL);
        rightSplit.setDividerPositions(0.64);
        graph.selectedLayerProperty().addListener((o, a, b) -> showHeatmapOnDemand(b != null));
        monitorSplit = new SplitPane(monitorView, rightSplit);
        monitorSplit.setDividerPositions(0.47);
        setCenter(monitorSplit);
        setTop(header());
        explanationPanel = new ExplanationPanel(stepMode, monitor.dense().atCursorProperty());
        setBottom(explanationPanel);
    }

    public MonitorView monitorView() {
        return monitorView;
    }

    public GraphView graphView() {
        return graphView;
    }

    public HeatmapView heatmapView() {
        return heatmapView;
    }

    /** The tab's split panes by the name their divider positions are remembered under. */
    public Map<String, SplitPane> splits() {
        Map<String, SplitPane> splits = new LinkedHashMap<>();
        splits.put("monitorSplit", monitorSplit);
        splits.put("rightSplit", rightSplit);
        return splits;
    }

    /**
     * Sets the explanation panel's height while it explains: {@code wanted}, but never more than a third of the
     * window.
     */
    public void fitExplanationPanel(double wanted, double windowHeight) {
        explanationPanel.setExpandedHeight(windowHeight > 0 ? Math.min(wanted, Math.max(150, windowHeight / 3))
                : wanted);
    }

    /** Whether presenter mode's layout is shown (the user's own dividers are kept aside). */
    public boolean isPresenting() {
        return dividersBeforePresenting != null;
    }

    /**
     * Presenting: the graph gets more of the Monitor (all of its right side, until a layer is picked, on a screen
     * short for the presenter's font: under {@link #SHORT_SCREEN_LINES} lines at scale 1); the
     * user's layout comes back afterwards.
     */
    public void present(boolean on) {
        if (on) {
            dividersBeforePresenting = new double[] {monitorSplit.getDividerPositions()[0],
                    rightSplit.getDividerPositions()[0]};
            monitorSplit.setDividerPositions(0.42);
            // On a projector's few lines the graph takes the heatmap's place until a layer is clicked.
            if (screenHeight.getAsDouble() / monitorView.scaleProperty().get() < SHORT_SCREEN_LINES) {
                heatmapOnDemand = true;
                // the heatmap's header names the picked layer; the side panel would leave the graph a sliver
                graphView.nodePanelProperty().set(false);
                showHeatmapOnDemand(graph.selectedLayerProperty().get() != null);
                // A wide, short graph area: blocks side by side fill it; one column came out a few lines tall.
                columnsBeforePresenting = graph.columnsProperty().get();
                graph.columnsProperty().set(true);
            } else {
                rightSplit.setDividerPositions(0.75);
            }
        } else if (dividersBeforePresenting != null) {
            heatmapOnDemand = false;
            graphView.nodePanelProperty().set(true);
            if (!rightSplit.getItems().contains(heatmapView)) {
                rightSplit.getItems().add(heatmapView);
            }
            monitorSplit.setDividerPositions(dividersBeforePresenting[0]);
            rightSplit.setDividerPositions(dividersBeforePresenting[1]);
            dividersBeforePresenting = null;
            if (columnsBeforePresenting != null) {
                graph.columnsProperty().set(columnsBeforePresenting);
                columnsBeforePresenting = null;
            }
        }
    }

    /**
     * While presenting on a short screen the heatmap is shown only for a picked layer (lesson step 3 clicks a layer
     * for it), so the graph keeps the room the rest of the time.
     */
    private void showHeatmapOnDemand(boolean layerPicked) {
        if (!heatmapOnDemand) {
            return;
        }
        if (layerPicked && !rightSplit.getItems().contains(heatmapView)) {
            rightSplit.getItems().add(heatmapView);
            rightSplit.setDividerPositions(0.6);
        } else if (!layerPicked) {
            rightSplit.getItems().remove(heatmapView);
        }
    }

    /** Stands in another screen height for presenter mode's layout (tests of a 720-line projector). */
    public void setScreenHeight(java.util.function.DoubleSupplier height) {
        screenHeight = height;
    }

    /** Whether the mask heatmap is on screen (presenting on a short screen hides it until a layer is picked). */
    public boolean heatmapShown() {
        return rightSplit.getItems().contains(heatmapView);
    }

    /** TensorBoard's smoothing slider for the per-step train curves (0 = raw), its value beside it. */
    private Node smoothing() {
        Slider slider = new Slider(0, 0.99, monitor.smoothingProperty().get());
        slider.setId("monitor-smoothing");
        slider.setPrefWidth(110);
        slider.setTooltip(new Tooltip("Smoothing of the train curves (accuracy, loss): an exponential moving "
                + "average with this weight on the past, as TensorBoard's slider; the raw curve stays faint behind"));
        slider.valueProperty().bindBidirectional(monitor.smoothingProperty());
        Label value = new Label();
        value.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> monitor.smoothingProperty()
                .get() == 0 ? "off" : String.format(java.util.Locale.ROOT, "%.2f", monitor.smoothingProperty().get()),
                monitor.smoothingProperty()));
        value.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label("smoothing");
        title.setMinWidth(Region.USE_PREF_SIZE);
        slider.setMinWidth(80);
        HBox box = new HBox(4, title, slider, value);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * TensorBoard's "Horizontal axis": epoch, step, time since the run's start, or clock time. A run that cannot be
     * placed on the choice (a log without times) stays on epochs, and its charts' x label says why.
     */
    private Node horizontalAxis() {
        ComboBox<XAxis> choice = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(XAxis.values()));
        choice.setId("monitor-x-axis");
        choice.valueProperty().bindBidirectional(monitor.xAxisProperty());
        choice.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "What the charts plot "
                + "against, as TensorBoard's horizontal axis: epoch, step, time since the run's start (Relative, "
                + "each overlaid run from its own start) or clock time (Wall)"
                + (monitor.axisNoteProperty().get().isEmpty() ? "" : ". Now by epoch: "
                        + monitor.axisNoteProperty().get()), monitor.axisNoteProperty()));
        choice.setTooltip(tip);
        Label title = new Label("x axis");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(4, title, choice);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** "paused" beside the headline while the run shown is paused (its numbers stand still, not stuck). */
    private Label pausedBadge() {
        Label paused = new Label("paused");
        paused.setId("monitor-paused");
        paused.getStyleClass().add("paused-badge");
        paused.setMinWidth(Region.USE_PREF_SIZE);
        paused.managedProperty().bind(paused.visibleProperty());
        ChangeListener<RunStatus> onStatus = (o, was, now) -> paused.setVisible(now == RunStatus.PAUSED);
        runs.selectedProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.statusProperty().removeListener(onStatus);
            }
            if (now != null) {
                now.statusProperty().addListener(onStatus);
            }
            paused.setVisible(now != null && now.getStatus() == RunStatus.PAUSED);
        });
        RunEntry shown = runs.selectedProperty().get();
        if (shown != null) {
            shown.statusProperty().addListener(onStatus);
        }
        paused.setVisible(shown != null && shown.getStatus() == RunStatus.PAUSED);
        return paused;
    }

    private Node header() {
        ComboBox<RunEntry> picker = new ComboBox<>(runs.entries());
        picker.setId("monitor-run");
        picker.setPromptText("planned curves of the designer's config");
        picker.setPrefWidth(300);
        picker.valueProperty().bindBidirectional(runs.selectedProperty());
        picker.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(RunEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "planned curves of the designer's config" : item.getName());
            }
        });
        picker.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(RunEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getName() + " · " + item.getStatus().label());
            }
        });
        Label headline = new Label();
        headline.setId("monitor-headline");
        headline.textProperty().bind(monitor.headlineProperty());
        Button export = new Button("Export charts…");
        export.setTooltip(new Tooltip("Every chart as PNG and SVG, and its data as CSV, into a folder "
                + "(right-click a chart for one)"));
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                monitorView.exportAll(dir.toPath(), () -> status.accept("Exported charts to " + dir));
            }
        });
        // On a narrow window the headline gives way (ellipsis, full text on hover), never the button or the picker.
        headline.setMinWidth(0);
        Tooltip full = new Tooltip();
        full.textProperty().bind(headline.textProperty());
        headline.setTooltip(full);
        export.setMinWidth(Region.USE_PREF_SIZE);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        Label runLabel = new Label("Run");
        runLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox box = new HBox(10, runLabel, picker, pausedBadge(), headline, gap, overlayMenu(), horizontalAxis(),
                smoothing(), export);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(5, 8, 5, 8));
        box.getStyleClass().add("monitor-header");
        return box;
    }

    /**
     * TensorBoard's several runs at once: other runs of the list ticked here have their held-out accuracy, loss and
     * sparsity drawn over the shown run's, dashed, and a run still training grows on the charts as it trains.
     */
    private Node overlayMenu() {
        MenuButton menu = new MenuButton("Overlay");
        menu.setId("monitor-overlay");
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.setTooltip(new Tooltip("Draw other runs' validation accuracy, loss and sparsity over this run's "
                + "(dashed, live while they train)"));
        menu.setOnShowing(e -> menu.getItems().setAll(overlayMenuItems()));
        return menu;
    }

    /** A tick box per run of the list with a folder, the shown run excepted (the Overlay menu's items). */
    public List<CheckMenuItem> overlayMenuItems() {
        List<CheckMenuItem> items = new ArrayList<>();
        for (RunEntry entry : runs.entries()) {
            Path folder = entry.getFolder();
            if (folder == null || entry == runs.getSelected()) {
                continue;
            }
            CheckMenuItem item = new CheckMenuItem(entry.getName() + " · " + entry.getStatus().label());
            item.setSelected(overlays.follows(folder));
            String name = entry.getName();
            item.setOnAction(e -> {
                if (item.isSelected()) {
                    overlaid.add(name);
                    overlays.follow(folder, name);
                } else {
                    overlaid.remove(name);
                    overlays.unfollow(folder);
                    monitor.removeOverlay(name);
                }
            });
            items.add(item);
        }
        return items;
    }
}
