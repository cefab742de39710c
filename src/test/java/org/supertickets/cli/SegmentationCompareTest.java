package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.report.ComparisonCsv;
import org.supertickets.report.ComparisonTables;
import org.supertickets.report.MethodSummary;
import org.supertickets.report.PairedComparison;
import org.supertickets.run.EventJson;
import org.supertickets.run.JsonLines;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunSummary;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.SegmentationMetrics;

/**
 * {@code compare} of segmentation runs reports their mean IoU (with and without the background) and compares by it;
 * a comparison of classification runs prints and writes exactly what it did before.
 */
class SegmentationCompareTest {

    @TempDir
    Path dir;

    private RunFolder finishedRun(String name, SearchSpaceConfig config, double pixelAccuracy,
            SegmentationMetrics iou) throws Exception {
        RunFolder f = RunFolder.create(dir, name, LocalDateTime.of(2026, 1, 1, 0, 0));
        ConfigIo.write(f.config(), config);
        Architecture a = Architecture.supernet(config);
        JsonLines.append(f.metrics(), EventJson.toJson(new RunStarted(0, 0, 10, 10, 5, 5, "cpu()", "e", a, a.macs(),
                a.params(), 100, 10, 10, false)));
        JsonLines.append(f.metrics(), EventJson.toJson(new RunFinished(10, 1, RunFinished.Outcome.COMPLETED, "ok",
                pixelAccuracy, 0.5, pixelAccuracy, 0.6, 5000, 2500, 1000, 12.5, 1e9, iou)));
        return f;
    }

    private static SegmentationMetrics iou(double withBackground, double objectsOnly) {
        return new SegmentationMetrics(withBackground, objectsOnly, new double[] {0.9, objectsOnly});
    }

    private static SearchSpaceConfig segmentation() throws Exception {
        return ConfigIo.read(Path.of("sample-configs/segmentation-demo.json"));
    }

    @Test
    void theTableAndTheCsvCarryTheMeanIouAndSayThatTheAccuracyIsPerPixel() throws Exception {
        SearchSpaceConfig seg = segmentation();
        RunFolder a = finishedRun("seg-a", seg, 0.81, iou(0.41, 0.35));
        RunFolder b = finishedRun("seg-b", seg.frozen().withName("seg-b"), 0.83, iou(0.47, 0.40));
        RunSummary sa = RunSummary.read(a);
        assertTrue(sa.segmentation());
        assertEquals(0.41, sa.comparedScore(), 1e-12, "a segmentation run is compared by its mean IoU");

        String table = ComparisonTables.runs(List.of(sa, RunSummary.read(b)));
        String header = table.lines().findFirst().orElseThrow();
        assertTrue(header.endsWith("mIoU mIoU obj"), header);
        assertTrue(table.contains("0.4100   0.3500"), table);
        assertTrue(table.contains("pixel accuracy"), "the table says what its accuracy is: " + table);

        Path out = dir.resolve("cmp");
        assertEquals(0, Main.execute("compare", a.path().toString(), b.path().toString(), "--out", out.toString()));
        List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals(ComparisonCsv.RUNS_HEADER + ComparisonCsv.RUNS_SEGMENTATION_COLUMNS, csv.get(0));
        assertTrue(csv.get(1).endsWith(",0.41,0.35"), csv.get(1));
        List<String> methods = Files.readAllLines(out.resolve("by-method.csv"));
        assertEquals(ComparisonCsv.METHODS_HEADER + ComparisonCsv.METHODS_SEGMENTATION_COLUMNS, methods.get(0));
    }

    @Test
    void seedsOfSegmentationRunsAreAveragedAndPairedOnTheirMeanIou() throws Exception {
        SearchSpaceConfig seg = segmentation();
        List<RunSummary> runs = List.of(
                RunSummary.read(finishedRun("a1", seg.withSeed(1), 0.90, iou(0.30, 0.20))),
                RunSummary.read(finishedRun("a2", seg.withSeed(2), 0.91, iou(0.32, 0.22))),
                RunSummary.read(finishedRun("a3", seg.withSeed(3), 0.92, iou(0.31, 0.21))),
                // higher pixel accuracy, lower mean IoU: the comparison must follow the IoU
                RunSummary.read(finishedRun("b1", seg.frozen().withSeed(1), 0.95, iou(0.20, 0.10))),
                RunSummary.read(finishedRun("b2", seg.frozen().withSeed(2), 0.96, iou(0.21, 0.11))),
                RunSummary.read(finishedRun("b3", seg.frozen().withSeed(3), 0.97, iou(0.22, 0.12))));
        List<MethodSummary> methods = MethodSummary.of(runs);
        assertEquals(2, methods.size());
        assertTrue(methods.get(0).segmentation());
        assertEquals(0.31, methods.get(0).meanIou().mean(), 1e-12);
        assertEquals(0.21, methods.get(0).meanIouWithoutBackground(), 1e-12);
        assertTrue(ComparisonTables.methods(methods).contains("mIoU 95% CI"));

        List<PairedComparison> pairs = PairedComparison.of(runs);
        assertEquals(1, pairs.size());
        assertEquals(PairedComparison.MEAN_IOU, pairs.get(0).metric());
        assertEquals(0.10, pairs.get(0).test().meanDifference(), 1e-9);
        assertTrue(pairs.get(0).better().startsWith("supertickets"), pairs.get(0).better());
        String paired = ComparisonTables.pairs(pairs);
        assertTrue(paired.contains("3 seeds, test mIoU"), paired);
    }

    @Test
    void aClassificationComparisonPrintsAndWritesWhatItDidBefore() throws Exception {
        SearchSpaceConfig cls = TestConfigs.tinyFashionMnist();
        List<RunSummary> runs = List.of(
                RunSummary.read(finishedRun("c1", cls.withSeed(1), 0.80, null)),
                RunSummary.read(finishedRun("c2", cls.withSeed(2), 0.82, null)));
        assertFalse(runs.get(0).segmentation());
        String table = ComparisonTables.runs(runs);
        int run = runs.get(0).run().length();
        assertEquals(String.format("%-" + run + "s %-12s %5s %8s %9s %12s %9s %11s %8s%n", "run", "method", "seed",
                "test acc", "sparsity", "MACs", "params", "train MACs", "wall s"),
                table.lines().findFirst().orElseThrow() + System.lineSeparator());
        assertFalse(table.contains("mIoU"), table);
        assertEquals(ComparisonCsv.RUNS_HEADER, ComparisonCsv.runs(runs).lines().findFirst().orElseThrow());
        assertEquals(ComparisonCsv.METHODS_HEADER, ComparisonCsv.methods(MethodSummary.of(runs)).lines().findFirst()
                .orElseThrow());
        assertFalse(ComparisonTables.methods(MethodSummary.of(runs)).contains("mIoU"));
    }
}
