package org.supertickets.ui.predictions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.supertickets.ui.controls.EitherToggle;
import org.supertickets.ui.controls.LiveButton;
import org.supertickets.ui.controls.TimelineSlider;

/**
 * The Predictions tab: for a segmentation run, each recorded test canvas as input, ground truth and prediction side
 * by side, scaled up without smoothing so every pixel shows, laid out to fill the tab at any window size; beside
 * them the class legend with each class's IoU as a bar. For a classification run, the confusion matrix and the
 * most-confused test images ({@link ConfusionView}). Both follow the time slider at the bottom. Bound to a
 * {@link PredictionsViewModel}; it only draws.
 */
public final class PredictionsView extends BorderPane {

    /** Space between images and between canvases, in pixels. */
    static final double GAP = 8;
    /** Width of a full IoU bar, in em. */
    private static final double BAR_EM = 8;

    private final PredictionsViewModel vm;
    private final Label title = new Label();
    private final Label detail = new Label();
    private final Label message = new Label();
    private final Pane canvases = new Pane();
    private final GridPane classes = new GridPane();
    private final Label summary = new Label();
    private final List<Card> cards = new ArrayList<>();
    private final ConfusionView confusion;
    private final InsideImageView inside;

    public PredictionsView(PredictionsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("predictions-view");
        setId("predictions-view");
        setPadding(new Insets(10, 12, 10, 12));

        title.setId("predictions-title");
        title.getStyleClass().add("section-title");
        detail.setId("predictions-detail");
        detail.getStyleClass().add("hint");
        detail.setWrapText(true);
        TimelineSlider slider = new TimelineSlider(vm.timeline());
        slider.setId("predictions-slider");
        slider.setTooltip(new Tooltip("The time cursor, shared with the Monitor: the prediction shown is the last one "
                + "recorded at or before it; at the right end the view follows the run."));
        Label cursor = new Label();
        cursor.getStyleClass().add("hint");
        cursor.textProperty().bind(vm.timeline().captionProperty());
        cursor.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(slider, Priority.ALWAYS);
        HBox time = new HBox(8, new Label("Time cursor"), slider, LiveButton.of(vm.timeline(), "predictions-live"),
                cursor);
        time.setAlignment(Pos.CENTER_LEFT);
        time.setPadding(new Insets(6, 0, 0, 0));
        VBox header = new VBox(2, title, detail);
        header.setPadding(new Insets(0, 0, 8, 0));
        setTop(header);
        setBottom(time);
        // One image is not at the time cursor: it is always the newest checkpoint's and the ticket's.
        time.visibleProperty().bind(vm.segmentationProperty().or(vm.classificationProperty()
                .and(vm.oneImageProperty().not())));
        time.managedProperty().bind(time.visibleProperty());

        message.setId("predictions-message");
        message.setWrapText(true);
        message.setMaxWidth(640);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        canvases.setMinSize(0, 0);
        canvases.widthProperty().addListener((o, a, b) -> relayout());
        canvases.heightProperty().addListener((o, a, b) -> relayout());
        confusion = new ConfusionView(vm.confusion());
        confusion.visibleProperty().bind(vm.classificationProperty().and(vm.oneImageProperty().not()));
        confusion.managedProperty().bind(confusion.visibleProperty());
        confusion.setOnImagePicked(vm::lookInside);
        inside = new InsideImageView(vm.inside());
        inside.darkProperty().bind(confusion.darkProperty());
        inside.visibleProperty().bind(vm.classificationProperty().and(vm.oneImageProperty()));
        inside.managedProperty().bind(inside.visibleProperty());
        StackPane stack = new StackPane(canvases, message, confusion, inside);
        StackPane.setAlignment(message, Pos.TOP_LEFT);
        stack.setMinSize(0, 0);
        BorderPane centre = new BorderPane(stack);
        centre.setTop(classificationChoice());
        centre.setMinSize(0, 0);
        setCenter(centre);

        Label legendTitle = new Label("Classes and IoU");
        legendTitle.getStyleClass().add("section-title");
        classes.setId("predictions-classes");
        classes.setHgap(6);
        classes.setVgap(3);
        summary.setId("predictions-summary");
        summary.setWrapText(true);
        Label how = new Label("IoU of a class: the pixels both truth and prediction give it, over the pixels either "
                + "gives it, on the whole held-out split of this evaluation (not only the canvases shown). "
                + "\"–\": the class is in neither.");
        how.getStyleClass().add("hint");
        how.setWrapText(true);
        VBox side = new VBox(6, legendTitle, classes, summary, how);
        side.setPadding(new Insets(0, 0, 0, 14));
        side.setPrefWidth(310);
        side.setMinWidth(250);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add("edge-to-edge");
        sideScroll.setMinWidth(260);
        sideScroll.visibleProperty().bind(vm.frameProperty().isNotNull());
        sideScroll.managedProperty().bind(sideScroll.visibleProperty());
        setRight(sideScroll);

        header.visibleProperty().bind(vm.frameProperty().isNotNull());
        header.managedProperty().bind(header.visibleProperty());
        vm.frameProperty().addListener((o, a, f) -> show(f));
        show(vm.getFrame());
    }

    /** A classification run's two views: its confusion matrix, or one test image inside its networks. */
    private Region classificationChoice() {
        EitherToggle bar = new EitherToggle(vm.oneImageProperty(), "Confusion matrix", "predictions-show-confusion",
                "One image", "predictions-show-one-image");
        bar.whenTrue().setTooltip(new Tooltip("Pick a test image and see what the supernet and the ticket do with "
                + "it: their class probabilities and every branch's and block's feature maps. A click on a "
                + "most-confused image opens it here."));
        bar.setPadding(new Insets(0, 0, 8, 0));
        bar.visibleProperty().bind(vm.classificationProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** What a classification run shows of one test image. */
    public InsideImageView insideImageView() {
        return inside;
    }

    /** Whether the dark theme's colours are used (the window binds it to its theme). */
    public javafx.beans.property.BooleanProperty darkProperty() {
        return confusion.darkProperty();
    }

    /** What a classification run shows. */
    public ConfusionView confusionView() {
        return confusion;
    }

    /** The canvases on show (a card per canvas: input, truth, prediction). */
    public int shownCanvases() {
        return cards.size();
    }

    /** The prediction image of canvas {@code i}, for tests; null when none is shown. */
    public ImageView predictionImage(int i) {
        return i < cards.size() ? cards.get(i).images[2] : null;
    }

    private void show(PredictionsFrame f) {
        canvases.getChildren().clear();
        cards.clear();
        classes.getChildren().clear();
        if (f == null) {
            title.setText("");
            detail.setText("");
            summary.setText("");
            return;
        }
        title.setText(f.title());
        detail.setText(f.detail());
        summary.setText(f.summary());
        for (int i = 0; i < f.rows().size(); i++) {
            Card card = new Card(i, f.rows().get(i), f.width(), f.height());
            cards.add(card);
            canvases.getChildren().add(card.node);
        }
        for (PredictionsFrame.ClassRow c : f.classes()) {
            // Sizes in em, so presenter mode's larger fonts scale the legend with them.
            Region swatch = new Region();
            swatch.setStyle("-fx-background-color: " + ClassColours.hex(c.argb()) + "; -fx-border-color: #7a7f87; "
                    + "-fx-border-width: 1; -fx-min-width: 1.1em; -fx-min-height: 1.1em; -fx-max-width: 1.1em; "
                    + "-fx-max-height: 1.1em;");
            Label name = new Label(c.name());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region bar = new Region();
            bar.getStyleClass().add("iou-bar");
            double iou = Double.isNaN(c.iou()) ? 0 : c.iou();
            bar.setStyle(String.format(Locale.ROOT, "-fx-background-color: %s; -fx-border-color: #7a7f87; "
                    + "-fx-border-width: %d; -fx-min-width: %.3fem; -fx-max-width: %.3fem; -fx-min-height: 0.9em; "
                    + "-fx-max-height: 0.9em;", ClassColours.hex(c.index() == 0 ? 0xFF7A7F87 : c.argb()),
                    iou > 0 ? 1 : 0, BAR_EM * iou, BAR_EM * iou));
            StackPane track = new StackPane(bar);
            track.setAlignment(Pos.CENTER_LEFT);
            track.setStyle(String.format(Locale.ROOT, "-fx-background-color: derive(-st-bg, -6%%); "
                    + "-fx-min-width: %.1fem; -fx-max-width: %.1fem;", BAR_EM, BAR_EM));
            Label value = new Label(Double.isNaN(c.iou()) ? "–" : String.format(Locale.ROOT, "%.2f", c.iou()));
            value.setId("iou-" + c.index());
            value.setMinWidth(Region.USE_PREF_SIZE);
            classes.addRow(c.index(), swatch, name, track, value);
        }
        relayout();
    }

    /** Places the cards to give every image the largest side the tab allows. */
    private void relayout() {
        if (cards.isEmpty()) {
            return;
        }
        double caption = cards.get(0).captionHeight();
        double[] fit = PredictionsViewModel.fit(canvases.getWidth(), canvases.getHeight(), cards.size(), GAP,
                caption);
        int columns = (int) fit[0];
        // Half-pixel steps per canvas pixel where there is room: crisp enough (a 2.5x pixel is 2 or 3 screen pixels)
        // without leaving up to a third of the tab empty, as whole steps did at 1600x1000.
        int nativeWidth = cards.get(0).width;
        double side = fit[1] >= nativeWidth ? Math.floor(2 * fit[1] / nativeWidth) / 2 * nativeWidth
                : Math.max(16, fit[1]);
        double cardWidth = 3 * side + 2 * GAP;
        double cardHeight = 0;
        for (Card card : cards) {
            card.size(side);
            cardHeight = Math.max(cardHeight, card.node.getHeight());
        }
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).node.relocate((i % columns) * (cardWidth + 2 * GAP), (i / columns) * (cardHeight + GAP));
        }
    }

    /** One canvas: a caption, then input, truth and prediction side by side, each labelled. */
    private static final class Card {
        private final VBox node;
        private final Label label;
        private final ImageView[] images = new ImageView[3];
        private final Label[] names = new Label[3];
        private final int width;
        private final int height;

        Card(int index, PredictionsFrame.Row row, int width, int height) {
            this.width = width;
            this.height = height;
            label = new Label(String.format(Locale.ROOT, "%s · %.1f %% of pixels right", row.label(),
                    100 * row.pixelAccuracy()));
            label.getStyleClass().add("prediction-card-title");
            HBox strip = new HBox(GAP);
            int[][] pixels = {row.input(), row.truth(), row.predicted()};
            String[] what = {"input", "ground truth", "prediction"};
            for (int k = 0; k < 3; k++) {
                WritableImage image = new WritableImage(width, height);
                image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels[k], 0,
                        width);
                images[k] = new ImageView(image);
                images[k].setSmooth(false); // nearest neighbour: every canvas pixel stays a sharp square
                images[k].setPreserveRatio(true);
                names[k] = new Label(what[k]);
                names[k].getStyleClass().add("hint");
                VBox cell = new VBox(1, images[k], names[k]);
                cell.setAlignment(Pos.TOP_CENTER);
                strip.getChildren().add(cell);
            }
            Tooltip.install(images[2], new Tooltip("What the network predicts for each pixel, in the colours of "
                    + "the legend; compare with the ground truth beside it."));
            node = new VBox(2, label, strip);
            node.getStyleClass().add("prediction-card");
            node.setId("prediction-card-" + index);
            HBox.setHgrow(strip, Priority.NEVER);
        }

        /** Height of the caption and the image labels, as the current fonts lay them out. */
        double captionHeight() {
            node.applyCss(); // a card just built has no fonts from the stylesheets yet (presenter mode scales them)
            return label.prefHeight(-1) + names[0].prefHeight(-1) + 6;
        }

        void size(double side) {
            for (ImageView image : images) {
                image.setFitWidth(side);
                image.setFitHeight(side * height / width);
            }
            node.autosize();
        }
    }
}
