package org.supertickets.ui.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.supertickets.ui.predictions.ConfusionScript.eval;
import static org.supertickets.ui.predictions.ConfusionScript.finished;
import static org.supertickets.ui.predictions.ConfusionScript.matrix;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.WorkbenchView;
import org.supertickets.ui.session.RunHistory;
import org.supertickets.ui.session.TimelineViewModel;
import org.supertickets.ui.teaching.PresenterMode;

/**
 * The Predictions tab of a classification run, headless: the grid shows the counts of the evaluation at the tab's
 * time slider with class names, colours by row share and a framed diagonal; at the end the ticket's matrix and its
 * most-confused test images; the dark theme and presenter mode restyle it.
 */
@ExtendWith(ApplicationExtension.class)
class ConfusionViewTest {

    private final TimelineViewModel timeline = new TimelineViewModel();
    private final ConfusionViewModel confusion = new ConfusionViewModel(timeline, DirectRunner.create(),
            (config, test) -> ConfusionScript.testSplit());
    private final PredictionsViewModel vm = new PredictionsViewModel(timeline, confusion,
            new InsideImageViewModel(DirectRunner.create()));
    private final RunHistory history = new RunHistory();
    private PredictionsView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new PredictionsView(vm);
        scene = new Scene(view, 1280, 780);
        scene.getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theGridFollowsTheTimeSliderAndTheRunToItsTicketAndItsImages(FxRobot robot) {
        history.add(TestEvents.started());
        history.add(eval(100, matrix(40)));
        history.add(eval(200, matrix(87)));
        robot.interact(() -> {
            timeline.reset(List.of(TestEvents.start(), TestEvents.pruned(100, 1, 3, 0),
                    TestEvents.pruned(200, 2, 3, 1)));
            vm.show(TestEvents.CONFIG, null, history);
        });
        ConfusionView grid = view.confusionView();
        assertTrue(grid.isVisible());
        assertEquals("Evaluation at step 200 · epoch 2.00 · validation set", text(robot, "#confusion-title"));
        assertEquals("87", grid.cell(6, 0).getText(), "Shirt taken for T-shirt/top, the newest evaluation");
        assertEquals("13", grid.cell(6, 6).getText());
        assertEquals("Shirt", text(robot, "#confusion-row-6"));
        assertEquals("T-shirt/top", text(robot, "#confusion-column-0"));
        assertTrue(text(robot, "#confusion-summary").endsWith("most confused: Shirt taken for T-shirt/top 87 times"));
        assertEquals(fill(0.87, true, false), lastFill(grid.cell(6, 0)), "coloured by the share of its row");
        assertEquals(fill(0, false, false), lastFill(grid.cell(1, 0)), "an empty cell has the palest fill");
        assertTrue(grid.cell(6, 6).getBackground().getFills().size() == 3
                && grid.cell(6, 0).getBackground().getFills().size() == 2
                && grid.cell(1, 0).getBackground().getFills().size() == 1,
                "the diagonal is framed by two rings, the most confused cell by one under its dashes");
        assertTrue(grid.cell(6, 0).getTooltip().getText().startsWith("Shirt taken for T-shirt/top 87 times"));
        assertTrue(text(robot, "#confusion-examples-message").startsWith("The most-confused images of each "
                + "evaluation were not recorded"), "these evaluations carry no pairs, as a log written before them");

        // Scrubbed back with the tab's own slider to the snapshot of step 100.
        robot.interact(() -> robot.lookup("#predictions-slider").queryAs(Slider.class).setValue(1));
        assertEquals("Evaluation at step 100 · epoch 1.00 · validation set", text(robot, "#confusion-title"));
        assertEquals("40", grid.cell(6, 0).getText());
        assertEquals(fill(0.40, true, false), lastFill(grid.cell(6, 0)));

        robot.interact(() -> timeline.select(0));
        assertTrue(text(robot, "#confusion-message").startsWith("No evaluation yet at the time cursor"));
        assertEquals(null, grid.cell(6, 0), "no grid without an evaluation");

        // Back at the end, following: the run completes and its end arrives at the next refresh.
        robot.interact(() -> timeline.select(2));
        history.add(finished(300, matrix(87), ConfusionScript.pairs()));
        robot.interact(vm::refresh);
        assertEquals("The ticket on the test set · step 300 · epoch 3.00", text(robot, "#confusion-title"));
        assertEquals(4, grid.shownExamples(), "three images of the first pair, one of the second");
        assertEquals("1. Shirt taken for T-shirt/top 87 times (87.0 % of the Shirt images)",
                text(robot, "#confused-pair-0"));
        ImageView first = robot.lookup(".confused-image").queryAs(ImageView.class);
        int side = (int) first.getImage().getWidth();
        assertTrue(side >= 2 * ConfusionScript.SIDE && side % ConfusionScript.SIDE == 0,
                "whole-pixel scaling: " + side);
        int grey = Math.round(0.3f * 255);
        assertEquals(Color.rgb(grey, grey, grey), first.getImage().getPixelReader().getColor(side - 1, side - 1),
                "test image 3 as stored, every pixel a square");

        // The dark theme's ramp, and presenter mode's larger fonts for the text, the cells and the images.
        robot.interact(() -> view.darkProperty().set(true));
        assertEquals(fill(0.87, true, true), lastFill(grid.cell(6, 0)));
        double font = grid.cell(6, 0).getFont().getSize();
        double cellWidth = grid.cell(6, 0).getWidth();
        PresenterMode presenter = new PresenterMode();
        presenter.scaleProperty().set(2.0);
        presenter.onProperty().set(true);
        robot.interact(() -> scene.getStylesheets().add(presenter.stylesheet(true)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2 * font, grid.cell(6, 0).getFont().getSize(), 0.6, "the counts scale with the fonts");
        double bigFont = grid.cell(6, 0).getFont().getSize();
        assertTrue(grid.cell(6, 0).getWidth() > cellWidth && grid.cell(6, 0).getWidth() >= 3.6 * bigFont - 1
                && grid.cell(6, 0).getHeight() >= 1.5 * bigFont - 1, "cells in em of the larger font: " + cellWidth
                + " -> " + grid.cell(6, 0).getWidth() + " x " + grid.cell(6, 0).getHeight());
        ImageView bigger = robot.lookup(".confused-image").queryAs(ImageView.class);
        assertTrue(bigger.getImage().getWidth() > side, "the images grow with the fonts");
        assertTrue(robot.lookup("#confusion-row-6").queryAs(Label.class).getFont().getSize() > 1.8 * font);
    }

    private static Color fill(double share, boolean nonEmpty, boolean dark) {
        return Color.web(ConfusionPalette.hex(ConfusionPalette.argb(share, nonEmpty, dark)));
    }

    /** The innermost fill of a cell's background: its colour by share. */
    private static Color lastFill(Label cell) {
        var fills = cell.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    private static String text(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
