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

    /** The recently opened files, kept in the same preferences. */
    RecentFiles recentFiles() {
        return new RecentFiles(prefs);
    }

    /**
     * Puts the stage where it was, if that place is still on a screen, and never larger than the screen it lands
     * on (a size saved on a large monitor would otherwise hang off a projector's 1280×720).
     */
    void restore(Stage stage) {
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        boolean placed = !Double.isNaN(x)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty();
        Screen screen = placed ? Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).get(0)
                : Screen.getPrimary();
        Rectangle2D bounds = fitInto(placed ? x : Double.NaN, placed ? y : Double.NaN, prefs.getDouble("w", 1500),
                prefs.getDouble("h", 950), screen.getVisualBounds());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setMaximized(prefs.getBoolean("maximized", false));
    }

    /**
     * The window's bounds within {@code screen}: the saved size shrunk to fit, at the saved place moved inside the
     * screen, or centred when there is no saved place ({@code NaN}).
     */
    static Rectangle2D fitInto(double x, double y, double width, double height, Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        double left = Double.isNaN(x) ? screen.getMinX() + (screen.getWidth() - w) / 2 : x;
        double top = Double.isNaN(y) ? screen.getMinY() + (screen.getHeight() - h) / 2 : y;
        left = Math.max(screen.getMinX(), Math.min(left, screen.getMaxX() - w));
        top = Math.max(screen.getMinY(), Math.min(top, screen.getMaxY() - h));
        return new Rectangle2D(left, top, w, h);
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
