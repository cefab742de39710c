package org.supertickets.ui.teaching;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.supertickets.train.WhatIfMeasure;

/**
 * The what-if controls under the channel view: switch off a branch or the body of the block shown (or click a
 * channel), a global sparsity slider, Undo and Back to the run, and the measured accuracy and MACs. The banner
 * says on screen that it works on a copy.
 */
final class WhatIfPanel extends VBox {

    private final WhatIfViewModel vm;
    private final ChannelViewModel channels;
    private final FlowPane switches = new FlowPane(6, 6);

    WhatIfPanel(WhatIfViewModel vm, ChannelViewModel channels) {
        super(6);
        this.vm = vm;
        this.channels = channels;
        setId("what-if");
        getStyleClass().add("what-if");
        setPadding(new Insets(8));

        Label banner = new Label();
        banner.setId("what-if-banner");
        banner.getStyleClass().add("what-if-banner");
        banner.setWrapText(true);
        banner.textProperty().bind(vm.bannerProperty());

        Slider sparsity = new Slider(0, 0.95, 0);
        sparsity.setId("what-if-sparsity");
        sparsity.setPrefWidth(150);
        sparsity.setMajorTickUnit(0.25);
        sparsity.setShowTickMarks(true);
        sparsity.disableProperty().bind(vm.inspectedProperty().isNull());
        sparsity.setTooltip(new Tooltip("One global magnitude threshold over all prunable weights of the copy"));
        Label sparsityValue = new Label();
        sparsityValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(java.util.Locale.ROOT,
                "global sparsity %.0f %%", 100 * sparsity.getValue()), sparsity.valueProperty()));
        // The measurement runs when the slider is let go (or moved by keys), not on every pixel of a drag.
        sparsity.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                vm.setGlobalSparsity(sparsity.getValue());
            }
        });
        sparsity.valueProperty().addListener((o, a, b) -> {
            if (!sparsity.isValueChanging() && vm.inspectedProperty().get() != null
                    && Math.abs(b.doubleValue() - shownSparsity()) > 1e-6) {
                vm.setGlobalSparsity(b.doubleValue());
            }
        });
        // Undo and a new network move the slider back to what the what-if holds.
        Runnable sync = () -> {
            double s = shownSparsity();
            if (Math.abs(sparsity.getValue() - s) > 1e-6) {
                sparsity.setValue(s);
            }
        };
        vm.currentProperty().addListener((o, a, b) -> sync.run());
        vm.baselineProperty().addListener((o, a, b) -> sync.run());

        Button undo = new Button("↶ Undo what-if");
        undo.setId("what-if-undo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button reset = new Button("Back to the run");
        reset.setId("what-if-reset");
        reset.disableProperty().bind(vm.canUndoProperty().not());
        reset.setOnAction(e -> vm.reset());
        sparsityValue.setMinWidth(Region.USE_PREF_SIZE);
        undo.setMinWidth(Region.USE_PREF_SIZE);
        reset.setMinWidth(Region.USE_PREF_SIZE);
        HBox slider = new HBox(8, sparsity, sparsityValue);
        slider.setAlignment(Pos.CENTER_LEFT);
        FlowPane sliderRow = new FlowPane(8, 6, slider, undo, reset);
        sliderRow.setAlignment(Pos.CENTER_LEFT);

        Label result = new Label();
        result.setId("what-if-result");
        result.getStyleClass().add("what-if-result");
        result.setWrapText(true);
        result.textProperty().bind(Bindings.createStringBinding(() -> vm.busyProperty().get()
                ? "measuring…" + (vm.resultProperty().get().isEmpty() ? "" : "\n" + vm.resultProperty().get())
                : vm.resultProperty().get(), vm.busyProperty(), vm.resultProperty()));

        channels.frameProperty().addListener((o, a, b) -> rebuildSwitches());
        vm.inspectedProperty().addListener((o, a, b) -> rebuildSwitches());
        rebuildSwitches();
        getChildren().addAll(banner, switches, sliderRow, result);
    }

    private double shownSparsity() {
        double s = vm.currentProperty().get().globalSparsity();
        WhatIfMeasure base = vm.baselineProperty().get();
        return !Double.isNaN(s) ? s : base == null ? 0 : base.sparsity();
    }

    private void rebuildSwitches() {
        switches.getChildren().clear();
        ChannelFrame f = channels.frameProperty().get();
        Label label = new Label("Switch off in block " + (f == null ? "–" : f.block()) + ":");
        switches.getChildren().add(label);
        if (f == null) {
            return;
        }
        boolean off = vm.inspectedProperty().get() == null;
        for (ChannelFrame.Branch b : f.branches()) {
            Button button = new Button(b.kernel() + "×" + b.kernel() + " branch");
            button.setId("what-if-branch-" + b.kernel());
            button.setDisable(off || b.removed());
            button.setOnAction(e -> vm.switchOffBranch(f.block(), b.kernel()));
            switches.getChildren().add(button);
        }
        Button body = new Button("block body");
        body.setId("what-if-block");
        body.setDisable(off);
        body.setOnAction(e -> vm.switchOffBlock(f.block()));
        switches.getChildren().add(body);
        Label hint = new Label("or click a channel");
        hint.getStyleClass().add("muted");
        switches.getChildren().add(hint);
    }
}
