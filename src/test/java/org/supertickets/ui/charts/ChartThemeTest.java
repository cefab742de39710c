package org.supertickets.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.BasicStroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;
import org.supertickets.ui.monitor.ChartModel;
import org.supertickets.ui.monitor.MonitorCharts;
import org.supertickets.ui.monitor.MonitorViewModel;
import org.supertickets.ui.monitor.SeriesModel;

/** Presenter mode's chart sizes: text and lines grow by the factor and come back at 1. */
class ChartThemeTest {

    @Test
    void scalingSizesTextAndLinesAndComesBack() {
        MonitorViewModel vm = new MonitorViewModel();
        ChartModel withDashes = vm.charts().stream()
                .filter(c -> c.series().stream().anyMatch(s -> s.style() == SeriesModel.Style.DASHED))
                .findFirst().orElseThrow();
        JFreeChart chart = MonitorCharts.build(withDashes, vm.barWidth());
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        int dashed = withDashes.series().indexOf(withDashes.series().stream()
                .filter(s -> s.style() == SeriesModel.Style.DASHED).findFirst().orElseThrow());
        float[] dashesAtOne = ((BasicStroke) lines.getSeriesStroke(dashed)).getDashArray();

        ChartTheme.scale(chart, 2);
        assertEquals(24, chart.getTitle().getFont().getSize());
        assertEquals(20, chart.getLegend().getItemFont().getSize());
        assertEquals(24, chart.getXYPlot().getDomainAxis().getLabelFont().getSize());
        assertEquals(20, chart.getXYPlot().getRangeAxis().getTickLabelFont().getSize());
        BasicStroke wide = (BasicStroke) lines.getSeriesStroke(dashed);
        assertEquals(4f, wide.getLineWidth());
        assertArrayEquals(new float[] {dashesAtOne[0] * 2, dashesAtOne[1] * 2}, wide.getDashArray());
        assertEquals(4f, ((BasicStroke) lines.getSeriesStroke(dashed == 0 ? 1 : 0)).getLineWidth());

        ChartTheme.scale(chart, 1);
        assertEquals(12, chart.getTitle().getFont().getSize());
        assertEquals(2f, ((BasicStroke) lines.getSeriesStroke(dashed)).getLineWidth());
        assertArrayEquals(dashesAtOne, ((BasicStroke) lines.getSeriesStroke(dashed)).getDashArray());
    }
}
