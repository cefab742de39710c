package org.supertickets.ui.teaching;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.supertickets.ui.graph.Palette;

/**
 * Two teaching charts in one canvas. Top: one row per branch, each surviving channel a dot at its |γ| on a log
 * axis, the cut-off a vertical line, "−n cut" for channels already gone. Bottom: the |w| histogram, stacked alive
 * (blue) / back by re-ranking (bluish green) / reset by a shrink (yellow) / pruned (vermillion), the pruning
 * threshold a vertical line; the counts axis is a square root so a few weights back stay visible beside thousands
 * alive.
 */
public final class DistributionsView extends TeachingCanvas {

    /** The log10 |γ| range drawn: 1e-4 .. 10^0.5. */
    static final double LOG_MIN = -4;
    static final double LOG_MAX = 0.5;

    private final DistributionsViewModel vm;

    public DistributionsView(DistributionsViewModel vm) {
        this.vm = vm;
        setId("distributions");
        vm.gammasProperty().addListener((o, a, b) -> repaint());
        vm.magnitudesProperty().addListener((o, a, b) -> repaint());
        vm.captionProperty().addListener((o, a, b) -> repaint());
    }

    @Override
    void paint(GraphicsContext gc, double width, double height, double s) {
        double pad = 10 * s;
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(muted());
        gc.setFont(font(11));
        gc.fillText(vm.captionProperty().get(), pad, pad * 0.5);
        double top = pad + 16 * s;
        double split = top + (height - top) * 0.55;
        paintGammas(gc, pad, top, width - pad, split - pad, s);
        paintMagnitudes(gc, pad, split, width - pad, height - pad, s);
    }

    private void paintGammas(GraphicsContext gc, double x0, double y0, double x1, double y1, double s) {
        GammaRows rows = vm.gammasProperty().get();
        gc.setFill(text());
        gc.setFont(bold(13));
        gc.fillText("|γ| per hidden channel, by branch", x0, y0);
        if (rows == null || rows.rows().isEmpty()) {
            return;
        }
        double labelW = 110 * s;
        double cutW = 64 * s;
        double ax0 = x0 + labelW;
        double ax1 = x1 - cutW;
        double top = y0 + 38 * s;
        double bottom = y1 - 18 * s;
        double rowH = (bottom - top) / rows.rows().size();
        double dot = Math.max(3 * s, Math.min(7 * s, rowH * 0.35));
        Color channel = Palette.BLUISH_GREEN;
        Color doomed = Palette.VERMILLION;
        int i = 0;
        for (GammaRows.Row row : rows.rows()) {
            double cy = top + rowH * (i + 0.5);
            gc.setTextBaseline(VPos.CENTER);
            gc.setFill(row.removed() ? muted() : text());
            gc.setFont(font(11));
            gc.fillText(row.label(), x0, cy);
            gc.setStroke(muted());
            gc.setLineWidth(0.5 * s);
            gc.strokeLine(ax0, cy, ax1, cy);
            for (int c = 0; c < row.gammas().length; c++) {
                double g = row.gammas()[c];
                double x = ax0 + (ax1 - ax0) * (clampLog(g) - LOG_MIN) / (LOG_MAX - LOG_MIN);
                // A fixed jitter per channel (its supernet index) spreads equal values over the row's height.
                double jitter = ((row.origins()[c] * 37) % 11 - 5) / 5.0 * rowH * 0.28;
                gc.setFill(g <= rows.threshold() ? doomed : channel);
                gc.fillOval(x - dot / 2, cy + jitter - dot / 2, dot, dot);
            }
            gc.setFill(row.cut() > 0 ? doomed : muted());
            gc.setFont(font(11));
            gc.fillText(row.removed() ? "removed" : row.cut() > 0 ? "−" + row.cut() + " cut" : "", ax1 + 6 * s, cy);
            i++;
        }
        double tx = ax0 + (ax1 - ax0) * (Math.log10(rows.threshold()) - LOG_MIN) / (LOG_MAX - LOG_MIN);
        gc.setStroke(doomed);
        gc.setLineWidth(2 * s);
        gc.setLineDashes(6 * s, 4 * s);
        gc.strokeLine(tx, top - 4 * s, tx, bottom);
        gc.setLineDashes();
        gc.setTextBaseline(VPos.TOP);
        gc.setFill(doomed);
        gc.setFont(bold(11));
        gc.fillText("cut-off |γ| = " + number(rows.threshold()), tx + 4 * s, top - 18 * s);
        gc.setFill(muted());
        gc.setFont(font(10));
        gc.setTextAlign(TextAlignment.CENTER);
        for (int e = (int) LOG_MIN; e <= 0; e++) {
            double x = ax0 + (ax1 - ax0) * (e - LOG_MIN) / (LOG_MAX - LOG_MIN);
            gc.fillText(e == 0 ? "1" : "1e" + e, x, bottom + 3 * s);
        }
        gc.setTextAlign(TextAlignment.LEFT);
    }

    private void paintMagnitudes(GraphicsContext gc, double x0, double y0, double x1, double y1, double s) {
        MagnitudeHistogram h = vm.magnitudesProperty().get();
        gc.setTextBaseline(VPos.TOP);
        gc.setFill(text());
        gc.setFont(bold(13));
        String title = "|w| of the prunable weights";
        String detail = "(√ counts" + (h == null ? ")" : h.atShrink() ? "; resets: this shrink's)"
                : "; changes since the previous prune)");
        // On a narrow panel (presenter mode) the detail goes to a second line instead of past the edge.
        boolean oneLine = x0 + textWidth(title + " " + detail, 13 * s) <= x1;
        gc.fillText(oneLine ? title + " " + detail : title, x0, y0);
        double legendY = y0 + 20 * s;
        if (!oneLine) {
            gc.setFont(font(11));
            gc.fillText(detail, x0, legendY);
            legendY += 16 * s;
        }
        double lx = x0;
        for (Object[] item : new Object[][] {{"alive", Palette.BLUE, h == null ? 0 : h.total(h.alive())},
                {"back by re-ranking", Palette.BLUISH_GREEN, h == null ? 0 : h.total(h.backByReranking())},
                {h != null && h.atShrink() ? "reset by this shrink" : "reset by a shrink, kept", Palette.YELLOW,
                        h == null ? 0 : h.total(h.resetByShrink())},
                {"pruned", Palette.VERMILLION, h == null ? 0 : h.total(h.pruned())}}) {
            String label = item[0] + " " + String.format(Locale.ROOT, "%,d", (long) item[2]);
            if (lx > x0 && lx + 16 * s + textWidth(label, 11 * s) > x1) {
                lx = x0; // the legend wraps rather than running past the panel's edge
                legendY += 16 * s;
            }
            gc.setFill((Color) item[1]);
            gc.fillRect(lx, legendY + 2 * s, 12 * s, 12 * s);
            gc.setFill(text());
            gc.setFont(font(11));
            gc.fillText(label, lx + 16 * s, legendY);
            lx += 16 * s + textWidth(label, 11 * s) + 18 * s;
        }
        if (h == null) {
            return;
        }
        double top = legendY + 22 * s;
        double bottom = y1 - 16 * s;
        double bins = h.alive().length;
        double max = 1;
        for (int b = 0; b < bins; b++) {
            max = Math.max(max, h.alive()[b] + h.pruned()[b] + h.backByReranking()[b] + h.resetByShrink()[b]);
        }
        double sqrtMax = Math.sqrt(max);
        x0 = paintCountAxis(gc, x0, top, bottom, (long) max, s);
        double bw = (x1 - x0) / bins;
        for (int b = 0; b < bins; b++) {
            double x = x0 + b * bw;
            long[][] stacks = {h.pruned(), h.backByReranking(), h.resetByShrink(), h.alive()};
            Color[] colours = {Palette.VERMILLION, Palette.BLUISH_GREEN, Palette.YELLOW, Palette.BLUE};
            double cumulative = 0;
            for (int k = 0; k < stacks.length; k++) {
                double before = Math.sqrt(cumulative) / sqrtMax;
                cumulative += stacks[k][b];
                double after = Math.sqrt(cumulative) / sqrtMax;
                double y = bottom - after * (bottom - top);
                double hgt = (after - before) * (bottom - top);
                if (hgt > 0) {
                    gc.setFill(colours[k]);
                    gc.fillRect(x + 0.5, y, Math.max(1, bw - 1), hgt);
                }
            }
        }
        gc.setStroke(muted());
        gc.setLineWidth(1 * s);
        gc.strokeLine(x0, bottom, x1, bottom);
        gc.setFill(muted());
        gc.setFont(font(10));
        gc.fillText("0", x0, bottom + 2 * s);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText(number(h.maxValue()) + " and more", x1, bottom + 2 * s);
        gc.setTextAlign(TextAlignment.LEFT);
        if (!Double.isNaN(h.threshold())) {
            double tx = x0 + (x1 - x0) * Math.min(1, h.threshold() / h.maxValue());
            gc.setStroke(text());
            gc.setLineWidth(2 * s);
            gc.setLineDashes(6 * s, 4 * s);
            gc.strokeLine(tx, top - 4 * s, tx, bottom);
            gc.setLineDashes();
            gc.setFill(text());
            gc.setFont(bold(11));
            String label = "threshold " + number(h.threshold());
            boolean right = tx + 6 * s + textWidth(label, 11 * s) < x1;
            gc.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
            gc.fillText(label, right ? tx + 4 * s : tx - 4 * s, top);
            gc.setTextAlign(TextAlignment.LEFT);
        }
    }

    /**
     * The count axis on the left of the histogram (square-root scale, so its ticks sit at 1/4 and 1/16 of the top
     * count at half and a quarter of the height); returns where the bars start.
     */
    private double paintCountAxis(GraphicsContext gc, double x0, double top, double bottom, long max, double s) {
        long[] ticks = MagnitudeHistogram.countTicks(max);
        gc.setFont(font(10));
        double labelWidth = textWidth(String.format(Locale.ROOT, "%,d", ticks[0]), 10 * s);
        double axis = x0 + labelWidth + 6 * s;
        gc.setStroke(muted());
        gc.setLineWidth(1 * s);
        gc.strokeLine(axis, top, axis, bottom);
        gc.setFill(muted());
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (long tick : ticks) {
            double y = bottom - Math.sqrt(tick / (double) max) * (bottom - top);
            gc.strokeLine(axis - 3 * s, y, axis, y);
            gc.fillText(String.format(Locale.ROOT, "%,d", tick), axis - 4 * s, y);
        }
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        return axis + 2 * s;
    }

    private static double clampLog(double g) {
        return Math.max(LOG_MIN, Math.min(LOG_MAX, Math.log10(Math.max(g, 1e-12))));
    }

    private static double textWidth(String text, double px) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(javafx.scene.text.Font.font("System", px));
        return t.getLayoutBounds().getWidth();
    }

    static String number(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
