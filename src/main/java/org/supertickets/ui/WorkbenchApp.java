package org.supertickets.ui;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ui.runqueue.LocalRunLauncher;

/**
 * SuperTickets Workbench, the desktop app. Starts on the embedded Fashion-MNIST with
 * {@code sample-configs/quickstart.json} loaded, so pressing Run (Ctrl+R) shows a live run within seconds.
 */
public final class WorkbenchApp extends Application {

    private SearchSpaceConfig initial;
    private Path initialFile;
    private String startupProblem;
    private WorkbenchWindow window;

    @Override
    public void init() {
        DesktopProperties.set();
        StartupConfig.Loaded loaded = StartupConfig.get();
        initial = loaded.config();
        initialFile = loaded.file();
        startupProblem = loaded.problem();
    }

    @Override
    public void start(Stage stage) {
        window = WorkbenchWindow.open(stage, initial, initialFile, Path.of("runs"), new LocalRunLauncher(),
                Preferences.userNodeForPackage(WorkbenchApp.class), true);
        stage.setOnHidden(e -> Platform.exit());
        window.view().setDocumentOpener(uri -> getHostServices().showDocument(uri.toString()));
        if (startupProblem != null) {
            window.error("Cannot load the quickstart config", startupProblem);
        }
        if (FirstFrameProbe.asked()) {
            FirstFrameProbe.exitOnFirstFrame();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
    }

    /**
     * Starts the app: the properties DJL needs first, the quickstart config read while the toolkit starts, then
     * the toolkit and the window. {@code mvn javafx:run} starts the Application directly; this keeps
     * {@code java WorkbenchApp} working too, and {@link Launcher} calls it.
     */
    public static void main(String[] args) {
        DesktopProperties.set();
        StartupConfig.readInBackground();
        launch(WorkbenchApp.class, args);
    }
}
