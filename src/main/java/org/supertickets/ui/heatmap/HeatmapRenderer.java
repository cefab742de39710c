package org.supertickets.ui.heatmap;

/**
 * Renders the visible part of a {@link HeatmapData} into ARGB pixels, one pass over the viewport (and over
 * the covered cells when zoomed out below one pixel per cell, keeping the strongest alive weight of each
 * pixel so sparse layers do not vanish). Pure Java: testable and timed without FX.
 */
public final class HeatmapRenderer {

    private static final int LUT_SIZE = 513;
    private final int[] lut = new int[LUT_SIZE];
    private final int empty;

    /**
     * @param emptyArgb colour of pruned cells (the background)
     * @param dark      dark theme: the neutral middle of the scale is dark instead of light
     */
    public HeatmapRenderer(int emptyArgb, boolean dark) {
        this.empty = emptyArgb;
        // PuOr, a diverging scale safe for colour-vision deficiencies: purple (negative) – neutral – orange.
        int[] negative = {0x54, 0x27, 0x88};
        int[] positive = {0xB3, 0x58, 0x06};
        int[] middle = dark ? new int[] {0x55, 0x55, 0x5a} : new int[] {0xE4, 0xE2, 0xDF};
        for (int i = 0; i < LUT_SIZE; i++) {
            double v = (i - (LUT_SIZE - 1) / 2.0) / ((LUT_SIZE - 1) / 2.0);
            // sqrt stretches small magnitudes: most weights are small, and their sign should still show.
            double t = Math.sqrt(Math.abs(v));
            int[] end = v < 0 ? negative : positive;
            int r = (int) Math.round(middle[0] + (end[0] - middle[0]) * t);
            int g = (int) Math.round(middle[1] + (end[1] - middle[1]) * t);
            int b = (int) Math.round(middle[2] + (end[2] - middle[2]) * t);
            lut[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
    }

    /** The colour of a kept weight with signed relative value {@code v} in [-1, 1]. */
    public int colour(float v) {
        int i = (int) Math.round((Math.max(-1, Math.min(1, v)) + 1) * 0.5 * (LUT_SIZE - 1));
        return lut[i];
    }

    /**
     * Fills {@code out} (row-major, {@code width × height}) with the cells seen through a viewport.
     *
     * @param cellSize pixels per cell (below 1 when zoomed out)
     * @param originX  cell column at the left edge
     * @param originY  cell row at the top edge
     */
    public void render(HeatmapData data, double cellSize, double originX, double originY, int width, int height,
            int[] out) {
        float[] values = data.values();
        byte[] states = data.states();
        int rows = data.rows();
        int cols = data.cols();
        double cellsPerPixel = 1 / cellSize;
        for (int py = 0; py < height; py++) {
            int r0 = (int) Math.floor(originY + py * cellsPerPixel);
            int r1 = Math.max(r0 + 1, (int) Math.floor(originY + (py + 1) * cellsPerPixel));
            int rowOffset = py * width;
            if (r0 < 0 || r0 >= rows) {
                java.util.Arrays.fill(out, rowOffset, rowOffset + width, empty);
                continue;
            }
            r1 = Math.min(r1, rows);
            for (int px = 0; px < width; px++) {
                int c0 = (int) Math.floor(originX + px * cellsPerPixel);
                if (c0 < 0 || c0 >= cols) {
                    out[rowOffset + px] = empty;
                    continue;
                }
                int c1 = Math.min(cols, Math.max(c0 + 1, (int) Math.floor(originX + (px + 1) * cellsPerPixel)));
                int best = -1;
                float bestAbs = -1;
                for (int r = r0; r < r1; r++) {
                    int base = r * cols;
                    for (int c = c0; c < c1; c++) {
                        int i = base + c;
                        byte s = states[i];
                        if (s == HeatmapData.KEPT || s == HeatmapData.REACTIVATED) {
                            float a = Math.abs(values[i]);
                            if (a > bestAbs) {
                                bestAbs = a;
                                best = i;
                            }
                        }
                    }
                }
                out[rowOffset + px] = best < 0 ? empty : colour(values[best]);
            }
        }
    }
}
