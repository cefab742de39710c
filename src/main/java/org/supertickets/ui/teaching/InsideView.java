package org.supertickets.ui.teaching;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Inside" tab: on the left the |γ| and |w| distributions at the time cursor; on the right one block at
 * channel level (chosen here, or by double-clicking a block in the Monitor's graph) with the what-if controls.
 */
public final class InsideView extends SplitPane {

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast");
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private final DistributionsView distributions;
    private final ChannelView channelView;

    public InsideView(TeachingViewModel vm) {
        setId("inside");
        distributions = new DistributionsView(vm.distributions());
        channelView = new ChannelView(vm.channels());
        for (TeachingCanvas c : new TeachingCanvas[] {distributions, channelView}) {
            c.darkProperty().bind(dark);
            c.highContrastProperty().bind(highContrast);
            c.scaleProperty().bind(scale);
        }
        ChannelViewModel channels = vm.channels();
        WhatIfViewModel whatIf = vm.whatIf();
        channelView.whatIfProperty().bind(whatIf.currentProperty());
        channelView.setOnPick((branch, channel) -> {
            ChannelFrame f = channels.frameProperty().get();
            if (f == null || whatIf.inspectedProperty().get() == null) {
                return;
            }
            int kernel = f.branches().get(branch).kernel();
            if (channel < 0) {
                whatIf.switchOffBranch(f.block(), kernel);
            } else {
                whatIf.switchOffChannel(f.block(), kernel, channel);
            }
        });

        ComboBox<Integer> block = new ComboBox<>(channels.blocks());
        block.setId("inside-block");
        block.setCellFactory(lv -> blockCell());
        block.setButtonCell(blockCell());
        block.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                channels.blockProperty().set(b);
            }
        });
        channels.blockProperty().addListener((o, a, b) -> block.setValue(b.intValue()));
        // A new item list empties the button cell even when the value stays the same, and setting the same
        // value again fires nothing: clear it first so the chooser names the block that is drawn.
        channels.blocks().addListener((javafx.collections.ListChangeListener<Integer>) c -> {
            block.setValue(null);
            block.setValue(channels.blockProperty().get());
        });
        CheckBox connections = new CheckBox("1×1 connections");
        connections.setId("inside-connections");
        connections.setTooltip(new javafx.scene.control.Tooltip("Draw every alive weight of the expand and "
                + "projection 1×1 convs: the literal connectivity of the ticket"));
        connections.selectedProperty().bindBidirectional(channels.showConnectionsProperty());
        Label summary = new Label();
        summary.setId("inside-summary");
        summary.textProperty().bind(channels.summaryProperty());
        summary.setWrapText(true);
        summary.getStyleClass().add("hint");
        Label blockLabel = new Label("Block");
        blockLabel.setMinWidth(Region.USE_PREF_SIZE);
        block.setMinWidth(Region.USE_PREF_SIZE);
        connections.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, blockLabel, block, connections);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(2, header, summary);
        top.setPadding(new Insets(6, 8, 2, 8));

        VBox right = new VBox(top, channelView, new WhatIfPanel(whatIf, channels));
        VBox.setVgrow(channelView, Priority.ALWAYS);
        BorderPane left = new BorderPane(distributions);
        getItems().setAll(left, right);
        setDividerPositions(0.42);
    }

    private static ListCell<Integer> blockCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "block " + item);
            }
        };
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }
}
