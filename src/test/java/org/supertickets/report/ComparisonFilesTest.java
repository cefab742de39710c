package org.supertickets.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.run.RunSummary;

/** What {@code compare --out} writes: a sweep also gets sweep.csv, a row per curve point, and three plots. */
class ComparisonFilesTest {

    private static final String[] SWEEP_FILES = {"sweep.csv", "sweep-accuracy-vs-weights-remaining.png",
        "sweep-accuracy-vs-macs.png", "sweep-accuracy-vs-training-compute.png"};

    @TempDir
    Path dir;

    @Test
    void aSweepRowIsOneTargetOfOneCurveAveragedOverItsSeeds() {
        List<RunSummary> runs = new ArrayList<>(SweepCurvesTest.twoMethodsTwoTargetsThreeSeeds());
        runs.add(SweepCurvesTest.run("dense", 0.5, 1, 0.9, 0, SweepCurvesTest.values(0.5, "0.0")));
        String[] lines = ComparisonCsv.sweep(SweepCurves.of(runs)).split("\n");
        assertEquals(ComparisonCsv.SWEEP_HEADER, lines[0]);
        assertEquals(6, lines.length, "header, two points for each method, one for dense");
        // supertickets at 0.9: accuracies 0.70, 0.76, 0.76 (sd sqrt(0.0012)), validation 0.01 below each
        double half = 4.302652729749464 * Math.sqrt(0.0012) / Math.sqrt(3);
        String[] f = lines[2].split(",");
        assertEquals(List.of("supertickets", "fashion-mnist", "supertickets", "0.9", "3"), List.of(f).subList(0, 5));
        assertEquals(0.9, Double.parseDouble(f[5]), 1e-12, "mean_sparsity");
        assertEquals(100_000, Double.parseDouble(f[6]), 1e-6, "mean_macs");
        assertEquals(1.1e12, Double.parseDouble(f[7]), 1, "mean_training_macs");
        assertEquals(0.74, Double.parseDouble(f[8]), 1e-12, "mean_test_accuracy");
        assertEquals(0.74 - half, Double.parseDouble(f[9]), 1e-9, "test_accuracy_ci_low");
        assertEquals(0.74 + half, Double.parseDouble(f[10]), 1e-9, "test_accuracy_ci_high");
        assertEquals(0.73, Double.parseDouble(f[11]), 1e-12, "mean_validation_accuracy");
        assertEquals(12, f.length);
        assertEquals("dense,fashion-mnist,dense,,1,0.0,1000000.0,1.5E12,0.9,,,0.89", lines[5],
                "no target, one seed: empty target and interval");
    }

    @Test
    void aSweepGetsItsCsvAndThreeMorePlots() throws Exception {
        String said = ComparisonFiles.write(dir, SweepCurvesTest.twoMethodsTwoTargetsThreeSeeds());
        assertEquals("wrote comparison.csv, by-method.csv, sweep.csv, 3 plots and 3 plots of the sweep's curves to "
                + dir, said);
        for (String name : SWEEP_FILES) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        for (String name : List.of(SWEEP_FILES).subList(1, 4)) {
            try (InputStream in = Files.newInputStream(dir.resolve(name))) {
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, in.readNBytes(4), name + " is a PNG");
            }
        }
        assertEquals(5, Files.readAllLines(dir.resolve("sweep.csv")).size());
    }

    @Test
    void runsThatAreNoSweepGetTheUsualFilesOnly() throws Exception {
        Path out = dir.resolve("plain");
        String said = ComparisonFiles.write(out, List.of(SweepCurvesTest.run("supertickets", 0.9, 1, 0.8),
                SweepCurvesTest.run("supertickets", 0.9, 2, 0.82)));
        assertEquals("wrote comparison.csv, by-method.csv and 3 plots to " + out, said);
        assertTrue(Files.exists(out.resolve("accuracy-vs-macs.png")));
        for (String name : SWEEP_FILES) {
            assertFalse(Files.exists(out.resolve(name)), name);
        }
    }
}
