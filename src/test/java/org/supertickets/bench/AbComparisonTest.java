package org.supertickets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class AbComparisonTest {

    @Test
    void ratiosArePerRoundWithTheirMedianAndRange() {
        AbComparison ab = new AbComparison();
        ab.add(new AbComparison.Round(300, 200, 0.5, 1.0));
        ab.add(new AbComparison.Round(400, 200, 0.4, 1.0));
        ab.add(new AbComparison.Round(250, 250, 0.9, 1.0));

        assertEquals(1.5, ab.throughputRatio().median(), 1e-9);
        assertEquals(1.0, ab.throughputRatio().min(), 1e-9);
        assertEquals(2.0, ab.throughputRatio().max(), 1e-9);
        assertEquals(0.5, ab.cpuRatio().median(), 1e-9);
        assertEquals(0.4, ab.cpuRatio().min(), 1e-9);
        assertTrue(ab.table().contains("| 2 | 400 | 200 | 2.00 | 0.400 | 1.000 | 0.40 |"), ab.table());
        assertTrue(ab.table().contains("throughput ours/PyTorch: 1.50× (rounds 1.00–2.00)"), ab.table());
    }

    @Test
    void theYardsticksLastLineIsItsResult() throws IOException {
        PyTorchYardstick.YardstickResult r = PyTorchYardstick.parse("""
                some warning
                {"images_per_second": 250.5, "cpu_seconds_per_step": 0.75, "torch": "1.13.0"}
                """);
        assertEquals(250.5, r.imagesPerSecond(), 1e-9);
        assertEquals(0.75, r.cpuSecondsPerStep(), 1e-9);
        assertEquals("1.13.0", r.torchVersion());
        assertThrows(IOException.class, () -> PyTorchYardstick.parse("{\"loss\": 1}"));
    }
}
