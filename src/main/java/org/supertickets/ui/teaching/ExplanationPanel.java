package org.supertickets.ui.teaching;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The explanation panel under the monitor: what the latest architecture step or pruning event did and why, with a
 * Step mode switch, and Next / Run on while a run waits at an event.
 */
public final class ExplanationPanel extends BorderPane {

    static final String IDLE_TEXT = "Architecture steps and pruning events are explained here as they happen. "
            + "Turn on Step mode to pause the run at each one (File ▸ New demo in step mode starts a lesson).";

    public ExplanationPanel(StepModeViewModel vm) {
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
        HBox header = new HBox(10, title, stepMode, next, runOn);
        header.setAlignment(Pos.CENTER_LEFT);

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
        setTop(header);
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
