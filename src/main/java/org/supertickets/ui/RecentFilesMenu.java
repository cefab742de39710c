package org.supertickets.ui;

import java.nio.file.Files;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/**
 * File ▸ Open recent: the {@link RecentFiles}, rebuilt each time the File menu opens. An entry whose file is gone
 * says so and leaves the list.
 */
final class RecentFilesMenu {

    private RecentFilesMenu() {
    }

    /**
     * @param open     opens an entry (a config in the designer, a run folder in Runs, a ticket in Ticket)
     * @param whenGone told the entry's path no longer exists
     */
    static Menu create(Menu fileMenu, RecentFiles recent, Consumer<RecentFiles.Entry> open,
            Consumer<RecentFiles.Entry> whenGone) {
        Menu menu = new Menu("Open recent");
        menu.setId("menu-open-recent");
        Runnable refresh = () -> {
            menu.getItems().clear();
            for (RecentFiles.Entry entry : recent.entries()) {
                MenuItem item = new MenuItem(entry.menuText());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> {
                    if (Files.exists(entry.path())) {
                        recent.add(entry.kind(), entry.path());
                        open.accept(entry);
                    } else {
                        recent.remove(entry);
                        whenGone.accept(entry);
                    }
                });
                menu.getItems().add(item);
            }
            menu.setDisable(menu.getItems().isEmpty());
        };
        refresh.run();
        fileMenu.addEventHandler(Menu.ON_SHOWING, e -> refresh.run());
        return menu;
    }
}
