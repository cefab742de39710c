package org.supertickets.ui.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PredictedMasks;
import org.supertickets.train.PredictionCanvases;
import org.supertickets.train.RunStarted;
import org.supertickets.train.SegmentationMetrics;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.session.RunHistory;
import org.supertickets.ui.session.TimelineViewModel;

/**
 * The Predictions tab, headless: a segmentation run's six canvases each show input, truth and prediction; the
 * prediction and the IoU follow the time cursor; a classification run gets a plain sentence instead.
 */
@ExtendWith(ApplicationExtension.class)
class PredictionsViewTest {

    private static final int SIDE = 16;
    private static final int CANVASES = 6;

    private final TimelineViewModel timeline = new TimelineViewModel();
    private final PredictionsViewModel vm = new PredictionsViewModel(timeline, DirectRunner.create());
    private final RunHistory history = new RunHistory();
    private SearchSpaceConfig segmentation;
    private PredictionsView view;

    @Start
    void start(Stage stage) throws Exception {
        segmentation = ConfigResolver.resolve(ConfigIo.read(Path.of("sample-configs/segmentation-demo.json")));
        view = new PredictionsView(vm);
        stage.setScene(new Scene(view, 1280, 640));
        stage.show();
    }

    @Test
    void showsEveryCanvasAndFollowsTheScrubCursor(FxRobot robot) {
        RunStarted started = TestEvents.started();
        history.add(started);
        history.add(canvases());
        // Evaluations at steps 100 and 200: at 100 every object pixel is predicted as class 3, at 200 as its truth.
        history.add(eval(100, 0.2));
        history.add(PredictedMasks.of(100, 1, PredictedMasks.EVALUATION, CANVASES, SIDE, SIDE, predicted(false)));
        history.add(eval(200, 0.9));
        history.add(PredictedMasks.of(200, 2, PredictedMasks.EVALUATION, CANVASES, SIDE, SIDE, predicted(true)));
        robot.interact(() -> {
            timeline.reset(List.of(TestEvents.start(), TestEvents.pruned(100, 1, 3, 0),
                    TestEvents.pruned(200, 2, 3, 1)));
            vm.show(segmentation, null, history);
        });

        assertEquals(CANVASES, robot.lookup(".prediction-card").queryAll().size(), "a row per canvas");
        assertEquals(CANVASES, view.shownCanvases());
        assertTrue(title(robot).startsWith("Evaluation at step 200"), title(robot));
        assertEquals(ClassColours.argb(2), pixel(view.predictionImage(1).getImage(), 5, 5), "truth at the end");
        assertEquals("0.90", robot.lookup("#iou-1").queryAs(Label.class).getText());
        assertTrue(robot.lookup(n -> n instanceof Label l && "Sandal".equals(l.getText())).tryQuery().isPresent(),
                "the legend names the Fashion-MNIST classes");

        // Scrubbed back with the tab's own slider (the cursor the Monitor shares) to the snapshot of step 100.
        robot.interact(() -> robot.lookup("#predictions-slider").queryAs(Slider.class).setValue(1));
        assertEquals(1, timeline.getIndex());
        assertTrue(title(robot).startsWith("Evaluation at step 100"), title(robot));
        assertNoCardsOverlap(robot); // the cards were built afresh for the new record
        assertEquals(ClassColours.argb(3), pixel(view.predictionImage(1).getImage(), 5, 5), "the step-100 guess");
        assertEquals("0.20", robot.lookup("#iou-1").queryAs(Label.class).getText());
        assertTrue(vm.getFrame().detail().startsWith("at the time cursor"), vm.getFrame().detail());

        robot.interact(() -> timeline.select(0)); // the start: no evaluation yet
        assertNull(vm.getFrame());
        assertEquals(0, view.shownCanvases());
        assertTrue(message(robot).contains("No evaluation yet at the time cursor"), message(robot));

        robot.interact(() -> timeline.select(2)); // the end again: following the run
        assertNotNull(vm.getFrame());
        assertTrue(vm.getFrame().detail().startsWith("following the run"), vm.getFrame().detail());
        assertEquals(CANVASES, view.shownCanvases());

        // A new evaluation arrives while following: it is shown at the next refresh (the window's pump).
        history.add(PredictedMasks.of(300, 3, PredictedMasks.TICKET, CANVASES, SIDE, SIDE, predicted(false)));
        robot.interact(vm::refresh);
        assertTrue(title(robot).startsWith("The ticket · step 300"), title(robot));
    }

    @Test
    void aClassificationRunGetsItsConfusionViewAndASegmentationRunItsCanvases(FxRobot robot) {
        robot.interact(() -> vm.show(null, null, null));
        assertTrue(message(robot).startsWith("No run selected"), message(robot));
        assertTrue(!view.confusionView().isVisible());
        robot.interact(() -> vm.show(TestEvents.CONFIG, null, new RunHistory()));
        assertEquals(0, view.shownCanvases());
        assertEquals("", message(robot), "no segmentation sentence over the classification view");
        assertTrue(view.confusionView().isVisible());
        assertTrue(robot.lookup("#predictions-slider").query().isVisible(), "the time cursor serves both");
        assertTrue(vm.confusion().messageProperty().get().startsWith("Waiting for the first evaluation"),
                vm.confusion().messageProperty().get());
        robot.interact(() -> vm.show(segmentation, null, new RunHistory()));
        assertTrue(!view.confusionView().isVisible());
        assertTrue(message(robot).startsWith("Waiting for the first evaluation"), message(robot));
    }

    @Test
    void theCanvasesGetTheLargestImagesThatFit() {
        double[] wide = PredictionsViewModel.fit(1200, 500, 6, 8, 40);
        assertEquals(3, wide[0], "three canvases a line on a wide tab");
        double[] tall = PredictionsViewModel.fit(500, 1400, 6, 8, 40);
        assertEquals(1, tall[0]);
        assertTrue(wide[1] > 100 && tall[1] > 100, wide[1] + " " + tall[1]);
    }

    private static void assertNoCardsOverlap(FxRobot robot) {
        List<javafx.geometry.Bounds> cards = robot.lookup(".prediction-card").queryAll().stream()
                .map(n -> n.localToScene(n.getBoundsInLocal())).toList();
        for (int i = 0; i < cards.size(); i++) {
            for (int j = i + 1; j < cards.size(); j++) {
                assertTrue(!cards.get(i).intersects(cards.get(j)), "cards " + i + " and " + j + " overlap: "
                        + cards.get(i) + " " + cards.get(j));
            }
        }
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#predictions-title").queryAs(Label.class).getText();
    }

    private static String message(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#predictions-message").queryAs(Label.class).getText();
    }

    private static int pixel(Image image, int x, int y) {
        return image.getPixelReader().getArgb(x, y);
    }

    private static EvalMetrics eval(long step, double objectIou) {
        double[] iou = new double[11];
        java.util.Arrays.fill(iou, objectIou);
        iou[0] = 0.95;
        return new EvalMetrics(step, step / 100.0, 0.5, 0.9, 0.2, 0.2, 1000, 800, 790, 500, 400, 40, 4, 2,
                EvalMetrics.VALIDATION, new SegmentationMetrics(0.5, objectIou, iou));
    }

    /** Canvas i: a bright 8 x 8 square of class 1 + i at (4, 4). */
    private static PredictionCanvases canvases() {
        return PredictionCanvases.of(0, 0, new int[] {0, 1, 2, 3, 4, 5}, 1, SIDE, SIDE, 11, square(200, false),
                square(-1, false));
    }

    private static byte[] predicted(boolean right) {
        return square(-1, !right);
    }

    /** A square per canvas holding {@code value}, or the class (1 + canvas) for -1, or class 3 when wrong. */
    private static byte[] square(int value, boolean wrong) {
        byte[] out = new byte[CANVASES * SIDE * SIDE];
        for (int i = 0; i < CANVASES; i++) {
            for (int y = 4; y < 12; y++) {
                for (int x = 4; x < 12; x++) {
                    out[i * SIDE * SIDE + y * SIDE + x] = (byte) (wrong ? 3 : value >= 0 ? value : 1 + i);
                }
            }
        }
        return out;
    }
}
