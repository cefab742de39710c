package org.supertickets.ui;

import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Keeps each tab's content out of the scene until the tab is first selected. A {@link TabPane} keeps every tab's
 * content in the scene graph, hidden ones included, so at start-up JavaFX styled and laid out all six tabs for
 * the one the user sees — most of the time to the first frame (docs/performance.md, "Cold start").
 */
final class DeferredTabContent {

    private DeferredTabContent() {
    }

    /**
     * Detaches the content of every tab but the selected one; a tab gets its content back when first selected.
     * The views stay built and bound; only their nodes wait.
     */
    static void install(TabPane tabs) {
        for (Tab tab : tabs.getTabs()) {
            Node content = tab.getContent();
            if (!tab.isSelected() && content != null) {
                tab.setContent(null);
                buildOnFirstSelection(tab, () -> content);
            }
        }
    }

    /** Gives the tab the content {@code build} returns when the tab is first selected. */
    static void buildOnFirstSelection(Tab tab, Supplier<? extends Node> build) {
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(build.get());
                }
            }
        });
    }
}
