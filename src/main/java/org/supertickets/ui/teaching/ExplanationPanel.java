package org.supertickets.ui.teaching;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The explanation panel under the monitor: what the latest architecture step or pruning event did and why, with a
 * Step mode switch, and Next / Run on while a run waits at an event. Under its title, while the time cursor is in a
 * span where masks are dense after a shrink, a line says which blocks, since which shrink and until which prune
 * (shown even when the panel is collapsed).
 */
public final class ExplanationPanel extends BorderPane {

    static final String IDLE_TEXT = "Architecture steps and pruning events are explained here as they happen. "
            + "Turn on Step mode to pause the run at each one (File ▸ New demo in step mode starts a lesson).";

    /**
     * @param denseAtCursor the blocks dense after a shrink at the time cursor, in a sentence; empty outside such a
     *                      span
     */
    public ExplanationPanel(StepModeViewModel vm, ObservableStringValue denseAtCursor) {
        getStyleClass().add("explanation-panel");
        setId("explanation-panel");

        Label title = new Label();
        title.setId("explanation-title");
        title.getStyleClass().add("explanation-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.shownProperty().get() == null
                ? "What just happened" : vm.shownProperty().get().title(), vm.shownProperty()));
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);

        CheckBox stepMode = new CheckBox("Step mode");
        stepMode.setId("step-mode");
        stepMode.selectedProperty().bindBidirectional(vm.enabledProperty());
        stepMode.setTooltip(new Tooltip("Pause runs started from now on at every architecture step and pruning "
                + "event"));
        Button next = new Button("Next ▸");
        next.setId("step-next");
        next.getStyleClass().add("accent");
        next.setTooltip(new Tooltip("Continue to the next event (F8 or Page Down)"));
        next.disableProperty().bind(vm.waitingProperty().not());
        next.setOnAction(e -> vm.next());
        Button runOn = new Button("Run on");
        runOn.setId("step-run-on");
        runOn.setTooltip(new Tooltip("Stop pausing and let the run finish"));
        runOn.disableProperty().bind(vm.waitingProperty().not());
        runOn.setOnAction(e -> vm.runOn());
        // The step-mode controls keep their labels on a short row (presenter mode at 1280×720 cut them to "…");
        // the headline gives way.
        for (Region control : List.of(stepMode, next, runOn)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(10, title, stepMode, next, runOn);
        header.setAlignment(Pos.CENTER_LEFT);

        Label dense = new Label();
        dense.setId("dense-at-cursor");
        dense.getStyleClass().add("dense-status");
        dense.setWrapText(true);
        dense.setMaxWidth(Double.MAX_VALUE);
        dense.textProperty().bind(denseAtCursor);
        dense.visibleProperty().bind(Bindings.isNotEmpty(denseAtCursor));
        dense.managedProperty().bind(dense.visibleProperty());
        dense.setTooltip(new Tooltip("The time cursor is in a span shaded on the charts and the time slider: a "
                + "shrink gave these blocks fresh all-ones masks, so their pruned weights train dense until the next "
                + "pruning event ranks them again (docs/metrics.md, \"Dense after a shrink\")."));

        Label text = new Label();
        text.setId("explanation-text");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> vm.shownProperty().get() == null ? IDLE_TEXT
                : vm.shownProperty().get().text(), vm.shownProperty()));
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("explanation-scroll");

        vm.waitingProperty().addListener((o, was, waits) -> {
            if (waits) {
                getStyleClass().add("waiting");
            } else {
                getStyleClass().remove("waiting");
            }
        });
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setPrefWidth(520);
        whole.textProperty().bind(text.textProperty());
        title.setTooltip(whole);
        setTop(new VBox(2, header, dense));
        BorderPane.setMargin(scroll, new Insets(4, 0, 0, 0));
        setPadding(new Insets(6, 8, 6, 8));
        // With step mode off and no run waiting, only the title line stays: the graph gets the height back.
        Runnable layout = () -> {
            boolean open = vm.enabledProperty().get() || vm.waitingProperty().get();
            setCenter(open ? scroll : null);
            setPrefHeight(open ? expandedHeight : USE_COMPUTED_SIZE);
            setMinHeight(open ? Math.min(110, expandedHeight) : USE_COMPUTED_SIZE);
            pseudoClassStateChanged(COLLAPSED, !open);
        };
        vm.enabledProperty().addListener((o, a, b) -> layout.run());
        vm.waitingProperty().addListener((o, a, b) -> layout.run());
        relayout = layout;
        layout.run();
    }

    private static final javafx.css.PseudoClass COLLAPSED = javafx.css.PseudoClass.getPseudoClass("collapsed");
    private double expandedHeight = 150;
    private final Runnable relayout;

    /** The panel's height while it explains (step mode on or a run waiting); presenter mode makes it larger. */
    public void setExpandedHeight(double height) {
        expandedHeight = height;
        relayout.run();
    }

    /** True while only the title line shows. */
    public boolean isCollapsed() {
        return getCenter() == null;
    }
}
