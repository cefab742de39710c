package org.supertickets.ui.predictions;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.supertickets.train.ConfusionMatrix;

/**
 * A classification run in the Predictions tab: the confusion matrix of the evaluation at the time cursor as a grid
 * (true class down, predicted class across, the count in every cell, the fill by share of the row on a
 * colour-blind-safe ramp, the diagonal outlined solid and the most confused cell dashed), a legend, the accuracy and
 * the most confused pair in words; beside it, once the run has completed, the test images its ticket confuses most,
 * scaled up by whole pixels. Sizes are in em, so presenter mode's fonts scale the grid and the images with them.
 * Bound to a {@link ConfusionViewModel}; it only draws.
 */
public final class ConfusionView extends ScrollPane {

    /** The legend's steps of row share. */
    private static final double[] LEGEND = {0, 0.2, 0.4, 0.6, 0.8, 1};
    /** Side of an example image, in em; rounded to a whole multiple of its pixels (at least two). */
    private static final double IMAGE_EM = 6.5;
    /** A cell's height in em: as much as the tab's height gives the rows, within these bounds. */
    private static final double MIN_CELL_EM = 1.5;
    private static final double MAX_CELL_EM = 3.4;
    /** A cell's width: at least this many em (four digits and room), else this times its height. */
    private static final double MIN_WIDTH_EM = 3.6;
    private static final double WIDTH_PER_HEIGHT = 1.55;

    /**
     * The diagonal by a frame, not by colour alone: a ring in the text colour and one in the page's, then the fill,
     * so it shows on the palest and on the darkest fill alike (with the count in bold).
     */
    private static final String DIAGONAL = "-fx-background-color: -st-text, -st-surface, -st-fill; "
            + "-fx-background-insets: 0, 2, 3.5; ";
    /** The most confused cell: a dashed frame on a ring of the page's colour. */
    private static final String WORST = "-fx-background-color: -st-surface, -st-fill; -fx-background-insets: 0, 3.5; "
            + "-fx-border-color: -st-text; -fx-border-width: 2; -fx-border-style: segments(4, 3); ";

    private final ConfusionViewModel vm;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final Label title = new Label();
    private final Label detail = new Label();
    private final Label message = new Label();
    private final GridPane grid = new GridPane();
    private final HBox legend = new HBox(4);
    private final Label summary = new Label();
    private java.util.function.IntConsumer onImagePicked = index -> { };
    private final VBox matrixBox;
    private final Label examplesTitle = new Label("Most confused on the test set");
    private final Label examplesMessage = new Label();
    private final VBox pairs = new VBox(10);
    private final VBox header;
    private final java.util.List<Label> cells = new java.util.ArrayList<>();
    /** The cells' height now, in pixels (0 before the first fit). */
    private double cellHeight;

    /** Called with a test image's index when a most-confused image is clicked. */
    public void setOnImagePicked(java.util.function.IntConsumer handler) {
        onImagePicked = java.util.Objects.requireNonNull(handler);
    }

    public ConfusionView(ConfusionViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("confusion-view", "edge-to-edge");
        setId("confusion-view");
        setFitToWidth(true);

        title.setId("confusion-title");
        title.getStyleClass().add("section-title");
        detail.setId("confusion-detail");
        detail.getStyleClass().add("hint");
        detail.setWrapText(true);
        message.setId("confusion-message");
        message.setWrapText(true);
        message.setMaxWidth(640);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        grid.setId("confusion-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        legend.setId("confusion-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        summary.setId("confusion-summary");
        summary.setWrapText(true);
        Label axis = new Label("predicted class →");
        axis.getStyleClass().add("hint");
        matrixBox = new VBox(6, axis, grid, legend, summary);
        matrixBox.setId("confusion-matrix");
        matrixBox.visibleProperty().bind(vm.frameProperty().isNotNull());
        matrixBox.managedProperty().bind(matrixBox.visibleProperty());
        // The summary wraps at the grid's width rather than stretching the box.
        summary.maxWidthProperty().bind(grid.widthProperty().add(0));

        examplesTitle.getStyleClass().add("section-title");
        examplesMessage.setId("confusion-examples-message");
        examplesMessage.getStyleClass().add("hint");
        examplesMessage.setWrapText(true);
        examplesMessage.setMaxWidth(560);
        examplesMessage.textProperty().bind(vm.examplesMessageProperty());
        examplesMessage.visibleProperty().bind(vm.examplesMessageProperty().isNotEmpty());
        examplesMessage.managedProperty().bind(examplesMessage.visibleProperty());
        pairs.setId("confusion-examples");
        Label how = new Label("The ticket's fullest cells off the diagonal, with their first test images (as the "
                + "network saw them, before normalisation); # is the image's index in the test split.");
        how.getStyleClass().add("hint");
        how.setWrapText(true);
        how.setMaxWidth(560);
        how.visibleProperty().bind(vm.examplesProperty().isNotNull());
        how.managedProperty().bind(how.visibleProperty());
        VBox examplesBox = new VBox(6, examplesTitle, how, examplesMessage, pairs);
        examplesBox.setId("confusion-examples-box");
        examplesBox.visibleProperty().bind(vm.frameProperty().isNotNull().or(vm.examplesProperty().isNotNull())
                .or(vm.examplesMessageProperty().isNotEmpty()));
        examplesBox.managedProperty().bind(examplesBox.visibleProperty());

        FlowPane body = new FlowPane(28, 16, matrixBox, examplesBox);
        body.setAlignment(Pos.TOP_LEFT);
        body.setRowValignment(javafx.geometry.VPos.TOP);
        body.prefWrapLengthProperty().bind(widthProperty().subtract(30));
        header = new VBox(2, title, detail);
        header.visibleProperty().bind(vm.frameProperty().isNotNull());
        header.managedProperty().bind(header.visibleProperty());
        VBox content = new VBox(8, header, message, body);
        content.setPadding(new Insets(0, 4, 8, 0));
        setContent(content);

        vm.frameProperty().addListener((o, a, f) -> showMatrix(f));
        vm.examplesProperty().addListener((o, a, e) -> showExamples(e));
        dark.addListener((o, a, b) -> showMatrix(vm.getFrame()));
        // Presenter mode changes the fonts: the images follow them.
        examplesTitle.fontProperty().addListener((o, a, b) -> showExamples(vm.getExamples()));
        showMatrix(vm.getFrame());
        showExamples(vm.getExamples());
    }

    /** Whether the dark theme's ramp is used (the window binds it to its theme). */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The cell of true class {@code t} predicted as {@code p}, for tests; null when no matrix is shown. */
    public Label cell(int t, int p) {
        return (Label) grid.lookup("#confusion-cell-" + t + "-" + p);
    }

    /** The example images on show, all pairs together. */
    public int shownExamples() {
        return (int) pairs.lookupAll(".confused-image").stream().count();
    }

    /**
     * Gives the rows the height the viewport leaves them (within {@link #MIN_CELL_EM} and {@link #MAX_CELL_EM} of
     * the cells' font), so a 10-class matrix fills a large window and still fits a projector's 720 lines in presenter
     * mode. Deterministic in the laid-out sizes, so the second layout it causes changes nothing.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (cells.isEmpty() || getViewportBounds().getHeight() <= 0) {
            return;
        }
        double font = cells.get(0).getFont().getSize();
        int n = vm.getFrame() == null ? 0 : vm.getFrame().matrix().classes();
        if (n == 0) {
            return;
        }
        double current = cellHeight > 0 ? cellHeight : cells.get(0).getHeight();
        double others = 8 + (header.isManaged() ? header.getHeight() + 8 : 0) + matrixBox.getHeight() - n * current;
        double target = Math.max(MIN_CELL_EM * font, Math.min(MAX_CELL_EM * font,
                Math.floor((getViewportBounds().getHeight() - others) / n)));
        if (Math.abs(target - cellHeight) > 0.5) {
            cellHeight = target;
            for (Label cell : cells) {
                size(cell, target, font);
            }
        }
    }

    /** A cell {@code height} pixels high and as wide as {@link #MIN_WIDTH_EM} and {@link #WIDTH_PER_HEIGHT} say. */
    private static void size(Label cell, double height, double font) {
        double width = Math.max(Math.ceil(MIN_WIDTH_EM * font), Math.floor(WIDTH_PER_HEIGHT * height));
        cell.setMinSize(width, height);
        cell.setPrefSize(width, height);
        cell.setMaxSize(width, height);
    }

    private void showMatrix(ConfusionFrame f) {
        grid.getChildren().clear();
        legend.getChildren().clear();
        cells.clear();
        if (f == null) {
            title.setText("");
            detail.setText("");
            summary.setText("");
            return;
        }
        title.setText(f.title());
        detail.setText(f.detail());
        summary.setText(f.summary());
        ConfusionMatrix m = f.matrix();
        int n = m.classes();
        Label corner = new Label("true class ↓");
        corner.getStyleClass().add("hint");
        GridPane.setValignment(corner, javafx.geometry.VPos.BOTTOM);
        grid.add(corner, 0, 0);
        for (int p = 0; p < n; p++) {
            // Column names turned upright, so ten names fit above ten narrow columns.
            Label name = new Label(f.names().get(p));
            name.setId("confusion-column-" + p);
            name.setRotate(-90);
            Group turned = new Group(name);
            GridPane.setHalignment(turned, javafx.geometry.HPos.CENTER);
            GridPane.setValignment(turned, javafx.geometry.VPos.BOTTOM);
            GridPane.setMargin(turned, new Insets(0, 0, 4, 0));
            grid.add(turned, p + 1, 0);
        }
        for (int t = 0; t < n; t++) {
            Label name = new Label(f.names().get(t));
            name.setId("confusion-row-" + t);
            name.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setHalignment(name, javafx.geometry.HPos.RIGHT);
            grid.add(name, 0, t + 1);
            for (int p = 0; p < n; p++) {
                Label cell = cell(f, t, p);
                cells.add(cell);
                grid.add(cell, p + 1, t + 1);
            }
        }
        Label share = new Label("share of the row:");
        share.getStyleClass().add("hint");
        legend.getChildren().add(share);
        for (double s : LEGEND) {
            Label step = swatch(String.format(Locale.ROOT, "%.0f %%", 100 * s), ConfusionPalette.argb(s, s > 0,
                    dark.get()));
            legend.getChildren().add(step);
        }
        Region gap = new Region();
        gap.setMinWidth(10);
        int empty = ConfusionPalette.argb(0, false, dark.get());
        Label right = swatch("right (diagonal)", empty);
        right.setStyle(right.getStyle() + DIAGONAL);
        legend.getChildren().addAll(gap, right);
        if (f.worst() != null) {
            Label worst = swatch("most confused", empty);
            worst.setStyle(worst.getStyle() + WORST);
            legend.getChildren().add(worst);
        }
    }

    private Label cell(ConfusionFrame f, int t, int p) {
        ConfusionMatrix m = f.matrix();
        int count = m.count(t, p);
        int fill = ConfusionPalette.argb(m.rowShare(t, p), count > 0, dark.get());
        Label cell = new Label(String.valueOf(count));
        cell.setId("confusion-cell-" + t + "-" + p);
        cell.getStyleClass().add(t == p ? "confusion-diagonal" : "confusion-cell");
        cell.setAlignment(Pos.CENTER);
        StringBuilder style = new StringBuilder(String.format(Locale.ROOT, "-st-fill: %s; -fx-background-color: "
                + "-st-fill; -fx-text-fill: %s; ", ConfusionPalette.hex(fill),
                ConfusionPalette.hex(ConfusionPalette.textArgb(fill))));
        ConfusionMatrix.Cell worst = f.worst();
        if (t == p) {
            style.append(DIAGONAL).append("-fx-font-weight: bold; ");
        } else if (worst != null && worst.trueClass() == t && worst.predicted() == p) {
            style.append(WORST);
        }
        // Sized in code, never in the style: a style's size would override the fit on the next CSS pass.
        double font = summary.getFont().getSize();
        size(cell, cellHeight > 0 ? cellHeight : Math.round(2.3 * font), font);
        cell.setStyle(style.toString());
        cell.setTooltip(new Tooltip(f.describe(t, p)));
        return cell;
    }

    private static Label swatch(String text, int argb) {
        Label swatch = new Label(text);
        swatch.setAlignment(Pos.CENTER);
        // A thin grey edge, so the lightest step does not vanish into the page.
        swatch.setStyle(String.format(Locale.ROOT, "-st-fill: %s; -fx-background-color: #7a7f87, -st-fill; "
                + "-fx-background-insets: 0, 1; -fx-text-fill: %s; -fx-padding: 0.15em 0.5em; ",
                ConfusionPalette.hex(argb), ConfusionPalette.hex(ConfusionPalette.textArgb(argb))));
        swatch.setMinWidth(Region.USE_PREF_SIZE);
        return swatch;
    }

    private void showExamples(ConfusedExamples e) {
        pairs.getChildren().clear();
        if (e == null) {
            return;
        }
        examplesTitle.setText(e.title());
        Font font = examplesTitle.getFont();
        int scale = Math.max(2, (int) Math.round(IMAGE_EM * font.getSize() / Math.max(e.width(), e.height())));
        for (int i = 0; i < e.pairs().size(); i++) {
            ConfusedExamples.Pair pair = e.pairs().get(i);
            Label caption = new Label((i + 1) + ". " + pair.caption());
            caption.setId("confused-pair-" + i);
            caption.setWrapText(true);
            caption.setMaxWidth(Region.USE_PREF_SIZE);
            HBox strip = new HBox(6);
            for (int k = 0; k < pair.images().size(); k++) {
                ImageView image = new ImageView(scaled(pair.images().get(k), e.width(), e.height(), scale));
                image.getStyleClass().add("confused-image");
                Label index = new Label("#" + pair.indices()[k]);
                index.getStyleClass().add("hint");
                VBox one = new VBox(1, image, index);
                one.setAlignment(Pos.TOP_CENTER);
                int picked = pair.indices()[k];
                if (e.test()) {
                    Tooltip.install(one, new Tooltip("Test image " + picked + " (index in the run's test split, "
                            + "counted from 0, as metrics.jsonl records it). Click to look inside the networks with "
                            + "it."));
                    one.setOnMouseClicked(click -> onImagePicked.accept(picked));
                    one.setStyle("-fx-cursor: hand;");
                } else {
                    Tooltip.install(one, new Tooltip("Validation image " + picked + " (index in the run's validation "
                            + "split, counted from 0, as metrics.jsonl records it)"));
                }
                strip.getChildren().add(one);
            }
            pairs.getChildren().add(new VBox(3, caption, strip));
        }
    }

    /**
     * The image enlarged by a whole factor, each pixel a square of {@code scale} x {@code scale}: nearest neighbour
     * done here, so no renderer smooths it.
     */
    static WritableImage scaled(int[] argb, int width, int height, int scale) {
        int w = width * scale;
        int h = height * scale;
        int[] big = new int[w * h];
        for (int y = 0; y < h; y++) {
            int row = y / scale * width;
            for (int x = 0; x < w; x++) {
                big[y * w + x] = argb[row + x / scale];
            }
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), big, 0, w);
        return image;
    }
}
