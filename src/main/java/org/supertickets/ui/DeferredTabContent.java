package org.supertickets.ui;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Keeps each tab's content out of the scene until the tab is first selected. A {@link TabPane} keeps every tab's
 * content in the scene graph, hidden ones included, so at start-up JavaFX styled and laid out all six tabs for
 * the one the user sees — most of the time to the first frame (docs/performance.md, "Cold start"). The views
 * themselves are built and bound as before; only their nodes wait.
 */
final class DeferredTabContent {

    private DeferredTabContent() {
    }

    /** Detaches the content of every tab but the selected one; a tab gets its content back when first selected. */
    static void install(TabPane tabs) {
        for (Tab tab : tabs.getTabs()) {
            if (!tab.isSelected() && tab.getContent() != null) {
                defer(tab);
            }
        }
    }

    private static void defer(Tab tab) {
        Node content = tab.getContent();
        tab.setContent(null);
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    tab.setContent(content);
                    tab.selectedProperty().removeListener(this);
                }
            }
        });
    }
}
