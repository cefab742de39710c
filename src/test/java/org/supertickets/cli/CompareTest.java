package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.report.ComparisonCharts;
import org.supertickets.run.EventJson;
import org.supertickets.run.JsonLines;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunSummary;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;

class CompareTest {

    @TempDir
    Path dir;

    private RunFolder finishedRun(String name, SearchSpaceConfig config, double accuracy, long macs) throws Exception {
        RunFolder f = RunFolder.create(dir, name, LocalDateTime.of(2026, 1, 1, 0, 0));
        ConfigIo.write(f.config(), config);
        Architecture a = Architecture.supernet(config);
        JsonLines.append(f.metrics(), EventJson.toJson(new RunStarted(0, 0, 10, 10, 5, 5, "cpu()", "e", a, a.macs(),
                a.params(), 100, 10, 10, false)));
        JsonLines.append(f.metrics(), EventJson.toJson(new RunFinished(10, 1, RunFinished.Outcome.COMPLETED, "ok",
                accuracy, 0.5, VALIDATION_ACCURACY, 0.6, macs, macs / 2, 1000, 12.5, 1e9)));
        return f;
    }

    /** Apart from every test accuracy here, so the CSV's column is seen to come from the validation split. */
    private static final double VALIDATION_ACCURACY = 0.7125;

    @Test
    void paretoFrontKeepsOnlyRunsNotBeatenOnBothAxes() {
        RunSummary cheapGood = summary("a", 0.90, 100);
        RunSummary cheapBad = summary("b", 0.80, 120);
        RunSummary costlyBetter = summary("c", 0.92, 300);
        RunSummary costlyWorse = summary("d", 0.85, 400);
        assertEquals(List.of(cheapGood, costlyBetter),
                ComparisonCharts.paretoFront(List.of(costlyWorse, cheapBad, costlyBetter, cheapGood),
                        RunSummary::macs));
    }

    private static RunSummary summary(String run, double acc, long macs) {
        return new RunSummary(run, "supertickets", "d", 1, acc, 0.5, 0.5, macs, macs, 1, 1000, 1, 1, "s");
    }

    @Test
    void compareWritesTableCsvAndPlotsAndNamesTheMethods() throws Exception {
        SearchSpaceConfig base = TestConfigs.tinyFashionMnist();
        RunFolder st = finishedRun("st", base, 0.8, 5000);
        RunFolder nas = finishedRun("nas", base.frozen().withName("nas"), 0.85, 9000);
        Path out = dir.resolve("cmp");
        assertEquals(0, Main.execute("compare", st.path().toString(), nas.path().toString(), "--out",
                out.toString()));
        List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).contains(",supertickets,"), csv.get(1));
        assertTrue(csv.get(0).endsWith(",setting,validation_accuracy"), csv.get(0));
        assertTrue(csv.get(1).endsWith("," + VALIDATION_ACCURACY), "the ticket's validation accuracy, to choose on: "
                + csv.get(1));
        assertTrue(csv.get(2).contains(",dense,"), csv.get(2));
        for (String png : new String[] {"accuracy-vs-weights-remaining.png", "accuracy-vs-macs.png",
                "accuracy-vs-training-compute.png"}) {
            assertTrue(Files.size(out.resolve(png)) > 5000, png);
        }
    }

    @Test
    void anUnfinishedRunIsNamedAndRefused() throws Exception {
        RunFolder f = RunFolder.create(dir, "half", LocalDateTime.of(2026, 1, 1, 0, 0));
        ConfigIo.write(f.config(), TestConfigs.tinyFashionMnist());
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("compare", f.path().toString()));
    }
}
