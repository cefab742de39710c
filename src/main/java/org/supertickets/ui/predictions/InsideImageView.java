package org.supertickets.ui.predictions;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.supertickets.ui.controls.EitherToggle;

/**
 * "One image": a test image, the class probabilities the supernet and the ticket give it as bars side by side, and
 * one network's feature maps from the stem to the head — a row per branch and per block output, the strongest maps
 * first, each layer on its own colour scale, with how much the ticket's maps differ from the supernet's there. Bound
 * to an {@link InsideImageViewModel}; it only draws.
 */
public final class InsideImageView extends BorderPane {

    /** Size of the input image and of one feature map, in em. */
    private static final double IMAGE_EM = 11;
    private static final double MAP_EM = 4.2;
    /** Width of a probability bar at 100 %, in em. */
    private static final double BAR_EM = 5;
    /** The two networks' bar colours: ColorBrewer's blue and orange, apart for every colour-vision deficiency. */
    static final String SUPERNET_COLOUR = "#2171b5";
    static final String TICKET_COLOUR = "#e08214";

    private final InsideImageViewModel vm;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final ImageView input = new ImageView();
    private final Label inputCaption = new Label();
    private final GridPane probabilities = new GridPane();
    private final VBox legend = new VBox(2);
    private final Label mapsTitle = new Label();
    private final VBox rows = new VBox(10);
    private final Label message = new Label();
    private final SpinnerValueFactory.IntegerSpinnerValueFactory indices =
            new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, 0);

    public InsideImageView(InsideImageViewModel vm) {
        this.vm = vm;
        setId("inside-image");
        setTop(controls());

        input.setId("inside-image-input");
        inputCaption.setId("inside-image-caption");
        inputCaption.setWrapText(true);
        Label probabilitiesTitle = new Label("Class probabilities");
        probabilitiesTitle.getStyleClass().add("section-title");
        probabilities.setId("inside-image-probabilities");
        probabilities.setHgap(6);
        probabilities.setVgap(2);
        Label how = new Label("The supernet is the run's latest checkpoint (written after each evaluation), so a live "
                + "run shows its newest; earlier networks are not kept. BN statistics are re-estimated on the run's "
                + "first training batches, as every evaluation does. The ticket is the network the run extracted.");
        how.getStyleClass().add("hint");
        how.setWrapText(true);
        VBox side = new VBox(6, input, inputCaption, probabilitiesTitle, legend, probabilities, how);
        side.setPadding(new Insets(8, 14, 0, 0));
        // In em, so presenter mode's larger font widens the column with its bars and class names.
        side.setStyle("-fx-pref-width: 27.5em; -fx-min-width: 20em;");
        ScrollPane sideScroll = scroll(side);
        sideScroll.setStyle("-fx-min-width: 26em;");
        setLeft(sideScroll);

        mapsTitle.setId("inside-image-maps-title");
        mapsTitle.getStyleClass().add("section-title");
        mapsTitle.setWrapText(true);
        Label colours = new Label("Colour: each layer on its own scale, zero lightest; a block's output (the sum of "
                + "its branches and its skip, no ReLU) orange below zero, purple above. Hover a map for its channel.");
        colours.getStyleClass().add("hint");
        colours.setWrapText(true);
        rows.setId("inside-image-rows");
        VBox maps = new VBox(6, mapsTitle, colours, rows);
        maps.setPadding(new Insets(8, 0, 0, 8));
        ScrollPane mapsScroll = scroll(maps);

        message.setId("inside-image-message");
        message.setWrapText(true);
        message.setMaxWidth(640);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        StackPane centre = new StackPane(mapsScroll, message);
        StackPane.setAlignment(message, Pos.TOP_LEFT);
        mapsScroll.visibleProperty().bind(vm.frameProperty().isNotNull());
        sideScroll.visibleProperty().bind(vm.frameProperty().isNotNull());
        sideScroll.managedProperty().bind(sideScroll.visibleProperty());
        setCenter(centre);

        vm.frameProperty().addListener((o, a, f) -> show(f));
        dark.addListener((o, a, b) -> show(vm.getFrame()));
        // Images and bars are sized in em: presenter mode's larger font redraws them larger.
        inputCaption.fontProperty().addListener((o, a, b) -> show(vm.getFrame()));
        show(vm.getFrame());
    }

    /** Whether the dark theme's colours are used. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    private Region controls() {
        Spinner<Integer> index = new Spinner<>(indices);
        index.setId("inside-image-index");
        index.setEditable(true);
        index.setPrefWidth(110);
        indices.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.indexProperty().get()) {
                vm.indexProperty().set(b);
            }
        });
        vm.indexProperty().addListener((o, a, b) -> indices.setValue(b.intValue()));
        indices.setValue(vm.indexProperty().get());
        index.setTooltip(new Tooltip("The image's index in the run's test split, counted from 0 (as the most-confused "
                + "images and metrics.jsonl number them)"));
        Button previous = new Button("◀");
        previous.setId("inside-image-previous");
        previous.setOnAction(e -> vm.previous());
        Button next = new Button("▶");
        next.setId("inside-image-next");
        next.setOnAction(e -> vm.next());
        EitherToggle whose = new EitherToggle(vm.mapsOfTicketProperty(), "Supernet", "inside-image-maps-supernet",
                "Ticket", "inside-image-maps-ticket");
        ToggleButton ticket = whose.whenTrue();
        ticket.disableProperty().bind(vm.frameProperty().map(f -> f.ticket() == null).orElse(true));
        Label busy = new Label("working…");
        busy.getStyleClass().add("hint");
        busy.visibleProperty().bind(vm.busyProperty());
        HBox bar = new HBox(6, new Label("Test image"), index, previous, next, gap(), new Label("Feature maps of"),
                whose, gap(), busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 4, 0));
        return bar;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(14);
        return r;
    }

    private static ScrollPane scroll(Region content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.getStyleClass().add("edge-to-edge");
        return s;
    }

    private double em() {
        return inputCaption.getFont().getSize();
    }

    private void show(InsideImageFrame f) {
        rows.getChildren().clear();
        probabilities.getChildren().clear();
        legend.getChildren().clear();
        if (f == null) {
            input.setImage(null);
            return;
        }
        indices.setMax(f.testSize() - 1);
        int scale = Math.max(1, (int) Math.round(IMAGE_EM * em() / Math.max(f.width(), f.height())));
        input.setImage(ConfusionView.scaled(f.image(), f.width(), f.height(), scale));
        inputCaption.setText("Test image " + f.index() + " of " + f.testSize() + " · true class: " + f.trueClass());
        showProbabilities(f);
        mapsTitle.setText("Feature maps of " + f.mapsOf() + ", from the stem to the head");
        for (int i = 0; i < f.rows().size(); i++) {
            rows.getChildren().add(row(f.rows().get(i), i));
        }
    }

    private void showProbabilities(InsideImageFrame f) {
        List<InsideImageFrame.Probabilities> passes = new java.util.ArrayList<>();
        List<String> colours = new java.util.ArrayList<>();
        if (f.supernet() != null) {
            passes.add(f.supernet());
            colours.add(SUPERNET_COLOUR);
        }
        if (f.ticket() != null) {
            passes.add(f.ticket());
            colours.add(TICKET_COLOUR);
        }
        for (int p = 0; p < passes.size(); p++) {
            InsideImageFrame.Probabilities pass = passes.get(p);
            String verdict = f.classes().get(pass.predicted()).equals(f.trueClass()) ? "right" : "wrong";
            Label entry = new Label(pass.caption() + ": " + f.classes().get(pass.predicted()) + " (" + verdict + ")",
                    swatch(colours.get(p)));
            entry.setId("inside-image-verdict-" + p);
            entry.setWrapText(true);
            legend.getChildren().add(entry);
        }
        for (int c = 0; c < f.classes().size(); c++) {
            Label name = new Label(f.classes().get(c));
            name.setMinWidth(Region.USE_PREF_SIZE);
            if (f.classes().get(c).equals(f.trueClass())) {
                name.setStyle("-fx-font-weight: bold;"); // a style, so presenter mode still scales it
            }
            probabilities.add(name, 0, c);
            for (int p = 0; p < passes.size(); p++) {
                float value = passes.get(p).values()[c];
                Region bar = new Region();
                double full = BAR_EM * em();
                bar.setMinSize(Math.max(1, value * full), em() * 0.8);
                bar.setMaxSize(Math.max(1, value * full), em() * 0.8);
                bar.setStyle("-fx-background-color: " + colours.get(p) + ";");
                Label percent = new Label(String.format(Locale.ROOT, "%.1f %%", 100 * value));
                percent.getStyleClass().add("hint");
                percent.setId("inside-image-p-" + p + "-" + c);
                HBox cell = new HBox(4, bar, percent);
                cell.setAlignment(Pos.CENTER_LEFT);
                cell.setMinWidth(full + 4.5 * em());
                probabilities.add(cell, 1 + p, c);
            }
        }
    }

    private static Region swatch(String colour) {
        Region r = new Region();
        r.setMinSize(12, 12);
        r.setMaxSize(12, 12);
        r.setStyle("-fx-background-color: " + colour + ";");
        return r;
    }

    private VBox row(InsideImageFrame.MapRow row, int i) {
        Label title = new Label(row.title());
        title.setStyle("-fx-font-weight: bold;");
        title.setMinWidth(Region.USE_PREF_SIZE); // the detail beside it wraps instead
        Label detail = new Label(row.detail() + (row.change().isEmpty() ? "" : " · " + row.change()));
        detail.getStyleClass().add("hint");
        detail.setWrapText(true);
        detail.setId("inside-image-row-" + i);
        FlowPane maps = new FlowPane(4, 4);
        for (InsideImageFrame.FeatureMap map : row.maps()) {
            int scale = Math.max(1, (int) Math.round(MAP_EM * em() / Math.max(map.width(), map.height())));
            ImageView view = new ImageView(ConfusionView.scaled(FeatureMapPalette.argb(map.values(), row.scale(),
                    row.signed(), dark.get()), map.width(), map.height(), scale));
            view.getStyleClass().add("feature-map");
            Tooltip.install(view, new Tooltip(String.format(Locale.ROOT, "%s, channel %d: mean %.3g (the layer's "
                    + "largest magnitude is %.3g)", row.title(), map.channel(), map.mean(), row.scale())));
            maps.getChildren().add(view);
        }
        VBox box = new VBox(2, new HBox(8, title, detail), maps);
        box.getStyleClass().add("feature-map-row");
        return box;
    }
}
