package org.supertickets.ui.runqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingControl;
import org.supertickets.train.TrainingEvent;
import org.supertickets.train.TrainingListener;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;
import org.supertickets.ui.TestEvents;

/** The run queue with a fake launcher: no training, no FX. */
class RunsViewModelTest {

    @TempDir
    Path runs;

    /**
     * Starts nothing: a test plays a run's training thread by writing its folder through the writer a real run
     * uses, and the Runs view follows that folder as it follows every run.
     */
    static final class FakeLauncher implements RunLauncher {
        final List<TrainingListener> listeners = new ArrayList<>();
        final List<CompletableFuture<RunFinished>> completions = new ArrayList<>();
        final List<TrainingControl> controls = new ArrayList<>();
        final List<org.supertickets.pipeline.ImpSettings> impSettings = new ArrayList<>();
        final List<Path> resumedPipelines = new ArrayList<>();
        final List<Path> resumedRuns = new ArrayList<>();
        String failWith;

        @Override
        public RunHandle start(SearchSpaceConfig resolved, Path runsDir, String device, TrainingListener inProcess,
                TrainingControl control) throws Exception {
            if (failWith != null) {
                throw new org.supertickets.run.RunSetupException(failWith);
            }
            Path folder = runsDir.resolve("run-" + (listeners.size() + 1));
            listeners.add(writerIn(folder));
            return handle(folder, control);
        }

        /** A run in {@code folder} that ends when the test completes its future. */
        private RunHandle handle(Path folder, TrainingControl control) {
            CompletableFuture<RunFinished> done = new CompletableFuture<>();
            completions.add(done);
            controls.add(control);
            return new RunHandle() {
                public Path folder() {
                    return folder;
                }

                public TrainingControl control() {
                    return control;
                }

                public CompletableFuture<RunFinished> completion() {
                    return done;
                }
            };
        }

        @Override
        public RunHandle startImp(SearchSpaceConfig resolved, org.supertickets.pipeline.ImpSettings settings,
                Path runsDir, String device) throws Exception {
            impSettings.add(settings);
            Path folder = runsDir.resolve("pipeline-" + (completions.size() + 1));
            java.nio.file.Files.createDirectories(folder);
            return handle(folder, new TrainingControl());
        }

        @Override
        public RunHandle resume(Path runFolder, String device) {
            resumedRuns.add(runFolder);
            return handle(runFolder, new TrainingControl());
        }

        @Override
        public RunHandle resumeImp(Path pipelineFolder, String device) {
            resumedPipelines.add(pipelineFolder);
            return handle(pipelineFolder, new TrainingControl());
        }

        /** A stage of the pipeline in {@code pipeline} starts: its folder is announced; the test writes it. */
        TrainingListener stage(Path pipeline, int index, String kind) throws Exception {
            String name = "stage-" + index + "-" + System.nanoTime();
            TrainingListener writer = writerIn(pipeline.resolve(name));
            org.supertickets.pipeline.StageAnnouncements.announce(pipeline,
                    new org.supertickets.pipeline.StageAnnouncement(index, 4, kind, name, false));
            return writer;
        }

        private static TrainingListener writerIn(Path folder) throws java.io.IOException {
            java.nio.file.Files.createDirectories(folder);
            return new org.supertickets.run.RunFolderWriter(new org.supertickets.run.RunFolder(folder),
                    TestEvents.CONFIG, "test");
        }
    }

    static RunFinished finished(RunFinished.Outcome outcome) {
        return new RunFinished(400, 4, outcome, outcome.name(), 0.8, 0.5, 0.8, 0.5, 1, 1, 1, 10, 1);
    }

    @Test
    void runsTrainOneAtATimeWithProgressEtaAndControls() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        AtomicLong clock = new AtomicLong();
        RecordingNotifier notifier = new RecordingNotifier();
        RunsViewModel vm = new RunsViewModel(DirectRunner.create(), launcher, notifier, runs, clock::get);
        RunEntry first = vm.enqueue(TestEvents.CONFIG);
        RunEntry second = vm.enqueue(TestEvents.CONFIG);
        assertEquals(RunStatus.RUNNING, first.getStatus());
        assertEquals(RunStatus.QUEUED, second.getStatus(), "one run trains at a time");
        assertEquals(List.of("Queued " + second.getName() + ": it starts when the 1 run ahead of it ends (Runs ▸ "
                + "Stop removes it from the queue)"), notifier.infos, "issue 30: a second Run is never silent");
        assertEquals(second, vm.getSelected());
        assertTrue(vm.hasActiveRuns());

        // The training thread writes the run folder; the feed reads it; the UI drains the session.
        TrainingListener l = launcher.listeners.get(0);
        l.onEvent(TestEvents.started());
        l.onEvent(new StepMetrics(10, 0.1, 2, 0.1, 0.1, 0, 1, 100));
        vm.selectedProperty().set(first);
        assertEquals(2, Pumping.until(vm, () -> first.session().history().all().size() == 2).size(),
                "the selected run's new events");
        clock.set(10_000_000_000L); // 10 s later
        l.onEvent(new StepMetrics(110, 1.1, 1, 0.5, 0.1, 0, 1, 100));
        assertEquals(1, Pumping.until(vm, () -> first.session().history().lastStep() == 110).size());
        assertEquals(110 / 400.0, first.progressProperty().get(), 1e-9);
        assertEquals("ETA 29 s", first.etaProperty().get(), "290 steps at 0.1 s each");
        assertTrue(first.messageProperty().get().contains("PyTorch test"));

        vm.pause(first);
        assertTrue(launcher.controls.get(0).isPaused());
        assertEquals("paused", first.etaProperty().get(), "issue 30: no estimate while paused");
        clock.set(70_000_000_000L); // a minute paused
        vm.resume(first);
        assertFalse(launcher.controls.get(0).isPaused());
        l.onEvent(new StepMetrics(120, 1.2, 1, 0.5, 0.1, 0, 1, 100));
        Pumping.until(vm, () -> first.session().history().lastStep() == 120);
        clock.set(71_000_000_000L);
        l.onEvent(new StepMetrics(130, 1.3, 1, 0.5, 0.1, 0, 1, 100));
        Pumping.until(vm, () -> first.session().history().lastStep() == 130);
        assertEquals("ETA 27 s", first.etaProperty().get(), "measured again after the pause: 270 steps at 0.1 s");
        vm.cancel(first);
        assertTrue(launcher.controls.get(0).isCancelled());
        assertEquals(RunStatus.STOPPING, first.getStatus());

        launcher.completions.get(0).complete(finished(RunFinished.Outcome.CANCELLED));
        // once the feed has read the rest of its folder; then the next run starts
        Pumping.until(vm, () -> first.getStatus() == RunStatus.STOPPED && second.getStatus() == RunStatus.RUNNING);
        assertEquals(RunStatus.STOPPED, first.getStatus());
        assertEquals(RunStatus.RUNNING, second.getStatus(), "the queue moves on");
        launcher.completions.get(1).complete(finished(RunFinished.Outcome.COMPLETED));
        Pumping.until(vm, () -> second.getStatus() == RunStatus.COMPLETED);
        assertEquals(RunStatus.COMPLETED, second.getStatus());
        assertTrue(second.messageProperty().get().contains("ticket: test accuracy 80.0%, sparsity 50.0%, 1 MACs"),
                "a completed row names its ticket's numbers: " + second.messageProperty().get());
        assertFalse(vm.hasActiveRuns());
        assertTrue(notifier.errors.isEmpty());
    }

    @Test
    void aRunThatCannotStartSaysWhyAndTheQueueGoesOn() {
        FakeLauncher launcher = new FakeLauncher();
        launcher.failWith = "data: no assets/ folder. Fix: run from the repository folder";
        RecordingNotifier notifier = new RecordingNotifier();
        RunsViewModel vm = new RunsViewModel(DirectRunner.create(), launcher, notifier, runs, System::nanoTime);
        RunEntry e = vm.enqueue(TestEvents.CONFIG);
        assertEquals(RunStatus.FAILED, e.getStatus());
        assertTrue(e.messageProperty().get().contains("Fix:"));
        assertEquals(1, notifier.errors.size());
        assertFalse(vm.hasActiveRuns());
    }

    @Test
    void anImpPipelineQueuesAsOneEntryThatStartsThePipelineWithItsSettings() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunsViewModel vm = new RunsViewModel(DirectRunner.create(), launcher, new RecordingNotifier(), runs,
                System::nanoTime);
        RunEntry single = vm.enqueue(TestEvents.CONFIG);
        var settings = new org.supertickets.pipeline.ImpSettings(0.9, 0.5, 0.25,
                org.supertickets.prune.PruneScope.LAYERWISE, 3);
        RunEntry pipeline = vm.enqueueImp(TestEvents.CONFIG, settings);
        assertEquals(RunStatus.QUEUED, pipeline.getStatus(), "waits for the single run like any entry");
        assertTrue(launcher.impSettings.isEmpty());
        assertTrue(pipeline.getName().contains("IMP"), pipeline.getName());
        launcher.completions.get(0).complete(finished(RunFinished.Outcome.COMPLETED));
        Pumping.until(vm, () -> pipeline.getStatus() == RunStatus.RUNNING);
        assertEquals(RunStatus.RUNNING, pipeline.getStatus());
        assertEquals(List.of(settings), launcher.impSettings);
        assertEquals(null, single.imp());
        vm.cancel(pipeline);
        assertTrue(launcher.controls.get(1).isCancelled(), "stop reaches the pipeline's shared control");
    }

    @Test
    void aPipelineShowsTheStagesItAnnouncesOneAtATime() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunsViewModel vm = new RunsViewModel(DirectRunner.create(), launcher, new RecordingNotifier(), runs,
                System::nanoTime);
        RunEntry pipeline = vm.enqueueImp(TestEvents.CONFIG, new org.supertickets.pipeline.ImpSettings(0.5, 0.5, 0,
                org.supertickets.prune.PruneScope.GLOBAL, 2));
        Path dir = pipeline.getFolder();
        TrainingListener search = launcher.stage(dir, 1, "search");
        search.onEvent(TestEvents.started());
        TestEvents.someMetrics(30).forEach(search::onEvent);
        search.onEvent(finished(RunFinished.Outcome.COMPLETED));
        Pumping.until(vm, () -> pipeline.session().history().finished() != null);
        int firstStage = pipeline.session().history().all().size();
        assertEquals(1 + 5 + 1, firstStage, "start, 3 steps, eval, prune, end");
        assertEquals("stage 1/4 · search", pipeline.session().stage());
        assertFalse(pipeline.etaProperty().get().isEmpty(), "the first stage had an estimate");

        // Only the announcement moves the entry on, before the new stage has written anything.
        TrainingListener train = launcher.stage(dir, 2, "train");
        List<TrainingEvent> shown = Pumping.until(vm, () -> pipeline.session().stage().endsWith("train"));
        assertTrue(shown.isEmpty(), "the new stage's folder is read from its first line: " + shown);
        assertTrue(pipeline.messageProperty().get().startsWith("stage 2/4 · train"),
                pipeline.messageProperty().get());
        train.onEvent(new org.supertickets.train.RunStarted(0, 0, 100, 50, 50, 0, "cpu()", "PyTorch test",
                TestEvents.SUPERNET, TestEvents.SUPERNET.macs(), TestEvents.SUPERNET.params(), 1000, 100, 500, false));
        Pumping.until(vm, () -> !pipeline.session().history().all().isEmpty());
        assertEquals("", pipeline.etaProperty().get(), "a new stage starts without the last stage's estimate");
        TestEvents.someMetrics(20).forEach(train::onEvent);
        Pumping.until(vm, () -> pipeline.session().history().prunes().size() == 1);
        assertEquals(0.2, pipeline.progressProperty().get(), 1e-9, "20 of the stage's 100 steps");
        assertEquals(1 + 4, pipeline.session().history().all().size(), "the first stage's events are gone");
        assertTrue(pipeline.session().history().all().get(0) instanceof org.supertickets.train.RunStarted);
        assertEquals(null, pipeline.session().history().finished(), "the new stage has not finished");
    }

    @Test
    void aStoppedPipelineResumesInItsFolderAndFollowsTheStageItAnnouncesNext() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunsViewModel vm = new RunsViewModel(DirectRunner.create(), launcher, new RecordingNotifier(), runs,
                System::nanoTime);
        RunEntry pipeline = vm.enqueueImp(TestEvents.CONFIG, new org.supertickets.pipeline.ImpSettings(0.5, 0.5, 0,
                org.supertickets.prune.PruneScope.GLOBAL, 2));
        Path folder = pipeline.getFolder();
        launcher.stage(folder, 3, "level-1").onEvent(TestEvents.started());
        Pumping.until(vm, () -> pipeline.session().history().started() != null);
        vm.cancel(pipeline);
        launcher.completions.get(0).complete(finished(RunFinished.Outcome.CANCELLED));
        Pumping.until(vm, () -> pipeline.getStatus() == RunStatus.STOPPED);
        assertEquals(RunStatus.STOPPED, pipeline.getStatus());
        assertFalse(vm.canResumeFromCheckpoint(pipeline), "no pipeline.json yet: nothing to resume");

        java.nio.file.Files.writeString(folder.resolve(org.supertickets.pipeline.PipelineManifest.FILE), "{}");
        assertTrue(vm.canResumeFromCheckpoint(pipeline));
        vm.resumeFromCheckpoint(pipeline);
        assertEquals(List.of(folder), launcher.resumedPipelines);
        assertEquals(RunStatus.RUNNING, pipeline.getStatus());
        launcher.stage(folder, 3, "level-1").onEvent(TestEvents.started());
        Pumping.until(vm, () -> pipeline.session().history().started() != null
                && pipeline.messageProperty().get().contains("PyTorch"));
        assertEquals(1, pipeline.session().history().all().size(),
                "the resumed stage's folder only: the stopped attempt's events are gone");
        assertTrue(pipeline.messageProperty().get().startsWith("stage 3/4 · level-1 · PyTorch"),
                pipeline.messageProperty().get());
        launcher.completions.get(1).complete(finished(RunFinished.Outcome.COMPLETED));
        Pumping.until(vm, () -> pipeline.getStatus() == RunStatus.COMPLETED);
        assertEquals(RunStatus.COMPLETED, pipeline.getStatus());
    }

    @Test
    void aQueuedRunCanBeDroppedBeforeItStarts() {
        FakeLauncher launcher = new FakeLauncher();
        RunsViewModel vm = new RunsViewModel(DirectRunner.create(), launcher, new RecordingNotifier(), runs,
                System::nanoTime);
        vm.enqueue(TestEvents.CONFIG);
        RunEntry queued = vm.enqueue(TestEvents.CONFIG);
        vm.cancel(queued);
        assertEquals(1, vm.entries().size());
        assertEquals(1, launcher.listeners.size());
    }

    @Test
    void runsUnderTheOutputFolderAreListedAgainOnStartAndAStoppedOneResumesIntoTheMonitor() throws Exception {
        Path done = TinyRunFolders.write(runs.resolve("done-20261201-100000"), finished(
                RunFinished.Outcome.COMPLETED), false);
        Path stopped = TinyRunFolders.write(runs.resolve("stopped-20261201-110000"), finished(
                RunFinished.Outcome.CANCELLED), true);
        Path killed = TinyRunFolders.write(runs.resolve("killed-20261201-120000"), null, true);
        java.nio.file.Files.createDirectories(runs.resolve("notes")); // no config.json: not a run
        FakeLauncher launcher = new FakeLauncher();
        RecordingNotifier notifier = new RecordingNotifier();
        RunsViewModel vm = new RunsViewModel(DirectRunner.create(), launcher, notifier, runs, System::nanoTime);

        vm.findExisting();

        assertEquals(List.of("done-20261201-100000", "stopped-20261201-110000", "killed-20261201-120000"),
                vm.entries().stream().map(RunEntry::getName).toList(),
                "oldest first, folders that are no run left out");
        RunEntry completed = vm.entries().get(0);
        RunEntry cancelled = vm.entries().get(1);
        RunEntry interrupted = vm.entries().get(2);
        assertEquals(RunStatus.COMPLETED, completed.getStatus());
        assertEquals(1, completed.progressProperty().get());
        assertEquals("COMPLETED · ticket: test accuracy 80.0%, sparsity 50.0%, 1 MACs",
                completed.messageProperty().get());
        assertFalse(vm.canResumeFromCheckpoint(completed));
        assertEquals(RunStatus.STOPPED, cancelled.getStatus());
        assertTrue(vm.canResumeFromCheckpoint(cancelled), "marked and resumable: it holds a checkpoint");
        assertEquals(RunStatus.STOPPED, interrupted.getStatus());
        assertTrue(interrupted.messageProperty().get().contains("no end recorded"));
        assertTrue(vm.canResumeFromCheckpoint(interrupted));
        assertEquals(10 / 400.0, interrupted.progressProperty().get(), 1e-9, "step 10 of 400, before it is shown");
        assertEquals(null, vm.getSelected(), "nothing is selected for the user");

        // Shown: its events are read from the folder, once, and feed the monitor; the row keeps its outcome.
        vm.selectedProperty().set(completed);
        assertEquals(3, Pumping.until(vm, () -> completed.session().history().finished() != null).size());
        assertTrue(completed.messageProperty().get().startsWith("COMPLETED · ticket:"), "the outcome stays");

        // Resuming another run makes the monitor follow it, without picking it by hand.
        vm.resumeFromCheckpoint(cancelled);
        assertEquals(List.of(stopped), launcher.resumedRuns);
        assertEquals(RunStatus.RUNNING, cancelled.getStatus());
        assertEquals(cancelled, vm.getSelected());
        assertEquals(cancelled, vm.launchedProperty().get(), "the window brings the monitor to the front");
        // the resumed run's folder, read again from its start
        assertEquals(3, Pumping.until(vm, () -> cancelled.session().history().all().size() == 3).size());
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());

        // Its end is told with its result (issue 30: the notice of a resumed run gave the engine instead).
        List<String> saidAtTheEnd = new ArrayList<>();
        cancelled.statusProperty().addListener((o, was, now) -> saidAtTheEnd.add(now + ": "
                + cancelled.messageProperty().get()));
        launcher.completions.get(launcher.completions.size() - 1).complete(finished(RunFinished.Outcome.COMPLETED));
        Pumping.until(vm, () -> cancelled.getStatus() == RunStatus.COMPLETED);
        assertEquals(List.of("COMPLETED: COMPLETED · ticket: test accuracy 80.0%, sparsity 50.0%, 1 MACs"),
                saidAtTheEnd);
        assertEquals(done, completed.getFolder());
        assertEquals(killed, interrupted.getFolder());
    }

    @Test
    void stoppingAllWhileARunStartsStopsItOnceItsEngineIsUpAndCallsBackAfterItsRowSaysSo() throws Exception {
        List<Runnable> held = new ArrayList<>();
        java.util.concurrent.ExecutorService background = new java.util.concurrent.AbstractExecutorService() {
            public void execute(Runnable r) {
                held.add(r); // the engine's start, run when the test says
            }

            public void shutdown() {
            }

            public List<Runnable> shutdownNow() {
                return List.of();
            }

            public boolean isShutdown() {
                return false;
            }

            public boolean isTerminated() {
                return false;
            }

            public boolean awaitTermination(long t, java.util.concurrent.TimeUnit u) {
                return true;
            }
        };
        var runner = new org.supertickets.ui.task.TaskRunner(background, Runnable::run,
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
        FakeLauncher launcher = new FakeLauncher();
        RunsViewModel vm = new RunsViewModel(runner, launcher, new RecordingNotifier(), runs, System::nanoTime);
        RunEntry starting = vm.enqueue(TestEvents.CONFIG);
        assertEquals(RunStatus.STARTING, starting.getStatus());
        boolean[] stopped = {false};

        vm.stopAll(() -> stopped[0] = true);

        assertEquals(RunStatus.STOPPING, starting.getStatus());
        assertFalse(stopped[0], "the run has not ended yet");
        held.remove(0).run(); // the engine is up
        assertTrue(launcher.controls.get(0).isCancelled(), "stopped as soon as it could be");
        assertFalse(stopped[0]);
        launcher.completions.get(0).complete(finished(RunFinished.Outcome.CANCELLED));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!stopped[0] && System.nanoTime() < deadline) {
            Thread.sleep(10); // the row says how the run ended once the feed has read the rest of its folder
        }
        assertEquals(RunStatus.STOPPED, starting.getStatus());
        assertTrue(stopped[0], "called back once the row says stopped");
        runner.scheduler().shutdownNow();
    }

    @Test
    void aRunFoundWhileAnotherProcessWritesItIsFollowedLive() throws Exception {
        Path live = TinyRunFolders.write(runs.resolve("live-20261201-130000"), null, true);
        java.nio.file.Files.setLastModifiedTime(live.resolve(org.supertickets.run.RunFolder.METRICS),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        RunsViewModel vm = new RunsViewModel(DirectRunner.create(), new FakeLauncher(), new RecordingNotifier(), runs,
                System::nanoTime);

        vm.findExisting();

        RunEntry entry = vm.entries().get(0);
        assertEquals(RunStatus.FOLLOWING, entry.getStatus(), "written a moment ago: not taken for interrupted");
        vm.selectedProperty().set(entry);
        List<TrainingEvent> shown = Pumping.until(vm, () -> entry.session().history().all().size() >= 2);
        Thread.sleep(1000);
        shown.addAll(vm.pump().events());
        assertEquals(2, shown.size(), "read by the feed, not a second time on selection");
    }
}
