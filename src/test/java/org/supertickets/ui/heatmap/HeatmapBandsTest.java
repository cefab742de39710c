package org.supertickets.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.ui.TestEvents;

/** Tall, narrow layers are cut into side-by-side bands to use a wide pane (issue 11, item 6). */
class HeatmapBandsTest {

    @Test
    void a144By24LayerInAWidePaneGetsBandsAndCellsSeveralTimesLarger() {
        int bands = HeatmapData.bestBands(144, 24, 700, 240, HeatmapView.MAX_FIT_CELL);
        double single = Math.min(700.0 / 24, 240.0 / 144);
        double banded = Math.min(700.0 / (bands * 24 + bands - 1), 240.0 / Math.ceil(144.0 / bands));
        assertTrue(bands >= 3, "bands " + bands);
        assertTrue(banded >= 3 * single, banded + " px vs " + single + " px per weight");
    }

    @Test
    void aOneColumnLayerFillsThePaneUpToTheLargestCell() {
        int bands = HeatmapData.bestBands(48, 1, 700, 240, HeatmapView.MAX_FIT_CELL);
        double cell = Math.min(700.0 / (2 * bands - 1), 240.0 / Math.ceil(48.0 / bands));
        assertEquals(HeatmapView.MAX_FIT_CELL, Math.min(cell, HeatmapView.MAX_FIT_CELL), 1e-9);
        assertTrue(bands > 1);
        assertEquals(1, HeatmapData.bestBands(4, 40, 700, 240, HeatmapView.MAX_FIT_CELL), "wide layers stay whole");
    }

    @Test
    void bandsKeepEveryCellAndLeaveOneEmptyColumnBetween() {
        ConnectivitySnapshot s = TestEvents.pruned(10, 1, 3, 0);
        LayerSnapshot tall = s.layers().stream()
                .max(Comparator.comparingDouble(l -> (double) l.shape()[0] / (l.shape().length > 1 ? l.shape()[1] : 1)))
                .orElseThrow();
        HeatmapData d = HeatmapData.of(tall, null, true);
        assertSame(d, d.inBands(1));
        HeatmapData b = d.inBands(3);
        int bandRows = (d.rows() + 2) / 3;
        assertEquals(bandRows, b.rows());
        assertEquals(3 * d.cols() + 2, b.cols());
        assertEquals(d.cols(), b.bandWidth());
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < d.cols(); c++) {
                int col = (r / bandRows) * (d.cols() + 1) + c;
                assertEquals(d.value(r, c), b.value(r % bandRows, col));
                assertEquals(d.state(r, c), b.state(r % bandRows, col));
            }
        }
        for (int r = 0; r < b.rows(); r++) {
            assertEquals(HeatmapData.EMPTY, b.state(r, d.cols()), "the gap column");
        }
        assertEquals(d.summary(), b.summary());
    }
}
