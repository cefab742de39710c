package org.supertickets.ui.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.cli.Main;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.pipeline.PipelineIo;
import org.supertickets.pipeline.PipelineManifest;
import org.supertickets.pipeline.PipelineStage;
import org.supertickets.prune.PruneScope;
import org.supertickets.report.ChannelChange;
import org.supertickets.report.ComparedRun;
import org.supertickets.report.MethodSummary;
import org.supertickets.report.RunCurves;
import org.supertickets.report.RunFolderScan;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderReader;
import org.supertickets.run.RunSummary;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.RunFinished;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;
import org.supertickets.ui.TestEvents;

/**
 * The Compare tab without a window: a real tiny run trained once, and run folders written event by event with
 * known values ({@link TinyRuns}), so each row and curve can be checked.
 */
class CompareViewModelTest {

    @TempDir
    static Path shared;
    private static RunFolder trained;

    @TempDir
    Path dir;

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final CompareViewModel vm = new CompareViewModel(DirectRunner.create(), notifier);

    @BeforeAll
    static void trainATinyRun() throws Exception {
        LocalRun run = LocalRun.start(TestEvents.QUICK_RUN, shared, "cpu", null);
        RunFinished f = run.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, f.outcome(), f.message());
        trained = run.folder();
    }

    @Test
    void rowsAreTheRunSummariesAndCurvesTheEvaluationsOfEachRun() throws Exception {
        RunFolder made = TinyRuns.finished(dir, "made", TinyTickets.CONFIG.frozen().withName("made"), 0.7, 4000);
        vm.add(List.of(trained.path(), made.path()));

        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());
        assertEquals(2, vm.runs().size());
        assertEquals(RunSummary.read(trained), vm.runs().get(0).summary());
        assertEquals(RunSummary.read(made), vm.runs().get(1).summary());
        assertEquals(List.of(RunSummary.read(trained), RunSummary.read(made)), vm.summariesProperty().get());
        assertEquals(MethodSummary.of(vm.summariesProperty().get()), vm.methodsProperty().get());
        assertEquals(2, vm.methodsProperty().get().size(), "two methods, one run each");
        assertEquals("supertickets", vm.runs().get(0).summary().method());
        assertEquals("dense", vm.runs().get(1).summary().method());
        assertEquals(0.7, vm.runs().get(1).summary().testAccuracy(), 1e-12);

        // Curves: one point per evaluation, in order, with the logged values.
        List<EvalMetrics> evals = new RunFolderReader(trained).readNew().stream()
                .filter(e -> e instanceof EvalMetrics).map(e -> (EvalMetrics) e).toList();
        RunCurves real = vm.runs().get(0).curves();
        assertEquals(evals.size(), real.size());
        assertTrue(real.size() >= 2, "the tiny run evaluates more than once");
        EvalMetrics last = evals.get(evals.size() - 1);
        assertEquals(last.sparsity(), real.sparsity()[real.size() - 1], 1e-12);
        assertEquals(last.macs(), real.macs()[real.size() - 1], 1e-6);
        RunCurves curves = vm.runs().get(1).curves();
        assertArrayEquals(new double[] {1, 2, 3}, curves.epochs(), 1e-12);
        assertArrayEquals(new double[] {0.6, 0.65, 0.7 - 0.1 / 3}, curves.validationAccuracy(), 1e-12);
        assertArrayEquals(new double[] {0.2, 0.4, 0.6}, curves.sparsity(), 1e-12);
        assertArrayEquals(new double[] {12000, 8000, 4000}, curves.macs(), 1e-9);
        assertEquals(made.name(), curves.run());
    }

    @Test
    void aPipelineIsOneRowWithItsLastStagesTicketAndTheSummedCost() throws Exception {
        Path pipeline = Files.createDirectories(dir.resolve("p-imp"));
        RunFolder search = TinyRuns.finished(pipeline, "search", TinyTickets.CONFIG.withName("search"), 0.8, 9000);
        RunFolder last = TinyRuns.finished(pipeline, "level", TinyTickets.CONFIG.frozen().withName("x-imp-level-1"),
                0.6, 3000);
        RunSummary s = RunSummary.read(search);
        RunSummary l = RunSummary.read(last);
        PipelineIo.write(pipeline, new PipelineManifest(PipelineManifest.IMP_METHOD, "x", l.dataset(), 7,
                new ImpSettings(0.5, 0.5, 0, PruneScope.GLOBAL, 2), 0, List.of(
                        new PipelineStage("search", search.path().getFileName().toString(), 0, s.testAccuracy(),
                                s.macs(), s.params(), s.trainingMacs(), s.wallSeconds()),
                        new PipelineStage("level-1", last.path().getFileName().toString(), 0.5, l.testAccuracy(),
                                l.macs(), l.params(), l.trainingMacs(), l.wallSeconds())),
                true, last.path().getFileName() + "/ticket"));
        vm.add(List.of(pipeline));
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());
        ComparedRun row = vm.runs().get(0);
        assertEquals(PipelineManifest.IMP_METHOD, row.summary().method());
        assertEquals(0.6, row.summary().testAccuracy(), 1e-12);
        assertEquals(s.trainingMacs() + l.trainingMacs(), row.summary().trainingMacs(), 1e-6);
        assertEquals(last.path().resolve("ticket"), row.ticketFolder());
        assertEquals(RunCurves.read(last).run(), row.curves().run(), "curves of the last stage");
        assertArrayEquals(RunCurves.read(last).validationAccuracy(), row.curves().validationAccuracy());
        assertEquals(List.of(pipeline), RunFolderScan.of(dir).runs().stream()
                .filter(p -> p.equals(pipeline)).toList(), "add-all-under finds pipelines too");
    }

    @Test
    void aFolderThatIsNotARunOrHasNotCompletedIsRefusedByNameWithTheFix() throws Exception {
        Path notARun = Files.createDirectories(dir.resolve("holiday-photos"));
        RunFolder half = TinyRuns.started(dir, "half", TinyTickets.CONFIG);
        vm.add(List.of(notARun));
        assertEquals(0, vm.runs().size());
        assertEquals(1, notifier.errors.size());
        String error = notifier.errors.get(0);
        assertTrue(error.startsWith("Cannot compare holiday-photos: "), error);
        assertTrue(error.contains(notARun.toString()) && error.contains("Fix:"), error);

        vm.add(List.of(half.path(), trained.path()));
        assertEquals(1, vm.runs().size(), "the completed run is added, the other refused");
        assertEquals(2, notifier.errors.size());
        error = notifier.errors.get(1);
        assertTrue(error.contains(half.name()) && error.contains("has not completed") && error.contains("Fix:"),
                error);
        assertFalse(error.contains("Exception"), "no stack trace or class name: " + error);
        assertTrue(vm.statusProperty().get().startsWith("Added 1 run, refused 1"), vm.statusProperty().get());
    }

    @Test
    void addAllUnderAFolderTakesEveryCompletedRunDirectlyUnderIt() throws Exception {
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        RunFolder one = TinyRuns.finished(sweep, "one", TinyTickets.CONFIG, 0.8, 3000);
        RunFolder two = TinyRuns.finished(sweep, "two", TinyTickets.CONFIG.withSeed(12), 0.82, 3100);
        RunFolder running = TinyRuns.started(sweep, "still-running", TinyTickets.CONFIG);
        Files.createDirectories(sweep.resolve("plots"));
        TinyRuns.finished(Files.createDirectories(sweep.resolve("plots").resolve("nested")), "deeper",
                TinyTickets.CONFIG, 0.9, 1);

        vm.addAllUnder(sweep);
        assertEquals(List.of(one.name(), two.name()), vm.runs().stream().map(ComparedRun::name).toList());
        assertEquals(1, notifier.errors.size(), "the incomplete run is named; plots/ is not a run and passed over");
        assertTrue(notifier.errors.get(0).contains(running.name()), notifier.errors.get(0));

        vm.addAllUnder(sweep);
        assertEquals(2, vm.runs().size(), "adding the same folders again adds nothing");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        vm.addAllUnder(empty);
        String error = notifier.errors.get(notifier.errors.size() - 1);
        assertTrue(error.contains(empty.toString()) && error.contains("holds no run folders") && error.contains("Fix:"),
                error);
    }

    @Test
    void removeAndClearDropRowsAndTheSelectionChoosesTheCurves() throws Exception {
        RunFolder a = TinyRuns.finished(dir, "a", TinyTickets.CONFIG, 0.8, 3000);
        RunFolder b = TinyRuns.finished(dir, "b", TinyTickets.CONFIG, 0.7, 2000);
        RunFolder c = TinyRuns.finished(dir, "c", TinyTickets.CONFIG, 0.6, 1000);
        vm.add(List.of(a.path(), b.path(), c.path(), a.path()));
        assertEquals(3, vm.runs().size(), "a folder listed twice is added once");
        assertEquals(3, vm.curvesProperty().get().size(), "no selection: every run's curves");

        vm.select(List.of(vm.runs().get(2)));
        assertEquals(List.of(c.name()), vm.curvesProperty().get().stream().map(RunCurves::run).toList());
        vm.remove(List.of(vm.runs().get(2)));
        assertEquals(List.of(a.name(), b.name()), vm.runs().stream().map(ComparedRun::name).toList());
        assertTrue(vm.selectedProperty().get().isEmpty(), "a removed run leaves the selection");
        assertEquals(2, vm.curvesProperty().get().size());
        assertEquals(2, vm.summariesProperty().get().size());
        vm.clear();
        assertTrue(vm.runs().isEmpty() && vm.summariesProperty().get().isEmpty());
    }

    @Test
    void theTicketDiffComparesTheFirstTwoSelectedRuns() throws Exception {
        RunFolder a = TinyRuns.finished(dir, "a", TinyTickets.CONFIG, 0.8, 3000);
        RunFolder b = TinyRuns.finished(dir, "b", TinyTickets.CONFIG, 0.7, 2000);
        RunFolder c = TinyRuns.finished(dir, "c", TinyTickets.CONFIG, 0.6, 1000);
        TinyTickets.write(a.ticket(), Map.of(), Map.of(), 0.8, a.name());
        TinyTickets.write(b.ticket(), Map.of(1, Map.of(5, new int[0])), Map.of(), 0.7, b.name());
        TinyTickets.write(c.ticket(), Map.of(0, Map.of(3, new int[0])), Map.of(), 0.6, c.name());
        vm.add(List.of(a.path(), b.path(), c.path()));
        var diff = vm.diff();
        assertEquals(a.ticket(), diff.folder(TicketDiffViewModel.Side.A), "by default the first two runs");
        assertEquals(b.ticket(), diff.folder(TicketDiffViewModel.Side.B));
        assertEquals(ChannelChange.Kind.REMOVED_IN_B, diff.getDiff().channels().get(5).kind(), "block 1 k5");

        vm.select(List.of(vm.runs().get(2), vm.runs().get(0)));
        assertEquals(c.ticket(), diff.folder(TicketDiffViewModel.Side.A));
        assertEquals(a.ticket(), diff.folder(TicketDiffViewModel.Side.B));
        assertEquals(ChannelChange.Kind.ONLY_IN_B, diff.getDiff().channels().get(1).kind(), "block 0 k3");
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());
    }

    @Test
    void theCsvIsTheCommandLineComparisonCsv() throws Exception {
        RunFolder made = TinyRuns.finished(dir, "made", TinyTickets.CONFIG.frozen().withName("made"), 0.7, 4000);
        vm.add(List.of(trained.path(), made.path()));
        Path out = dir.resolve("cli-out");
        assertEquals(0, Main.execute("compare", trained.path().toString(), made.path().toString(), "--out",
                out.toString()));
        assertEquals(Files.readString(out.resolve("comparison.csv")), vm.csv());

        Path file = dir.resolve("exported.csv");
        vm.exportCsv(file);
        assertEquals(vm.csv(), Files.readString(file));
        assertTrue(vm.statusProperty().get().startsWith("Exported 2 runs"), vm.statusProperty().get());
        assertTrue(CompareViewModel.csv(List.of(new RunSummary("a,b", "dense", "d", 1, 0.5, 0, 1, 1, 1, 1, 1, 1, 1,
                "s"))).contains("\n\"a,b\",dense,"), "a name with a comma is quoted");
    }
}
