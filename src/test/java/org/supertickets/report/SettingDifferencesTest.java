package org.supertickets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.run.RunSummary;

/** Settings are told apart in words: the config values that differ from the method's first setting. */
class SettingDifferencesTest {

    private static RunSummary run(String method, String setting, long seed, Map<String, String> values) {
        return new RunSummary(method + "-" + setting + "-" + seed, method, "fashion-mnist", seed, 0.9, 0.9, 0.1, 1, 1,
                1, 1, 1, 1, setting, values);
    }

    /** Path, value, path, value, ... in that order. */
    private static Map<String, String> values(String... pathsAndValues) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            out.put(pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return out;
    }

    @Test
    void eachSettingIsDescribedByWhatDiffersFromTheFirstOfItsMethod() {
        Map<String, String> rule = values("network.skipPath", "dense", "search.rho", "5.0E-4",
                "pruning.minLayerDensity", "0.0", "pruning.lrRestartAtTarget", "false");
        Map<String, String> restart = values("network.skipPath", "dense", "search.rho", "5.0E-4",
                "pruning.minLayerDensity", "0.02", "pruning.lrRestartAtTarget", "true");
        Map<String, String> dense = values("network.skipPath", "grouped", "search.rho", "0.0",
                "pruning.minLayerDensity", "0.0", "pruning.lrRestartAtTarget", "false");
        List<RunSummary> runs = List.of(run("dense", "d", 1, dense), run("supertickets", "a", 1, rule),
                run("supertickets", "b", 1, restart), run("supertickets", "a", 2, rule));
        Map<String, String> described = SettingDifferences.of(runs);
        assertEquals("", described.get("d"), "the first of its method is the reference");
        assertEquals("", described.get("a"), "a method's own first setting, not another method's");
        assertEquals("minLayerDensity=0.02 lrRestartAtTarget=true", described.get("b"), "in the config's order");
        assertEquals("supertickets [a]", SettingDifferences.label(runs.get(1), described));
        assertTrue(SettingDifferences.label(runs.get(2), described).startsWith("supertickets [b] "));
    }

    @Test
    void aFieldNameTheConfigUsesTwiceKeepsItsPath() {
        assertEquals("training.ema.enabled=true", SettingDifferences.describe(
                values("search.enabled", "true", "training.ema.enabled", "true", "search.rho", "1"),
                values("search.enabled", "true", "training.ema.enabled", "false", "search.rho", "1")));
    }
}
