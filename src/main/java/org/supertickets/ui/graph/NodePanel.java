package org.supertickets.ui.graph;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Netron's side panel beside the graph: the picked layer's properties in the frame shown (it follows the time
 * cursor), hidden while nothing is picked; × clears the pick.
 */
final class NodePanel extends VBox {

    /** Values up to this many characters never wrap. */
    private static final int SHORT_VALUE = 24;

    private final GraphViewModel vm;
    private final GridPane rows = new GridPane();
    private final javafx.beans.property.BooleanProperty enabled =
            new javafx.beans.property.SimpleBooleanProperty(this, "enabled", true);

    NodePanel(GraphViewModel vm) {
        this.vm = vm;
        setId("graph-node-panel");
        getStyleClass().add("graph-node-panel");
        setSpacing(4);
        setPadding(new Insets(4, 6, 4, 8));
        setMaxWidth(440);
        Label title = new Label("Layer");
        title.getStyleClass().add("section-title");
        Button close = new Button("×");
        close.setId("graph-node-panel-close");
        close.setTooltip(new Tooltip("Clear the pick (the panel hides)"));
        close.setOnAction(e -> vm.selectLayer(null));
        HBox head = new HBox(6, title, new javafx.scene.layout.Region(), close);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
        head.setAlignment(Pos.CENTER_LEFT);
        rows.setHgap(8);
        rows.setVgap(3);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().setAll(head, scroll);
        managedProperty().bind(visibleProperty());
        vm.selectedLayerProperty().addListener((o, was, now) -> refresh());
        vm.frameProperty().addListener((o, was, now) -> refresh());
        enabled.addListener((o, was, now) -> refresh());
        refresh();
    }

    /** False hides the panel whatever is picked (a projector's short screen shows the heatmap instead). */
    javafx.beans.property.BooleanProperty enabledProperty() {
        return enabled;
    }

    private void refresh() {
        var properties = vm.propertiesOfSelected();
        rows.getChildren().clear();
        int r = 0;
        for (NodeProperties.Property p : properties) {
            Label name = new Label(p.name());
            name.getStyleClass().add("hint");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(p.value());
            value.setId("graph-node-" + p.name().replace(' ', '-'));
            // Shapes and counts read whole ("N×16×14×14" broken after "14×" reads as another shape); prose wraps.
            if (p.value().length() <= SHORT_VALUE) {
                value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            } else {
                value.setWrapText(true);
                value.setPrefWidth(220);
            }
            rows.addRow(r++, name, value);
        }
        setVisible(enabled.get() && !properties.isEmpty());
    }
}
