package org.supertickets.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.prefs.Preferences;

/**
 * The configs, run folders and tickets opened or saved last, newest first, remembered between sessions in the
 * same preferences node as the window's place and size. A path opened again moves to the top instead of being
 * listed twice; the list keeps {@link #MAX} entries.
 */
final class RecentFiles {

    /** Entries kept. */
    static final int MAX = 10;

    private static final String KEY = "recent.";

    /** What a remembered path is, which says how it is opened again. */
    enum Kind {
        CONFIG("Config"), RUN("Run"), TICKET("Ticket");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One remembered path. */
    record Entry(Kind kind, Path path) {

        Entry {
            Objects.requireNonNull(kind);
            path = path.toAbsolutePath().normalize();
        }

        /** "Config  quickstart.json  (/home/me/configs)" for the menu. */
        String menuText() {
            Path parent = path.getParent();
            return kind.label() + "  " + path.getFileName() + (parent == null ? "" : "  (" + parent + ")");
        }
    }

    private final Preferences prefs;

    RecentFiles(Preferences prefs) {
        this.prefs = Objects.requireNonNull(prefs);
    }

    /** Newest first; entries the preferences hold in a form this version cannot read are left out. */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String value = prefs.get(KEY + i, null);
            if (value == null) {
                break;
            }
            int tab = value.indexOf('\t');
            try {
                entries.add(new Entry(Kind.valueOf(value.substring(0, Math.max(tab, 0)).toUpperCase(Locale.ROOT)),
                        Path.of(value.substring(tab + 1))));
            } catch (IllegalArgumentException e) {
                // an unknown kind or a path this platform cannot name: skip it
            }
        }
        return entries;
    }

    /** Puts a path on top of the list. */
    void add(Kind kind, Path path) {
        Entry entry = new Entry(kind, path);
        List<Entry> entries = entries();
        entries.remove(entry);
        entries.add(0, entry);
        store(entries);
    }

    /** Forgets an entry (its file is gone). */
    void remove(Entry entry) {
        List<Entry> entries = entries();
        entries.remove(entry);
        store(entries);
    }

    private void store(List<Entry> entries) {
        for (int i = 0; i < MAX; i++) {
            if (i < entries.size()) {
                prefs.put(KEY + i, entries.get(i).kind().name() + "\t" + entries.get(i).path());
            } else {
                prefs.remove(KEY + i);
            }
        }
        new WindowState(prefs).flush();
    }
}
