package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.supertickets.run.WorkbenchVersion;
import org.supertickets.ui.compare.TinyTickets;

/** The Help menu opens the docs without waiting and names the version; the ticket table reads without scrolling. */
@ExtendWith(ApplicationExtension.class)
class HelpAndTicketTableFlowTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path dir;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.open(stage, TestEvents.QUICK_RUN, dir.resolve("runs"), "supertickets-ui-help-test");
    }

    @Test
    void helpOpensTheReadmeAndTheDocsFolderAndShowsTheVersion(FxRobot robot) throws Exception {
        List<URI> opened = new ArrayList<>();
        robot.interact(() -> window.view().setDocumentOpener(opened::add));

        robot.interact(() -> menuItem("help-readme-browser").fire());
        robot.interact(() -> menuItem("help-docs").fire());

        assertEquals(2, opened.size(), window.lastError());
        assertTrue(Files.isRegularFile(Path.of(opened.get(0))) && opened.get(0).toString().endsWith("README.md"));
        assertTrue(Files.isDirectory(Path.of(opened.get(1))) && opened.get(1).toString().endsWith("docs/"));

        // issue 30: the guide without a desktop browser, in a window of the workbench, its headings a contents list
        robot.interact(() -> menuItem("help-readme").fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#user-guide-text").tryQuery()
                .isPresent());
        javafx.scene.control.TextArea guide = robot.lookup("#user-guide-text").queryAs(
                javafx.scene.control.TextArea.class);
        assertEquals(Files.readString(Path.of("README.md")), guide.getText());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<UserGuideWindow.Heading> contents = robot.lookup("#user-guide-headings")
                .queryAs(javafx.scene.control.ListView.class);
        UserGuideWindow.Heading tests = contents.getItems().stream().filter(h -> h.title().contains("Offline"))
                .findFirst().orElseThrow();
        robot.interact(() -> contents.getSelectionModel().select(tests));
        assertEquals(tests.offset(), guide.getSelection().getStart(), "the heading is selected in the text");
        assertTrue(guide.getSelectedText().startsWith("#"), guide.getSelectedText());
        robot.interact(() -> guide.getScene().getWindow().hide());

        robot.interact(() -> menuItem("help-about").fire()); // modeless: fire() returns
        DialogPane about = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot()).findFirst().orElseThrow()).get();
        assertTrue(about.getContentText().contains(WorkbenchVersion.get()), about.getContentText());
        robot.interact(() -> about.getScene().getWindow().hide());
    }

    @Test
    void theTicketTableShowsEveryHeaderInFullAndNeedsNoSidewaysScrolling(FxRobot robot) throws Exception {
        Path ticket = dir.resolve("ticket");
        TinyTickets.write(ticket, Map.of(0, Map.of(3, TinyTickets.range(8))), Map.of("blocks.1.expand", 40), 0.8,
                "a-run");
        robot.interact(() -> window.view().tabs().getSelectionModel().select(3));
        robot.interact(() -> window.vm().ticket().open(ticket));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.vm().ticket().loadedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var table = window.view().ticketView().table();
        assertFalse(table.getItems().isEmpty());

        List<String> titles = table.getColumns().stream().map(TableColumn::getText).toList();
        assertEquals(titles, shownHeaders(table), "no header is cut short with …");
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                assertFalse(bar.isVisible(), "no sideways scrolling");
            }
        }
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("MACs")));
    }

    /** Issue 30 item 1: at 1.5× on a 1280×720 projector the table had cells like "54…." a room cannot read. */
    @Test
    void inPresenterModeOnA1280By720ScreenNoTicketCellIsCutShort(FxRobot robot) throws Exception {
        Path ticket = dir.resolve("ticket-presenter");
        TinyTickets.write(ticket, Map.of(0, Map.of(3, TinyTickets.range(8))), Map.of("blocks.1.expand", 40), 0.8,
                "a-run");
        robot.interact(() -> {
            Stage stage = (Stage) window.view().getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(720);
            window.view().presenter().scaleProperty().set(1.5);
            window.view().presenter().onProperty().set(true);
            window.view().tabs().getSelectionModel().select(3);
            window.vm().ticket().open(ticket);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.vm().ticket().loadedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.view().ticketView().table().layout());
        WaitForAsyncUtils.waitForFxEvents();
        try {
            var table = window.view().ticketView().table();
            assertTrue(window.view().ticketView().stacked(), "the table is put above the graph at full width");
            List<String> cut = new ArrayList<>();
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.Labeled cell && cell.isVisible() && cell.getText() != null
                        && !cell.getText().isEmpty()) {
                    String drawn = cell.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text)
                            .map(c -> ((Text) c).getText()).findFirst().orElse("");
                    if (!drawn.equals(cell.getText())) {
                        cut.add(cell.getText() + " drawn as " + drawn);
                    }
                }
            }
            assertTrue(cut.isEmpty(), "cells cut short: " + cut);
            assertEquals(table.getColumns().stream().map(TableColumn::getText).toList(), shownHeaders(table),
                    "no header is cut short with …");
        } finally {
            robot.interact(() -> window.view().presenter().onProperty().set(false));
        }
    }

    /** The header texts as drawn (a cut one ends in …). */
    private static List<String> shownHeaders(javafx.scene.control.TableView<?> table) {
        return table.lookupAll(".column-header .label").stream()
                .map(n -> ((Label) n).getChildrenUnmodifiable().stream().filter(c -> c instanceof Text)
                        .map(c -> ((Text) c).getText()).findFirst().orElse(""))
                .toList();
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) window.view().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }
}
