package org.supertickets.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.supertickets.data.AssetLocator;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ui.runqueue.LocalRunLauncher;

/**
 * SuperTickets Workbench, the desktop app. Starts on the embedded Fashion-MNIST with
 * {@code sample-configs/quickstart.json} loaded, so pressing Run (Ctrl+R) shows a live run within seconds.
 */
public final class WorkbenchApp extends Application {

    static final String QUICKSTART = "sample-configs/quickstart.json";

    private SearchSpaceConfig initial;
    private Path initialFile;
    private String startupProblem;
    private WorkbenchWindow window;

    @Override
    public void init() {
        Launcher.configureOffline();
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

    /** Finds a repository file or folder from the working directory or up to three parents. */
    static Path locate(String relative) {
        // The working folder first (the repository), then beside the program (the app image carries the samples).
        for (Path from : new Path[] {Path.of("").toAbsolutePath(), AssetLocator.programFolder()}) {
            Path dir = from;
            for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
                Path candidate = dir.resolve(relative);
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** {@code mvn javafx:run} starts the Application directly; this keeps {@code java WorkbenchApp} working too. */
    public static void main(String[] args) {
        Launcher.main(args);
    }
}
