package org.supertickets.ui.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderReader;
import org.supertickets.train.RunFinished;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.WorkbenchView;
import org.supertickets.ui.session.RunHistory;
import org.supertickets.ui.session.TimelineViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Predictions tab of a finished classification run, headless, as a user clicks it: "One image" shows a test
 * image with both networks' probabilities and the feature maps; the arrows step through the test split; the ticket's
 * maps replace the supernet's; a click on a most-confused image opens that image.
 */
@ExtendWith(ApplicationExtension.class)
class InsideImageViewTest {

    @TempDir
    static Path shared;
    private static Path trained;

    private final TimelineViewModel timeline = new TimelineViewModel();
    private final PredictionsViewModel vm = new PredictionsViewModel(timeline,
            new ConfusionViewModel(timeline, DirectRunner.create(), ConfusionViewModel.FROM_DATASET),
            new InsideImageViewModel(DirectRunner.create()));
    private PredictionsView view;

    @BeforeAll
    static void trainATinyRun() throws Exception {
        LocalRun run = LocalRun.start(TestEvents.QUICK_RUN, shared, "cpu", null);
        RunFinished f = run.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, f.outcome(), f.message());
        trained = run.folder().path();
    }

    @Start
    void start(Stage stage) {
        view = new PredictionsView(vm);
        Scene scene = new Scene(view, 1280, 780);
        scene.getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void oneImageShowsBothNetworksAndStepsThroughTheTestSplit(FxRobot robot) throws Exception {
        RunHistory history = new RunHistory();
        RunFolderReader.forEachMetric(RunFolder.open(trained), history::add);
        robot.interact(() -> {
            timeline.reset(history.snapshots());
            vm.show(TestEvents.QUICK_RUN, trained, history);
        });
        assertTrue(view.confusionView().isVisible());
        assertFalse(view.insideImageView().isVisible());

        assertNull(vm.inside().getFrame(), "nothing is looked at before One image is chosen");
        robot.clickOn("#predictions-show-one-image");
        assertTrue(view.insideImageView().isVisible());
        assertFalse(view.confusionView().isVisible());
        assertFalse(robot.lookup("#predictions-slider").query().getParent().isVisible(),
                "one image is not at the time cursor");
        assertTrue(text(robot, "#inside-image-caption").startsWith("Test image 0 of 200 · true class: "));
        assertTrue(text(robot, "#inside-image-verdict-0").startsWith("Supernet · step "));
        assertTrue(text(robot, "#inside-image-verdict-1").startsWith("Ticket · step "));
        assertTrue(text(robot, "#inside-image-p-1-0").endsWith(" %"));
        assertTrue(text(robot, "#inside-image-maps-title").startsWith("Feature maps of the supernet"));
        int rows = vm.inside().getFrame().rows().size();
        assertTrue(rows > 3);
        assertEquals(rows, robot.lookup(".feature-map-row").queryAll().size());
        assertTrue(robot.lookup(".feature-map").queryAll().size() >= rows);

        robot.clickOn("#inside-image-next");
        assertTrue(text(robot, "#inside-image-caption").startsWith("Test image 1 of 200"));
        robot.clickOn("#inside-image-maps-ticket");
        assertTrue(text(robot, "#inside-image-maps-title").startsWith("Feature maps of the ticket"));

        robot.clickOn("#predictions-show-confusion");
        assertTrue(view.confusionView().isVisible());
        Node firstConfused = robot.lookup(".confused-image").queryAll().iterator().next().getParent();
        int index = Integer.parseInt(((Label) ((javafx.scene.layout.VBox) firstConfused).getChildren().get(1))
                .getText().substring(1));
        assertNotNull(((ImageView) robot.lookup(".confused-image").query()).getImage());
        robot.clickOn(firstConfused);
        assertTrue(view.insideImageView().isVisible(), "a click on a most-confused image opens it");
        assertTrue(text(robot, "#inside-image-caption").startsWith("Test image " + index + " of 200"),
                text(robot, "#inside-image-caption"));
    }
}
