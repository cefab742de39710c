package org.supertickets.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErdosRenyiKernelTest {

    private static Map<String, long[]> layers() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("small", new long[] {8, 1, 3, 3});     // 72 weights, score 15/72
        shapes.put("large", new long[] {64, 32, 1, 1});   // 2048 weights, score 98/2048
        shapes.put("middle", new long[] {32, 16, 3, 3});  // 4608 weights, score 54/4608
        return shapes;
    }

    @Test
    void keepsTheTargetShareOfAllWeightsAndSmallLayersDenser() {
        Map<String, Double> d = ErdosRenyiKernel.densities(layers(), 0.9);
        double kept = d.get("small") * 72 + d.get("large") * 2048 + d.get("middle") * 4608;
        assertEquals(0.1 * (72 + 2048 + 4608), kept, 1e-6);
        assertTrue(d.get("small") > d.get("large") && d.get("large") > d.get("middle"), d.toString());
        // Densities are proportional to (sum of dims) / (product of dims) among layers below one.
        assertEquals(98.0 / 2048 / (54.0 / 4608), d.get("large") / d.get("middle"), 1e-9);
    }

    @Test
    void aLayerWhoseShareWouldPassOneStaysDenseAndTheOthersMakeUpTheBudget() {
        // At 50 % the small and then the large layer's shares pass one: both are kept whole, the middle one
        // takes what is left of the budget.
        Map<String, Double> d = ErdosRenyiKernel.densities(layers(), 0.5);
        assertEquals(1.0, d.get("small"), 0);
        assertEquals(1.0, d.get("large"), 0);
        assertEquals((0.5 * (72 + 2048 + 4608) - 72 - 2048) / 4608, d.get("middle"), 1e-12);
    }
}
