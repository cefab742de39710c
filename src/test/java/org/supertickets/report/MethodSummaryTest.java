package org.supertickets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.run.RunSummary;

class MethodSummaryTest {

    private static RunSummary run(String method, String dataset, long seed, double accuracy, double compute) {
        return run(method, dataset, seed, accuracy, compute, "6-epochs");
    }

    private static RunSummary run(String method, String dataset, long seed, double accuracy, double compute,
            String setting) {
        return new RunSummary(method + seed, method, dataset, seed, accuracy, 0.9, 0.1, 1000, 100, 50, 5000, compute,
                10 * seed, setting);
    }

    @Test
    void seedsOfOneMethodAndDatasetBecomeOneRowWithMeansAndTheAccuracyRange() {
        List<MethodSummary> rows = MethodSummary.of(List.of(run("supertickets", "fashion-mnist", 1, 0.80, 2e11),
                run("prune-only", "fashion-mnist", 1, 0.75, 3e11), run("supertickets", "fashion-mnist", 2, 0.84, 4e11),
                run("supertickets", "mnist", 1, 0.9, 1e11)));
        assertEquals(3, rows.size());
        MethodSummary st = rows.get(0);
        assertEquals("supertickets", st.method());
        assertEquals(2, st.runs());
        assertEquals(0.82, st.meanAccuracy(), 1e-12);
        assertEquals(0.80, st.minAccuracy(), 1e-12);
        assertEquals(0.84, st.maxAccuracy(), 1e-12);
        assertEquals(3e11, st.meanTrainingMacs(), 1);
        assertEquals(15, st.meanWallSeconds(), 1e-12);
        assertEquals("mnist", rows.get(2).dataset());
    }

    @Test
    void anotherSettingOfTheSameMethodIsAnotherRow() {
        List<MethodSummary> rows = MethodSummary.of(List.of(run("supertickets", "f", 1, 0.8, 1, "6-epochs"),
                run("supertickets", "f", 1, 0.9, 1, "24-epochs"), run("supertickets", "f", 2, 0.7, 1, "6-epochs")));
        assertEquals(2, rows.size());
        assertEquals(0.75, rows.get(0).meanAccuracy(), 1e-12);
        assertEquals(1, rows.get(1).runs());
    }

    @Test
    void eachSettingHasItsIntervalAndMatchedSeedsArePaired() {
        List<RunSummary> runs = List.of(run("a", "f", 1, 0.81, 1), run("a", "f", 2, 0.83, 1), run("a", "f", 3, 0.80, 1),
                run("a", "f", 4, 0.84, 1), run("b", "f", 1, 0.80, 1), run("b", "f", 2, 0.80, 1),
                run("b", "f", 3, 0.79, 1), run("b", "f", 4, 0.82, 1), run("b", "f", 5, 0.10, 1),
                run("c", "other", 1, 0.5, 1), run("c", "other", 2, 0.6, 1));
        MethodSummary a = MethodSummary.of(runs).get(0);
        assertEquals(4, a.accuracy().n());
        assertEquals(0.82, a.accuracy().mean(), 1e-12);
        List<PairedComparison> pairs = PairedComparison.of(runs);
        assertEquals(1, pairs.size(), "c is on another dataset");
        PairedComparison p = pairs.get(0);
        assertEquals("a [6-epochs]", p.better());
        assertEquals(List.of(1L, 2L, 3L, 4L), p.seeds(), "seed 5 of b has no match");
        assertEquals(2 * 0.01767642350125852, p.test().pValue(), 1e-9);
        assertEquals(p.test().pValue(), p.holmP(), 1e-12, "one pair: Holm changes nothing");
    }

    @Test
    void everyPairIsCorrectedForAllPairsShownTogether() {
        List<RunSummary> runs = new java.util.ArrayList<>();
        double[][] acc = {{0.81, 0.83, 0.80, 0.84}, {0.80, 0.80, 0.79, 0.82}, {0.80, 0.81, 0.78, 0.82}};
        String[] names = {"a", "b", "c"};
        for (int s = 0; s < 3; s++) {
            for (int seed = 0; seed < 4; seed++) {
                runs.add(run(names[s], "f", seed + 1, acc[s][seed], s + 1));
            }
        }
        List<PairedComparison> pairs = PairedComparison.of(runs);
        assertEquals(3, pairs.size());
        double[] raw = pairs.stream().mapToDouble(p -> p.test().pValue()).toArray();
        double[] holm = org.supertickets.stats.Holm.adjust(raw);
        for (int i = 0; i < 3; i++) {
            assertEquals(holm[i], pairs.get(i).holmP(), 1e-12);
            assertTrue(pairs.get(i).holmP() >= raw[i]);
        }
        PairedComparison aVsB = pairs.get(0);
        assertTrue(aVsB.test().significant() && !aVsB.survivesHolm(), "p 0.035 alone, " + aVsB.holmP() + " after Holm");
        assertEquals("p < 5% alone, not after Holm", aVsB.verdict());
    }
}
