package org.supertickets.ui.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunFinished;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingEvent;
import org.supertickets.train.TrainingListener;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;
import org.supertickets.ui.TestEvents;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderWriter;
import org.supertickets.ui.runqueue.LocalRunLauncher;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunHandle;
import org.supertickets.ui.runqueue.RunLauncher;
import org.supertickets.ui.runqueue.RunStatus;
import org.supertickets.ui.runqueue.RunsViewModel;

/** Step mode stops a run exactly at architecture steps and pruning events, and Next / Run on let it go. */
class StepModeTest {

    @TempDir
    Path runs;

    /**
     * Starts nothing: the test plays the training thread through the listener it was given, behind the folder
     * writer a real run puts first (the charts read that folder).
     */
    static final class ControlledLauncher implements RunLauncher {
        TrainingListener listener;
        TrainingControl control;

        @Override
        public RunHandle start(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener l,
                TrainingControl c) throws Exception {
            Path folder = runsDir.resolve("run");
            java.nio.file.Files.createDirectories(folder);
            listener = TrainingListener.all(new RunFolderWriter(new RunFolder(folder), resolved, "test"), l);
            control = c;
            CompletableFuture<RunFinished> never = new CompletableFuture<>();
            return new RunHandle() {
                public Path folder() {
                    return folder;
                }

                public TrainingControl control() {
                    return c;
                }

                public CompletableFuture<RunFinished> completion() {
                    return never;
                }
            };
        }

        @Override
        public RunHandle startImp(SearchSpaceConfig r, ImpSettings s, Path d, String dev) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunHandle resume(Path runFolder, String device) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunHandle resumeImp(Path folder, String device) {
            throw new UnsupportedOperationException();
        }
    }

    private static PruneEvent prune(long step, int index) {
        return new PruneEvent(step, step / 100.0, index, 0.1 * index, 0.1 * index, 0.01 * index, index, 100, false,
                List.of());
    }

    @Test
    void pausesAtEachEventShowsItsExplanationAndNextWalksThroughEventsOfTheSameStep() throws Exception {
        ControlledLauncher launcher = new ControlledLauncher();
        RunsViewModel runsVm = new RunsViewModel(DirectRunner.create(), launcher, new RecordingNotifier(), runs,
                System::nanoTime);
        StepModeViewModel step = new StepModeViewModel(runsVm);
        runsVm.setRunObserver(step);
        step.enabledProperty().set(true);
        RunEntry entry = runsVm.enqueue(TestEvents.CONFIG);
        TrainingListener training = launcher.listener;

        training.onEvent(TestEvents.started());
        training.onEvent(new StepMetrics(50, 0.5, 1, 0.5, 0.1, 0, 1, 100));
        assertFalse(launcher.control.isPaused(), "metrics do not stop the run");
        ShrinkEvent shrink = new ShrinkEvent(100, 1.0, 24, 0, TestEvents.SUPERNET.macs(),
                TestEvents.SUPERNET.macs() - 1000, true, TestEvents.shrunk(100, 1.0).architecture());
        training.onEvent(shrink);
        assertTrue(launcher.control.isPaused(), "paused on the training thread, before the next step");
        training.onEvent(prune(100, 1));

        step.pump();
        assertTrue(step.waitingProperty().get());
        assertEquals(shrink, step.shownProperty().get().event());
        assertEquals(RunStatus.PAUSED, entry.getStatus());
        List<TrainingEvent> read = org.supertickets.ui.runqueue.Pumping.until(runsVm,
                () -> entry.session().history().all().size() == 4);
        assertEquals(4, read.size(), "the session read every event from the folder, the paused one included");

        step.next();
        assertTrue(step.waitingProperty().get(), "the pruning event of the same step comes next");
        assertEquals(1, ((PruneEvent) step.shownProperty().get().event()).index());
        assertTrue(launcher.control.isPaused());

        step.next();
        assertFalse(step.waitingProperty().get());
        assertFalse(launcher.control.isPaused(), "Next lets the run train on");
        assertEquals(RunStatus.RUNNING, entry.getStatus());

        training.onEvent(prune(200, 2));
        step.pump();
        assertTrue(launcher.control.isPaused());
        step.runOn();
        assertFalse(launcher.control.isPaused());
        assertFalse(step.enabledProperty().get(), "Run on turns step mode off");
        training.onEvent(prune(300, 3));
        step.pump();
        assertFalse(launcher.control.isPaused(), "no more pauses");
        assertFalse(step.waitingProperty().get());
        assertEquals(3, ((PruneEvent) step.shownProperty().get().event()).index(), "the latest event is explained");
    }

    @Test
    void aRealRunStopsExactlyAtEveryShrinkAndPruneEventAndNowhereElse() throws Exception {
        List<TrainingEvent> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<StepGate.Passed> passed = java.util.Collections.synchronizedList(new ArrayList<>());
        TrainingControl control = new TrainingControl();
        StepGate gate = new StepGate(seen::add, control, new EventExplainer(TestEvents.QUICK_RUN), () -> true,
                passed::add);
        RunHandle run = new LocalRunLauncher().start(TestEvents.QUICK_RUN, runs, "cpu", gate, control);

        Set<Long> pausedAt = new TreeSet<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!run.completion().isDone() && System.nanoTime() < deadline) {
            if (control.isPaused()) {
                long last = lastStep(seen);
                Thread.sleep(300); // a run that did not really stop would report more steps by now
                assertEquals(last, lastStep(seen), "nothing trained after the event");
                synchronized (seen) {
                    assertTrue(seen.stream().anyMatch(e -> e.step() == last
                            && (e instanceof ShrinkEvent || e instanceof PruneEvent)), "paused at step " + last);
                }
                pausedAt.add(last);
                control.resume();
            }
            Thread.sleep(5);
        }
        RunFinished finished = run.completion().get(1, TimeUnit.MINUTES);
        assertEquals(RunFinished.Outcome.COMPLETED, finished.outcome());

        Set<Long> eventSteps = new TreeSet<>();
        synchronized (seen) {
            seen.stream().filter(e -> e instanceof ShrinkEvent || e instanceof PruneEvent)
                    .forEach(e -> eventSteps.add(e.step()));
        }
        assertFalse(eventSteps.isEmpty());
        assertEquals(eventSteps, pausedAt, "one stop at every step with an event, none elsewhere");
        assertTrue(passed.stream().allMatch(StepGate.Passed::paused));
        for (StepGate.Passed p : passed) {
            assertNotNull(p.explanation().text());
            if (p.explanation().event() instanceof ShrinkEvent s) {
                // The branch lines of a real shrink add up to the channels the event says were cut.
                int listed = java.util.regex.Pattern.compile("\\(−(\\d+)\\)").matcher(p.explanation().text())
                        .results().mapToInt(m -> Integer.parseInt(m.group(1))).sum();
                assertEquals(s.deadChannels() + s.targetChannels(), listed, p.explanation().text());
            }
        }
    }

    private static long lastStep(List<TrainingEvent> events) {
        synchronized (events) {
            return events.stream().mapToLong(TrainingEvent::step).max().orElse(-1);
        }
    }
}
