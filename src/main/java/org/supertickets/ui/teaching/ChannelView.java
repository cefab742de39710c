package org.supertickets.ui.teaching;

import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.supertickets.train.WhatIf;
import org.supertickets.ui.graph.Palette;

/**
 * Paints a {@link ChannelFrame}: the block's input channels on top, every hidden channel of every branch in the
 * middle as a column of three cells (expand → depthwise k×k → projection), the output channels at the bottom.
 * A channel's opacity follows its |γ| (1 = full); a cut channel leaves an empty dotted slot. With connections on,
 * each alive weight of the two 1×1 convs is a line. Parts a what-if switched off are crossed out in vermillion.
 * Clicking a channel or a branch's title picks it (for the what-if).
 */
public final class ChannelView extends TeachingCanvas {

    /** Branch index and supernet channel of a click; channel -1 means the whole branch. */
    private BiConsumer<Integer, Integer> onPick = (b, c) -> { };
    private final ChannelViewModel vm;
    static final String LEGEND = "each column one hidden channel: expand 1×1 → depthwise k×k → project 1×1 · "
            + "fainter = smaller |γ| · a gap = cut";
    private final ObjectProperty<WhatIf> whatIf = new SimpleObjectProperty<>(this, "whatIf", WhatIf.NONE);
    private Layout layout;

    private record Layout(double x0, double slotW, double gap, double inY, double hiddenY, double cellH,
            double outY, double titleY, double[] branchX) {
    }

    public ChannelView(ChannelViewModel vm) {
        this.vm = vm;
        setId("channel-view");
        vm.frameProperty().addListener((o, a, b) -> repaint());
        vm.showConnectionsProperty().addListener((o, a, b) -> repaint());
        whatIf.addListener((o, a, b) -> repaint());
        canvas().setOnMouseClicked(e -> pick(e.getX(), e.getY()));
        javafx.scene.control.Tooltip.install(canvas(), new javafx.scene.control.Tooltip(LEGEND
                + "\nClick a channel (or a branch's title) of a paused or finished run to switch it off (what-if)."));
    }

    /** What the current what-if switched off (drawn crossed out). */
    public ObjectProperty<WhatIf> whatIfProperty() {
        return whatIf;
    }

    public void setOnPick(BiConsumer<Integer, Integer> onPick) {
        this.onPick = onPick;
    }

    @Override
    void paint(GraphicsContext gc, double width, double height, double s) {
        ChannelFrame f = vm.frameProperty().get();
        if (f == null) {
            gc.setFill(muted());
            gc.setFont(font(12));
            gc.setTextBaseline(VPos.TOP);
            gc.fillText("No block to show yet.", 10 * s, 10 * s);
            return;
        }
        double pad = 12 * s;
        double gap = 18 * s;
        int slots = f.slots();
        double slotW = Math.max(2, (width - 2 * pad - gap * (f.branches().size() - 1)) / slots);
        double titleY = pad;
        double inY = titleY + 40 * s;
        double outY = height - pad - 8 * s;
        // The hidden row sits in the middle third; the caption under it, the branch titles above it.
        double cellH = Math.max(4, Math.min(18 * s, (outY - inY - 90 * s) / 3));
        double hiddenY = (inY + outY) / 2 - 1.5 * cellH;
        double[] branchX = new double[f.branches().size()];
        double x = pad;
        for (int b = 0; b < branchX.length; b++) {
            branchX[b] = x;
            x += f.branches().get(b).gammas().length * slotW + gap;
        }
        layout = new Layout(pad, slotW, gap, inY, hiddenY, cellH, outY, titleY, branchX);
        double contentW = x - gap - pad;
        WhatIf off = whatIf.get();
        boolean blockOff = off.blocksOff().contains(f.block());

        if (vm.showConnectionsProperty().get()) {
            gc.setLineWidth(Math.max(0.5, 0.6 * s));
            gc.setStroke(Palette.SKY_BLUE.deriveColor(0, 1, 1, 0.35));
            for (int[] w : f.expand()) {
                gc.strokeLine(nodeX(pad, contentW, w[0], f.inChannels()), inY + 6 * s, slotCenter(f, w[1]), hiddenY);
            }
            gc.setStroke(Palette.BLUE.deriveColor(0, 1, 1, 0.35));
            for (int[] w : f.project()) {
                gc.strokeLine(slotCenter(f, w[0]), hiddenY + 3 * cellH, nodeX(pad, contentW, w[1], f.outChannels()),
                        outY - 6 * s);
            }
        }
        paintRow(gc, "input · " + f.inChannels() + " channels", f.inChannels(), pad, contentW, inY, s);
        paintRow(gc, "output · " + f.outChannels() + " channels", f.outChannels(), pad, contentW, outY, s);

        Color[] cells = {Palette.SKY_BLUE, Palette.BLUISH_GREEN, Palette.BLUE};
        for (int b = 0; b < branchX.length; b++) {
            ChannelFrame.Branch br = f.branches().get(b);
            boolean branchOff = blockOff || off.branchesOff().contains(WhatIf.branch(f.block(), br.kernel()));
            gc.setTextBaseline(VPos.BOTTOM);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setFont(bold(12));
            gc.setFill(br.removed() ? muted() : text());
            String title = br.kernel() + "×" + br.kernel() + " · " + br.alive() + "/" + br.gammas().length
                    + (br.removed() ? " · removed" : branchOff ? " · off" : "");
            double titleWidth = br.gammas().length * slotW + gap * 0.8;
            gc.fillText(title, branchX[b], hiddenY - 6 * s, titleWidth);
            // The branch's extent: a thin line under its slots, so cut channels leave a visible gap.
            gc.setStroke(muted());
            gc.setLineWidth(0.5 * s);
            gc.strokeLine(branchX[b], hiddenY + 3 * cellH + 2 * s, branchX[b] + br.gammas().length * slotW,
                    hiddenY + 3 * cellH + 2 * s);
            for (int c = 0; c < br.gammas().length; c++) {
                double cx = branchX[b] + c * slotW;
                float g = br.gammas()[c];
                if (Float.isNaN(g)) {
                    continue; // cut: gone
                }
                double alpha = opacity(g);
                for (int k = 0; k < 3; k++) {
                    gc.setFill(cells[k].deriveColor(0, 1, 1, alpha));
                    gc.fillRect(cx + 0.5, hiddenY + k * cellH, Math.max(1, slotW - 1), cellH - 1);
                }
                if (branchOff || off.channelsOff().contains(WhatIf.channel(f.block(), br.kernel(), c))) {
                    gc.setStroke(Palette.VERMILLION);
                    gc.setLineWidth(Math.max(1, 1.5 * s));
                    gc.strokeLine(cx, hiddenY, cx + slotW, hiddenY + 3 * cellH);
                    gc.strokeLine(cx + slotW, hiddenY, cx, hiddenY + 3 * cellH);
                }
            }
        }
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(font(11));
        gc.setFill(muted());
        double captionY = hiddenY + 3 * cellH + 6 * s;
        if (outY - 6 * s - 16 * s - captionY > 16 * s) { // only where it fits; the tooltip says it always
            gc.fillText(LEGEND, pad, captionY, width - 2 * pad);
        }
        gc.setFont(bold(13));
        gc.setFill(text());
        gc.fillText("Block " + f.block() + " at channel level" + (blockOff ? " · body off (what-if)" : ""), pad,
                titleY);
    }

    /** Opacity of a channel: log-scaled from the cut-off (faint) to |γ| = 1 (solid). */
    static double opacity(double gamma) {
        double t = (Math.log10(Math.max(gamma, 1e-6)) + 3) / 3;
        return Math.max(0.12, Math.min(1, 0.12 + 0.88 * t));
    }

    private void paintRow(GraphicsContext gc, String label, int n, double x0, double w, double y, double s) {
        double r = Math.max(2, Math.min(6 * s, w / n / 2.5));
        gc.setFill(Palette.GREY);
        for (int i = 0; i < n; i++) {
            double cx = nodeX(x0, w, i, n);
            gc.fillOval(cx - r, y - r, 2 * r, 2 * r);
        }
        gc.setFill(muted());
        gc.setFont(font(11));
        gc.setTextBaseline(VPos.BOTTOM);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(label, x0, y - r - 2 * s);
    }

    private static double nodeX(double x0, double w, int i, int n) {
        return x0 + w * (i + 0.5) / n;
    }

    private double slotCenter(ChannelFrame f, int slot) {
        int b = 0;
        int offset = 0;
        while (b < f.branches().size() - 1 && slot >= offset + f.branches().get(b).gammas().length) {
            offset += f.branches().get(b).gammas().length;
            b++;
        }
        return layout.branchX()[b] + (slot - offset + 0.5) * layout.slotW();
    }

    private void pick(double x, double y) {
        ChannelFrame f = vm.frameProperty().get();
        if (f == null || layout == null) {
            return;
        }
        for (int b = 0; b < layout.branchX().length; b++) {
            int n = f.branches().get(b).gammas().length;
            double bx = layout.branchX()[b];
            if (x < bx || x > bx + n * layout.slotW()) {
                continue;
            }
            if (y >= layout.hiddenY() - 24 * scaleProperty().get() && y < layout.hiddenY()) {
                onPick.accept(b, -1);
            } else if (y >= layout.hiddenY() && y <= layout.hiddenY() + 3 * layout.cellH()) {
                int c = (int) ((x - bx) / layout.slotW());
                if (c >= 0 && c < n && !Float.isNaN(f.branches().get(b).gammas()[c])) {
                    onPick.accept(b, c);
                }
            }
        }
    }
}
