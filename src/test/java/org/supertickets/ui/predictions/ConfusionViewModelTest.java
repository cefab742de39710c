package org.supertickets.ui.predictions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.supertickets.ui.predictions.ConfusionScript.eval;
import static org.supertickets.ui.predictions.ConfusionScript.finished;
import static org.supertickets.ui.predictions.ConfusionScript.matrix;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supertickets.data.DatasetException;
import org.supertickets.train.ConfusionMatrix;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.TestEvents;
import org.supertickets.ui.session.RunHistory;
import org.supertickets.ui.session.TimelineViewModel;

/**
 * The confusion matrix and its most-confused images follow the time cursor and the run (an evaluation's from its
 * held-out split, the ticket's from the test split); each split is read once; old runs say what they lack.
 */
class ConfusionViewModelTest {

    private final TimelineViewModel timeline = new TimelineViewModel();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger validationReads = new AtomicInteger();
    private final ConfusionViewModel vm = new ConfusionViewModel(timeline, DirectRunner.create(), (config, test) -> {
        (test ? reads : validationReads).incrementAndGet();
        return ConfusionScript.testSplit();
    });
    private final RunHistory history = new RunHistory();

    @Test
    void theMatrixIsTheEvaluationsAtTheCursorAndTheTicketsAtTheEnd() {
        history.add(TestEvents.started());
        vm.show(TestEvents.CONFIG, history);
        assertNull(vm.getFrame());
        assertTrue(vm.messageProperty().get().startsWith("Waiting for the first evaluation: every epoch the run "
                + "classifies its 100 held-out images"), vm.messageProperty().get());

        history.add(eval(100, matrix(40)));
        history.add(eval(200, matrix(87), ConfusionScript.pairs()));
        timeline.reset(List.of(TestEvents.start(), TestEvents.pruned(100, 1, 3, 0), TestEvents.pruned(200, 2, 3, 1)));
        vm.refresh();
        ConfusionFrame f = vm.getFrame();
        assertEquals(200, f.step(), "following the run: the newest evaluation");
        assertEquals(matrix(87), f.matrix());
        assertEquals("Evaluation at step 200 · epoch 2.00 · validation set", f.title());
        assertTrue(f.detail().startsWith("following the run · evaluation 2 of 2"), f.detail());
        assertEquals("Accuracy 90.8 % (908 of 1,000 validation images right) · most confused: Shirt taken for "
                + "T-shirt/top 87 times", f.summary());
        assertEquals(new ConfusionMatrix.Cell(6, 0, 87), f.worst());
        assertEquals("Shirt taken for T-shirt/top 87 times: 87.0 % of the 100 Shirt images", f.describe(6, 0));
        assertEquals("Trouser classified right 100 times: 100.0 % of the 100 Trouser images", f.describe(1, 1));
        assertEquals("", vm.messageProperty().get());
        assertEquals("Most confused at step 200 (validation set)", vm.getExamples().title(),
                "live: the newest evaluation's images, from the split it measured");
        assertFalse(vm.getExamples().test(), "validation images are not test images");
        assertEquals(1, validationReads.get());

        timeline.select(1); // scrubbed back to the snapshot of step 100
        assertEquals(100, vm.getFrame().step());
        assertNull(vm.getExamples());
        assertTrue(vm.examplesMessageProperty().get().startsWith("The most-confused images of each evaluation were "
                + "not recorded"), vm.examplesMessageProperty().get());
        assertTrue(vm.getFrame().summary().endsWith("Shirt taken for T-shirt/top 40 times"), vm.getFrame().summary());
        assertTrue(vm.getFrame().detail().startsWith("at the time cursor · evaluation 1 of 2"));

        timeline.select(0);
        assertNull(vm.getFrame());
        assertEquals("No evaluation yet at the time cursor (step 0): the first is at step 100. Move the cursor right, "
                + "or to the end to follow the run.", vm.messageProperty().get());

        // The run completes: at the end of the timeline the ticket's test matrix, and its images are read once.
        ConfusionMatrix test = matrix(87);
        history.add(eval(300, matrix(60)));
        history.add(finished(300, test, ConfusionScript.pairs()));
        timeline.append(List.of(TestEvents.pruned(300, 3, 3, 2)));
        timeline.select(3);
        vm.refresh();
        assertEquals("The ticket on the test set · step 300 · epoch 3.00", vm.getFrame().title());
        assertTrue(vm.getFrame().summary().startsWith("Accuracy 90.8 % (908 of 1,000 test images right)"));
        timeline.select(2);
        assertEquals(200, vm.getFrame().step(), "earlier evaluations stay a scrub away");
        timeline.select(3);
        vm.refresh();
        vm.refresh();
        assertEquals(1, reads.get(), "the test split is read once per finished run");
        assertEquals(1, validationReads.get(), "and the validation split once");
        ConfusedExamples examples = vm.getExamples();
        assertTrue(examples.test());
        assertEquals("Most confused on the test set (the ticket)", examples.title());
        assertNotNull(examples);
        assertEquals("", vm.examplesMessageProperty().get());
        assertEquals(2, examples.pairs().size());
        ConfusedExamples.Pair first = examples.pairs().get(0);
        assertEquals("Shirt taken for T-shirt/top 87 times (87.0 % of the Shirt images)", first.caption());
        assertArrayEquals(new int[] {3, 5, 7}, first.indices());
        assertEquals(3, first.images().size());
        int grey = Math.round(0.3f * 255);
        assertEquals(0xFF000000 | grey << 16 | grey << 8 | grey, first.images().get(0)[0], "image 3 as stored");
        assertEquals(ConfusionScript.SIDE, examples.width());
    }

    @Test
    void nothingIsBuiltWhileTheTabIsNotOnScreenAndItCatchesUpWhenShown() {
        history.add(TestEvents.started());
        history.add(eval(100, matrix(40), ConfusionScript.pairs()));
        vm.activeProperty().set(false);
        vm.show(TestEvents.CONFIG, history);
        history.add(eval(200, matrix(87), ConfusionScript.pairs()));
        vm.refresh();
        assertNull(vm.getFrame());
        assertNull(vm.getExamples());
        assertEquals(0, validationReads.get(), "no image read for a hidden tab");

        vm.activeProperty().set(true);
        assertEquals(200, vm.getFrame().step(), "shown: the newest evaluation at once");
        assertEquals("Most confused at step 200 (validation set)", vm.getExamples().title());
        assertEquals(1, validationReads.get());
    }

    @Test
    void aRunWrittenBeforeTheMatricesSaysTheyWereNotRecorded() {
        history.add(TestEvents.started());
        history.add(eval(100, null));
        history.add(finished(200, null, null));
        vm.show(TestEvents.CONFIG, history);
        assertNull(vm.getFrame());
        assertTrue(vm.messageProperty().get().startsWith("The confusion matrix was not recorded in this run"),
                vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("accuracy of 81.0 %"), vm.messageProperty().get());
        assertTrue(vm.examplesMessageProperty().get().startsWith("The most-confused test images were not recorded "
                + "in this run"), vm.examplesMessageProperty().get());
        assertNull(vm.getExamples());
        assertEquals(0, reads.get());
    }

    @Test
    void unreadableImagesAreSaidWithTheReasonAndTheMatrixStays() {
        ConfusionViewModel failing = new ConfusionViewModel(timeline, DirectRunner.create(), (config, test) -> {
            throw new DatasetException("data.path", "is not set", "set data.path");
        });
        history.add(TestEvents.started());
        history.add(eval(100, matrix(3)));
        history.add(finished(100, matrix(87), ConfusionScript.pairs()));
        failing.show(TestEvents.CONFIG, history);
        assertNotNull(failing.getFrame());
        assertNull(failing.getExamples());
        assertTrue(failing.examplesMessageProperty().get().startsWith("The test images could not be read: "
                + "data.path: is not set"), failing.examplesMessageProperty().get());

        ConfusionViewModel shrunk = new ConfusionViewModel(timeline, DirectRunner.create(),
                (config, test) -> ConfusionScript.testSplit());
        history.add(finished(100, matrix(87), List.of(new org.supertickets.train.ConfusedPair(6, 0, 87,
                new int[] {12}))));
        shrunk.show(TestEvents.CONFIG, history);
        assertTrue(shrunk.examplesMessageProperty().get().contains("names test image 12, but the test split of "
                + "tiny-test holds 8 images"), shrunk.examplesMessageProperty().get());
    }

    @Test
    void aSegmentationRunIsNotItsToShow() {
        history.add(eval(100, matrix(3)));
        vm.show(org.supertickets.TestConfigs.tinySegmentation(), history);
        assertNull(vm.getFrame());
        assertEquals("", vm.messageProperty().get());
        assertEquals("", vm.examplesMessageProperty().get());
    }
}
