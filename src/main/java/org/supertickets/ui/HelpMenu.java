package org.supertickets.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import org.supertickets.run.WorkbenchVersion;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * The Help menu: the user guide (README.md) and the teaching guide shown in the workbench, the guide and the docs
 * folder opened by the desktop's own viewer, and the version. Nothing here waits: the guide is read in the
 * background, the opener hands the address over and returns, the About box is modeless.
 */
final class HelpMenu {

    static final String README = "README.md";
    static final String DOCS = "docs";
    static final String TEACHING = "docs/teaching.md";

    private HelpMenu() {
    }

    /**
     * @param openDocument hands an address to the desktop (HostServices in the app); must not block
     * @param owner        the window the About box belongs to
     */
    static Menu create(Consumer<URI> openDocument, Notifier notifier, Supplier<Window> owner, TaskRunner runner) {
        Objects.requireNonNull(openDocument);
        MenuItem guide = new MenuItem("User guide (README.md)");
        guide.setId("help-readme");
        guide.setOnAction(e -> showInApp(README, notifier, owner.get(), runner));
        MenuItem teaching = new MenuItem("Teaching guide (docs/teaching.md)");
        teaching.setId("help-teaching");
        teaching.setOnAction(e -> showInApp(TEACHING, notifier, owner.get(), runner));
        MenuItem browser = new MenuItem("User guide in the desktop's viewer");
        browser.setId("help-readme-browser");
        browser.setOnAction(e -> open(README, openDocument, notifier));
        MenuItem docs = new MenuItem("Documentation folder (method, metrics, run folder)");
        docs.setId("help-docs");
        docs.setOnAction(e -> open(DOCS, openDocument, notifier));
        MenuItem about = new MenuItem("About SuperTickets Workbench");
        about.setId("help-about");
        about.setOnAction(e -> about(owner.get()));
        return new Menu("Help", null, guide, teaching, browser, docs, new javafx.scene.control.SeparatorMenuItem(),
                about);
    }

    /**
     * Opens an address with the desktop's own command (xdg-open, open, or the Windows shell) without waiting for
     * it; the app uses HostServices instead, this serves windows opened without an Application (tests, tours).
     */
    static Consumer<URI> platformOpener(Notifier notifier) {
        return uri -> {
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            java.util.List<String> command = os.contains("win")
                    ? java.util.List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString())
                    : java.util.List.of(os.contains("mac") ? "open" : "xdg-open", uri.toString());
            try {
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                        ProcessBuilder.Redirect.DISCARD).start();
            } catch (java.io.IOException e) {
                notifier.error("Cannot open " + uri, command.get(0) + " could not be started (" + e.getMessage()
                        + "). Fix: open the file yourself: " + Path.of(uri));
            }
        };
    }

    private static void open(String relative, Consumer<URI> openDocument, Notifier notifier) {
        Path found = locate(relative, notifier);
        if (found != null) {
            openDocument.accept(found.toAbsolutePath().toUri());
        }
    }

    /** The guide as text in a window of the workbench: no desktop viewer needed. */
    private static void showInApp(String relative, Notifier notifier, Window owner, TaskRunner runner) {
        Path found = locate(relative, notifier);
        if (found != null) {
            UserGuideWindow.show(found, owner, runner, e -> notifier.error("Cannot read " + relative,
                    UserMessages.describe(e)));
        }
    }

    private static Path locate(String relative, Notifier notifier) {
        Path found = RepositoryFiles.locate(relative);
        if (found == null) {
            notifier.error("Cannot find " + relative, relative + " was not found in " + Path.of("").toAbsolutePath()
                    + " or its parents. Fix: start the workbench from the repository folder (mvn javafx:run), "
                    + "where " + relative + " lies.");
        }
        return found;
    }

    /** The version text the About box shows. */
    static String aboutText() {
        return "Version " + WorkbenchVersion.get() + "\nJava " + System.getProperty("java.version")
                + " · JavaFX " + System.getProperty("javafx.runtime.version", "?");
    }

    private static void about(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, aboutText());
        alert.initOwner(owner);
        alert.setTitle("About");
        alert.setHeaderText("SuperTickets Workbench");
        alert.show();
    }
}
