package org.supertickets.ui;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ui.runqueue.LocalRunLauncher;

/** The workbench window of a TestFX flow: fresh preferences, real launcher, no dialogs for errors, 1500×940. */
public final class TestWindows {

    private TestWindows() {
    }

    /**
     * @param prefsNode a preferences node of the test's own, cleared first, so no earlier state leaks in
     */
    public static WorkbenchWindow open(Stage stage, SearchSpaceConfig config, Path runs, String prefsNode)
            throws Exception {
        Preferences prefs = Preferences.userRoot().node(prefsNode);
        prefs.clear();
        WorkbenchWindow window = WorkbenchWindow.open(stage, config, null, runs, new LocalRunLauncher(), prefs,
                false);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1500);
        stage.setHeight(940);
        return window;
    }
}
