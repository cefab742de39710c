package org.supertickets.ui.designer;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Opening and saving the designer's config through file choosers (File ▸ Open, Save, Save as, the toolbar and the
 * close flow). Unsaved edits are never lost without asking; a chooser starts in the config's own folder, else in
 * the last folder used.
 */
public final class ConfigFiles {

    private final DesignerViewModel designer;
    private final Supplier<Window> owner;
    private final Supplier<String> lastDirectory;
    private final Consumer<String> rememberDirectory;

    /**
     * @param owner             the window the dialogs belong to
     * @param lastDirectory     the folder a chooser last ended in (null when none)
     * @param rememberDirectory told the folder of a file the user chose
     */
    public ConfigFiles(DesignerViewModel designer, Supplier<Window> owner, Supplier<String> lastDirectory,
            Consumer<String> rememberDirectory) {
        this.designer = designer;
        this.owner = owner;
        this.lastDirectory = lastDirectory;
        this.rememberDirectory = rememberDirectory;
    }

    /** True when there are no unsaved edits, or the user agrees to lose them for {@code action}. */
    public boolean mayDiscardEdits(String action) {
        if (!designer.isDirty()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, action + " and lose the unsaved changes of "
                + designer.titleProperty().get() + "?");
        alert.initOwner(owner.get());
        return alert.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    /** Asks for a config and opens it in the designer; false when the user kept the current one. */
    public boolean open() {
        if (!mayDiscardEdits("Open another config")) {
            return false;
        }
        FileChooser chooser = jsonChooser("Open a config");
        File f = chooser.showOpenDialog(owner.get());
        if (f == null) {
            return false;
        }
        rememberDirectory.accept(f.getParent());
        designer.open(f.toPath());
        return true;
    }

    /** Saves to the config's file, or asks for one when it has none yet. */
    public void save() {
        if (!designer.save(null)) {
            saveAs(owner.get(), null);
        }
    }

    /**
     * Asks for a file and saves there; {@code afterSaved} (may be null) runs once the file is written. A cancelled
     * chooser saves nothing and never runs it.
     */
    public void saveAs(Window over, Runnable afterSaved) {
        FileChooser chooser = jsonChooser("Save the config as");
        Path current = designer.fileProperty().get();
        chooser.setInitialFileName(proposedFileName(designer.getConfig().name(), current));
        File f = chooser.showSaveDialog(over);
        if (f == null) {
            return;
        }
        rememberDirectory.accept(f.getParent());
        designer.saveAs(f.toPath(), afterSaved);
    }

    private FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Config JSON", "*.json"));
        String dir = lastDirectory.get();
        Path current = designer.fileProperty().get();
        File initial = current != null && current.toAbsolutePath().getParent() != null
                ? current.toAbsolutePath().getParent().toFile() : dir == null ? null : new File(dir);
        if (initial != null && initial.isDirectory()) {
            chooser.setInitialDirectory(initial);
        }
        return chooser;
    }

    /**
     * What Save as proposes: the config's name as it is now (the name a user just typed is what "as" is usually
     * for), the file it came from only when the config has no usable name.
     */
    static String proposedFileName(String configName, Path current) {
        String name = configName == null ? "" : configName.strip().replaceAll("[\\\\/:*?\"<>|]", "_");
        if (!name.isEmpty()) {
            return name.endsWith(".json") ? name : name + ".json";
        }
        return current == null ? "config.json" : current.getFileName().toString();
    }
}
