package org.supertickets.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.TaskRunner;

/**
 * Help ▸ User guide inside the workbench: a Markdown file (README.md, docs/teaching.md) as text, its headings in a
 * list beside it that jump to them. Needed where no desktop browser opens the file (a lab machine, a remote
 * display); read in the background, the window is modeless.
 */
final class UserGuideWindow {

    /** A heading of the file: its text and where it starts in the file's text. */
    record Heading(String title, int offset) {
        @Override
        public String toString() {
            return title;
        }
    }

    private UserGuideWindow() {
    }

    /** The Markdown headings of {@code text}, outside fenced code blocks, indented by level. */
    static List<Heading> headings(String text) {
        List<Heading> found = new ArrayList<>();
        boolean fenced = false;
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.startsWith("#")) {
                int level = 0;
                while (level < line.length() && line.charAt(level) == '#') {
                    level++;
                }
                if (level < line.length() && line.charAt(level) == ' ') {
                    found.add(new Heading("  ".repeat(level - 1) + line.substring(level + 1).trim(), offset));
                }
            }
            offset += line.length() + 1;
        }
        return found;
    }

    /** Opens {@code file} in a new window once it is read; {@code onError} is told when it cannot be. */
    static void show(Path file, Window owner, TaskRunner runner, java.util.function.Consumer<Exception> onError) {
        BackgroundTask.of("Read " + file.getFileName(), ctx -> Files.readString(file))
                .onSuccess(text -> open(file, text, owner))
                .onFailure(onError::accept)
                .run(runner);
    }

    private static void open(Path file, String text, Window owner) {
        TextArea body = new TextArea(text);
        body.setId("user-guide-text");
        body.setEditable(false);
        body.setWrapText(true);
        body.setStyle("-fx-font-family: 'Monospaced';");
        ListView<Heading> contents = new ListView<>();
        contents.setId("user-guide-headings");
        contents.getItems().setAll(headings(text));
        contents.getSelectionModel().selectedItemProperty().addListener((o, was, heading) -> {
            if (heading != null) {
                // The caret at the end first, then at the heading: the text area scrolls the heading to the top.
                body.positionCaret(text.length());
                body.positionCaret(heading.offset());
                body.selectRange(heading.offset(), text.indexOf('\n', heading.offset()) < 0 ? text.length()
                        : text.indexOf('\n', heading.offset()));
            }
        });
        SplitPane split = new SplitPane(contents, body);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.28);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(file.getFileName() + " — SuperTickets Workbench");
        Scene scene = new Scene(split, 1000, 700);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }
}
