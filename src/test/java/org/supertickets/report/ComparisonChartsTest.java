package org.supertickets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.supertickets.run.RunSummary;

/** The comparison plots draw one series per method, split by setting where a method was run with several. */
class ComparisonChartsTest {

    @Test
    void twoSettingsOfOneMethodAreTwoSeriesAndAMethodWithOneSettingKeepsItsName() {
        List<RunSummary> runs = List.of(run("a", "supertickets", 1, "aaa111"), run("b", "supertickets", 2, "aaa111"),
                run("c", "supertickets", 1, "bbb222"), run("d", "dense", 1, "ccc333"), run("e", "dense", 2, "ccc333"));
        XYSeriesCollection data = (XYSeriesCollection) ComparisonCharts.accuracyVsMacs(runs).getXYPlot().getDataset();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            keys.add(data.getSeriesKey(i).toString());
        }
        keys.remove("Pareto front");
        assertEquals(List.of("supertickets [aaa111]", "supertickets [bbb222]", "dense"), keys);
        assertEquals(2, data.getSeries("supertickets [aaa111]").getItemCount());
        assertEquals(1, data.getSeries("supertickets [bbb222]").getItemCount());
    }

    private static RunSummary run(String name, String method, long seed, String setting) {
        return new RunSummary(name, method, "d", seed, 0.8 + seed / 100.0, 0.9, 0.9, 1_500_000, 150_000, 50_000,
                1_500_000, 3e12, 1000, setting);
    }
}
