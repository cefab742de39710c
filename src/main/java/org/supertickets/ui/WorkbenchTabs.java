package org.supertickets.ui;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.supertickets.ui.teaching.ViewHelp;

/**
 * The window's tabs: their order, ids ({@code tab-monitor}) and help marks, which one is shown, and content that
 * joins the scene only when its tab is first shown (see {@link DeferredTabContent}).
 */
final class WorkbenchTabs {

    static final int DESIGNER = 0;
    static final int RUNS = 1;
    static final int MONITOR = 2;
    static final int TICKET = 3;
    static final int COMPARE = 4;
    static final int INSIDE = 5;
    static final int PREDICTIONS = 6;

    private final TabPane pane = new TabPane();

    WorkbenchTabs() {
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pane.setId("tabs");
    }

    TabPane pane() {
        return pane;
    }

    /** Fills the tabs in their order; {@code compare} is built when the Compare tab is first shown. */
    void fill(Node designer, Node runs, Node monitor, Node ticket, Supplier<? extends Node> compare, Node inside,
            Node predictions) {
        pane.getTabs().setAll(tab("Designer", designer), tab("Runs", runs), tab("Monitor", monitor),
                tab("Ticket", ticket), tab("Compare", null), tab("Inside", inside),
                tab("Predictions", predictions));
        DeferredTabContent.buildOnFirstSelection(pane.getTabs().get(COMPARE), compare);
    }

    /**
     * Shows the tab at {@code index} (clamped to the tabs there are, for an index remembered by an older version),
     * then keeps every other tab's content out of the scene until it is first shown.
     */
    void showFirst(int index) {
        show(Math.max(0, Math.min(pane.getTabs().size() - 1, index)));
        DeferredTabContent.install(pane);
    }

    void show(int index) {
        pane.getSelectionModel().select(index);
    }

    int shown() {
        return pane.getSelectionModel().getSelectedIndex();
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(Locale.ROOT));
        tab.setGraphic(ViewHelp.mark(title));
        return tab;
    }
}
