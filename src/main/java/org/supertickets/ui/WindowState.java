package org.supertickets.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's place and size, the theme, the open tab and split positions between sessions. */
final class WindowState {

    private final Preferences prefs;

    WindowState(Preferences prefs) {
        this.prefs = prefs;
    }

    boolean dark() {
        return prefs.getBoolean("dark", false);
    }

    void setDark(boolean dark) {
        prefs.putBoolean("dark", dark);
    }

    int tab() {
        return prefs.getInt("tab", 0);
    }

    void setTab(int tab) {
        prefs.putInt("tab", tab);
    }

    String lastDirectory() {
        return prefs.get("lastDirectory", null);
    }

    void setLastDirectory(String dir) {
        prefs.put("lastDirectory", dir);
    }

    /** Puts the stage where it was, if that place is still on a screen. */
    void restore(Stage stage) {
        double w = prefs.getDouble("w", 1500);
        double h = prefs.getDouble("h", 950);
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        stage.setWidth(w);
        stage.setHeight(h);
        if (!Double.isNaN(x) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
    }

    void save(Stage stage) {
        if (!stage.isMaximized()) {
            prefs.putDouble("x", stage.getX());
            prefs.putDouble("y", stage.getY());
            prefs.putDouble("w", stage.getWidth());
            prefs.putDouble("h", stage.getHeight());
        }
        prefs.putBoolean("maximized", stage.isMaximized());
        flush();
    }

    void restoreDividers(String key, SplitPane pane) {
        double[] positions = pane.getDividerPositions();
        for (int i = 0; i < positions.length; i++) {
            positions[i] = prefs.getDouble(key + "." + i, positions[i]);
        }
        pane.setDividerPositions(positions);
    }

    void saveDividers(String key, SplitPane pane) {
        double[] positions = pane.getDividerPositions();
        for (int i = 0; i < positions.length; i++) {
            prefs.putDouble(key + "." + i, positions[i]);
        }
    }

    void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // Remembering the layout is a convenience; a read-only home must not stop the app.
        }
    }
}
