package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.event.Event;
import javafx.scene.control.Menu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.ui.RecentFiles.Entry;
import org.supertickets.ui.RecentFiles.Kind;

/** Issue 14: File ▸ Open recent, remembered between sessions like the window's place. */
class RecentFilesTest {

    @TempDir
    Path dir;

    private Preferences prefs;

    @BeforeEach
    void freshNode() throws Exception {
        prefs = Preferences.userRoot().node("org/supertickets/test/recent-files-" + ProcessHandle.current().pid());
        prefs.clear();
    }

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    @Test
    void newestFirstNoTwinsBoundedAndRememberedByTheNextSession() {
        RecentFiles recent = new RecentFiles(prefs);
        for (int i = 0; i < 12; i++) {
            recent.add(Kind.CONFIG, dir.resolve("c" + i + ".json"));
        }
        List<Entry> entries = new RecentFiles(prefs).entries();
        assertEquals(RecentFiles.MAX, entries.size());
        assertEquals(dir.resolve("c11.json"), entries.get(0).path());
        assertEquals(dir.resolve("c2.json"), entries.get(RecentFiles.MAX - 1).path());

        recent.add(Kind.CONFIG, dir.resolve("sub/../c5.json"));
        recent.add(Kind.TICKET, dir.resolve("c5.json"));
        entries = new RecentFiles(prefs).entries();
        assertEquals(new Entry(Kind.TICKET, dir.resolve("c5.json")), entries.get(0));
        assertEquals(new Entry(Kind.CONFIG, dir.resolve("c5.json")), entries.get(1));
        assertEquals(RecentFiles.MAX, entries.size());
        assertEquals(1, entries.stream().filter(e -> e.kind() == Kind.CONFIG
                && e.path().equals(dir.resolve("c5.json"))).count());

        prefs.put("recent.2", "NOT_A_KIND\t/x");
        assertEquals(RecentFiles.MAX - 1, new RecentFiles(prefs).entries().size(), "a bad entry is skipped");
    }

    @Test
    void theMenuOpensWhatExistsAndDropsWhatIsGone() throws Exception {
        Path run = Files.createDirectory(dir.resolve("run-1"));
        Path gone = dir.resolve("deleted.json");
        RecentFiles recent = new RecentFiles(prefs);
        recent.add(Kind.CONFIG, gone);
        recent.add(Kind.RUN, run);
        List<Entry> opened = new ArrayList<>();
        List<Entry> missing = new ArrayList<>();
        Menu file = new Menu("File");
        Menu menu = RecentFilesMenu.create(file, recent, opened::add, missing::add);
        assertEquals(2, menu.getItems().size());
        assertTrue(menu.getItems().get(0).getText().startsWith("Run  run-1  ("), menu.getItems().get(0).getText());

        menu.getItems().get(0).fire();
        menu.getItems().get(1).fire();
        assertEquals(List.of(new Entry(Kind.RUN, run)), opened);
        assertEquals(List.of(new Entry(Kind.CONFIG, gone)), missing);

        Event.fireEvent(file, new Event(Menu.ON_SHOWING));
        assertEquals(1, menu.getItems().size(), "rebuilt when the File menu opens, without the missing file");
        assertFalse(menu.isDisable());
        recent.remove(new Entry(Kind.RUN, run));
        Event.fireEvent(file, new Event(Menu.ON_SHOWING));
        assertTrue(menu.isDisable(), "an empty list is greyed out");
    }
}
