package org.supertickets.ui.graph;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.supertickets.ui.session.TimelineViewModel;
import org.supertickets.ui.controls.LiveButton;
import org.supertickets.ui.controls.TimelineSlider;
import org.supertickets.ui.controls.ToolButton;

/**
 * The connectivity graph with its always-visible legend and, when a timeline is given, the time controls:
 * a slider over every snapshot, play/pause, single steps and Live. The same cursor moves the charts' line.
 */
public final class GraphView extends BorderPane {

    /** The interaction hint's width, about one line at normal scale. */
    private static final double HINT_WIDTH = 560;

    /** Time between snapshots while replaying. */
    public static final Duration PLAY_STEP = Duration.millis(450);

    private final GraphCanvas canvas = new GraphCanvas();
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private Slider slider;
    private final NodePanel nodePanel;

    /** Presenter mode's text factor for the graph's labels and tooltips (1 = normal). */
    public javafx.beans.property.DoubleProperty textScaleProperty() {
        return canvas.textScaleProperty();
    }

    /** Whether the picked layer's side panel may show (true unless the screen is too short for it). */
    public BooleanProperty nodePanelProperty() {
        return nodePanel.enabledProperty();
    }

    public GraphView(GraphViewModel vm, TimelineViewModel timeline) {
        getStyleClass().add("graph-view");
        canvas.setId("graph-canvas");
        canvas.frameProperty().bind(vm.frameProperty());
        canvas.darkProperty().bind(dark);
        canvas.selectedLayerProperty().bind(vm.selectedLayerProperty());
        canvas.setDescriber(vm::describe);
        canvas.setOnPick(vm::select);
        setTop(legend(vm));
        setCenter(canvas);
        nodePanel = new NodePanel(vm);
        setRight(nodePanel);
        if (timeline != null) {
            setBottom(timeBar(timeline));
        }
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    public Slider slider() {
        return slider;
    }

    private Node timeBar(TimelineViewModel timeline) {
        slider = new TimelineSlider(timeline);
        slider.setId("time-slider");
        HBox.setHgrow(slider, Priority.ALWAYS);
        Button back = ToolButton.of("|◀", "step-back", "Previous snapshot", timeline::stepBack);
        Button play = ToolButton.of("▶ Play", "play", "Replay the snapshots / pause", timeline::togglePlay);
        Button forward = ToolButton.of("▶|", "step-forward", "Next snapshot", timeline::stepForward);
        Timeline player = new Timeline(new KeyFrame(PLAY_STEP, e -> timeline.tick()));
        player.setCycleCount(Timeline.INDEFINITE);
        timeline.playingProperty().addListener((o, a, playing) -> {
            play.setText(playing ? "❚❚ Pause" : "▶ Play");
            if (playing) {
                player.play();
            } else {
                player.stop();
            }
        });
        Label caption = new Label();
        caption.setId("time-caption");
        caption.textProperty().bind(timeline.captionProperty());
        caption.setMinWidth(280);
        Button live = LiveButton.of(timeline, "go-live");
        // The controls keep their labels when the bar is short (presenter mode at 1280×720 cut them to "…");
        // the slider gives way first.
        for (Button control : List.of(back, play, forward, live)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(6, back, play, forward, slider, live, caption);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.getStyleClass().add("time-bar");
        return bar;
    }

    private Node legend(GraphViewModel vm) {
        FlowPane legend = new FlowPane(10, 2);
        legend.setPadding(new Insets(4, 6, 4, 6));
        legend.getStyleClass().add("legend");
        legend.getChildren().add(viewTools(vm));
        for (NodeKind kind : NodeKind.values()) {
            if (kind.junction() || kind == NodeKind.INPUT) {
                continue;
            }
            Rectangle swatch = new Rectangle(14, 10, Palette.of(kind));
            swatch.setArcWidth(4);
            swatch.setArcHeight(4);
            swatch.setStroke(Palette.of(kind).darker());
            Node entry = item(swatch, kind.label());
            if (kind == NodeKind.DECODER) {
                // only a segmentation network has a decoder
                Runnable show = () -> entry.setVisible(vm.graphProperty().get() != null
                        && vm.graphProperty().get().supernet().segments());
                vm.graphProperty().addListener((o, a, b) -> show.run());
                show.run();
                entry.managedProperty().bind(entry.visibleProperty());
            }
            legend.getChildren().add(entry);
        }
        Rectangle ghost = new Rectangle(14, 10, Color.TRANSPARENT);
        ghost.setStroke(Color.GRAY);
        ghost.getStrokeDashArray().setAll(3.0, 2.0);
        legend.getChildren().add(item(ghost, "removed by search"));
        Rectangle bar = new Rectangle(14, 4, Color.GRAY);
        legend.getChildren().add(item(bar, "bar = weights alive"));
        Rectangle faded = new Rectangle(14, 10, Palette.BLUISH_GREEN.deriveColor(0, 1, 1, 0.3));
        legend.getChildren().add(item(faded, "faded = low branch importance"));
        Line residual = new Line(0, 0, 16, 0);
        residual.setStroke(Color.GRAY);
        residual.setStrokeWidth(2);
        residual.getStrokeDashArray().setAll(5.0, 3.0);
        legend.getChildren().add(item(residual, "residual path"));
        Circle add = new Circle(5, Color.TRANSPARENT);
        add.setStroke(Color.GRAY);
        legend.getChildren().add(item(add, "add"));
        Label hint = new Label("edge width ∝ channels^0.3 · hover: numbers · click: heatmap · wheel: zoom · "
                + "drag: pan · 0/F: fit");
        hint.getStyleClass().add("hint");
        // A flow pane is never narrower than its widest child's preferred width: the one-line hint (800 px at
        // presenter scale) kept the graph's side that wide and squeezed the charts and the Ticket table beside it.
        // Wrapped at about its width at normal scale, it takes a second line only when the text is larger.
        hint.setWrapText(true);
        hint.setPrefWidth(HINT_WIDTH);
        legend.getChildren().add(hint);
        return legend;
    }

    private Node viewTools(GraphViewModel vm) {
        Button fit = ToolButton.of("Fit", "graph-fit", "Show the whole graph (0 or F)", canvas::fitToView);
        Button in = ToolButton.of("+", "graph-zoom-in", "Zoom in (+ or the mouse wheel)",
                () -> canvas.zoomBy(GraphCanvas.ZOOM_STEP, canvas.getWidth() / 2, canvas.getHeight() / 2));
        Button out = ToolButton.of("−", "graph-zoom-out", "Zoom out (− or the mouse wheel)",
                () -> canvas.zoomBy(1 / GraphCanvas.ZOOM_STEP, canvas.getWidth() / 2,
                canvas.getHeight() / 2));
        javafx.scene.control.ToggleButton columns = new javafx.scene.control.ToggleButton("Blocks side by side");
        columns.setId("graph-columns");
        columns.setTooltip(new Tooltip("A column per block: the compact layout for wide screens"));
        columns.selectedProperty().bindBidirectional(vm.columnsProperty());
        javafx.scene.control.MenuButton export = new javafx.scene.control.MenuButton("Export");
        export.setId("graph-export");
        javafx.scene.control.MenuItem png = new javafx.scene.control.MenuItem("Graph as PNG…");
        png.setOnAction(e -> exportTo("PNG image", "*.png", GraphExport::png));
        javafx.scene.control.MenuItem svg = new javafx.scene.control.MenuItem("Graph as SVG…");
        svg.setOnAction(e -> exportTo("SVG image", "*.svg", GraphExport::svg));
        export.getItems().addAll(png, svg);
        HBox tools = new HBox(4, fit, in, out, columns, export, finder(vm));
        tools.setAlignment(Pos.CENTER_LEFT);
        for (Node n : tools.getChildren()) {
            n.setFocusTraversable(false); // keys go to the canvas
        }
        return tools;
    }

    /**
     * Netron's find: a layer's name or its label in the graph; Enter selects the first match (its heatmap opens)
     * and centres it, Enter again the next; no match marks the field.
     */
    private Node finder(GraphViewModel vm) {
        javafx.scene.control.TextField find = new javafx.scene.control.TextField();
        find.setId("graph-find");
        find.setPromptText("find a layer");
        find.setPrefColumnCount(9);
        find.setTooltip(new Tooltip("A layer's name or label, e.g. blocks.1.expand, b2 dw 7x7, classifier; "
                + "Enter: the next match"));
        int[] next = {0};
        find.textProperty().addListener((o, was, now) -> {
            next[0] = 0;
            find.getStyleClass().remove("invalid");
        });
        find.setOnAction(e -> {
            List<GraphNode> found = vm.find(find.getText());
            find.getStyleClass().remove("invalid");
            if (found.isEmpty()) {
                find.getStyleClass().add("invalid");
                return;
            }
            GraphNode node = found.get(next[0]++ % found.size());
            vm.select(node);
            // The pick opens the side panel, which narrows the canvas: centre once that layout is done.
            applyCss();
            layout();
            canvas.centreOn(node);
        });
        return find;
    }

    /**
     * Writes the current frame, whole (not only what is zoomed into), to a file the user picks: drawn here on
     * the FX thread, written on a background thread.
     */
    private void exportTo(String kind, String pattern,
            java.util.function.BiFunction<GraphFrame, Boolean, byte[]> draw) {
        GraphFrame f = canvas.frameProperty().get();
        if (f == null) {
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export the connectivity graph");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName("graph" + pattern.substring(1));
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        byte[] bytes = draw.apply(f, dark.get());
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                java.nio.file.Files.write(file.toPath(), bytes);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }).exceptionally(ex -> {
            javafx.application.Platform.runLater(() -> new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.ERROR, "Cannot write " + file + ": " + ex.getCause()
                    + ". Pick a folder you can write to.").show());
            return null;
        });
    }

    private static Node item(Node swatch, String text) {
        StackPane box = new StackPane(swatch);
        box.setMinWidth(16);
        Label label = new Label(text, box);
        label.getStyleClass().add("legend-item");
        return label;
    }

}
