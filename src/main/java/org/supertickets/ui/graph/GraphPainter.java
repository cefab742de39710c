package org.supertickets.ui.graph;

import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link GraphFrame} on a canvas: the frozen supernet layout, node width ∝ channels kept, a bar of
 * weights alive, branches faded by importance, removed parts as dashed ghosts, edges ∝ channels^0.3 with
 * {@code kept/total} labels, residual paths dashed. One pass of immediate-mode drawing, no scene nodes.
 */
public final class GraphPainter {

    /** Edge width exponent: compressive, so a 10× channel difference reads as ~2×. */
    public static final double EDGE_POWER = 0.3;

    private static final Font LABEL = Font.font("System", FontWeight.NORMAL, 10.5);
    private static final Font EDGE_LABEL = Font.font("System", 9);
    private static final Font BADGE = Font.font("System", FontWeight.BOLD, 10);

    private GraphPainter() {
    }

    /** Maps layout units to canvas pixels. */
    public record Transform(double scale, double dx, double dy) {
        public double toLayoutX(double px) {
            return (px - dx) / scale;
        }

        public double toLayoutY(double py) {
            return (py - dy) / scale;
        }
    }

    /** The transform that fits the graph in a canvas (centred, never larger than {@code maxScale}). */
    public static Transform fit(SupernetGraph graph, double width, double height, double maxScale) {
        double scale = Math.min(maxScale, Math.min(width / graph.width(), height / graph.height()));
        scale = Math.max(scale, 0.2);
        double dx = (width - graph.width() * scale) / 2;
        double dy = Math.max(0, (height - graph.height() * scale) / 2);
        return new Transform(scale, dx, dy);
    }

    /** Edge line width for {@code channels} when the widest edge of the supernet carries {@code max}. */
    public static double edgeWidth(int channels, int max) {
        if (channels <= 0) {
            return 1;
        }
        return 1 + 5 * Math.pow((double) channels / Math.max(1, max), EDGE_POWER);
    }

    public static void paint(GraphicsContext gc, GraphFrame frame, Transform t, double width, double height,
            Palette palette, int selected, int hovered) {
        paint(gc, frame, t, width, height, palette, selected, hovered, Set.of());
    }

    /**
     * Paints a frame with some nodes marked as changed (the ticket diff): a dashed outline in
     * {@link Palette#CHANGED} around the node's supernet box and a "Δ" badge, so the mark does not rely on colour.
     *
     * @param changed ids of the marked nodes
     */
    public static void paint(GraphicsContext gc, GraphFrame frame, Transform t, double width, double height,
            Palette palette, int selected, int hovered, Set<Integer> changed) {
        gc.save();
        gc.setFill(palette.background());
        gc.fillRect(0, 0, width, height);
        gc.translate(t.dx(), t.dy());
        gc.scale(t.scale(), t.scale());
        SupernetGraph graph = frame.graph();
        List<GraphEdge> edges = graph.edges();
        int maxEdge = 1;
        for (int i = 0; i < edges.size(); i++) {
            maxEdge = Math.max(maxEdge, frame.edgeMaxChannels(i));
        }
        for (int i = 0; i < edges.size(); i++) {
            paintEdge(gc, frame, i, maxEdge, palette);
        }
        for (GraphNode n : graph.nodes()) {
            paintNode(gc, n, frame.node(n.id()), palette, n.id() == selected, n.id() == hovered);
        }
        for (GraphNode n : graph.nodes()) {
            if (changed.contains(n.id())) {
                paintChanged(gc, n, palette);
            }
        }
        gc.restore();
    }

    private static void paintEdge(GraphicsContext gc, GraphFrame frame, int index, int maxEdge, Palette palette) {
        GraphEdge e = frame.graph().edges().get(index);
        GraphNode a = frame.graph().nodes().get(e.from());
        GraphNode b = frame.graph().nodes().get(e.to());
        int kept = frame.edgeChannels(index);
        int total = frame.edgeMaxChannels(index);
        double x1 = a.x();
        double y1 = a.y() + halfHeight(a);
        double x2 = b.x();
        double y2 = b.y() - halfHeight(b);
        gc.setLineCap(StrokeLineCap.BUTT);
        if (kept <= 0) {
            gc.setStroke(palette.muted().deriveColor(0, 1, 1, 0.45));
            gc.setLineWidth(1);
            gc.setLineDashes(3, 4);
        } else {
            gc.setStroke(palette.edge().deriveColor(0, 1, 1, 0.85));
            gc.setLineWidth(edgeWidth(kept, maxEdge));
            if (e.residual()) {
                gc.setLineDashes(7, 4);
            } else {
                gc.setLineDashes();
            }
        }
        double lx;
        double ly;
        gc.beginPath();
        gc.moveTo(x1, y1);
        boolean viaSkipConv = a.kind() == NodeKind.SKIP || b.kind() == NodeKind.SKIP;
        if (e.residual() && !viaSkipConv && Math.abs(b.rank() - a.rank()) > 1) {
            // Route around the block body on the right so the skip path never crosses its convs.
            double bulge = Math.max(a.x(), b.x()) + SupernetGraph.MAX_WIDTH / 2 + 30;
            gc.bezierCurveTo(bulge, y1 + 20, bulge, y2 - 20, x2 + 6, y2);
            lx = bulge - 8;
            ly = (y1 + y2) / 2;
        } else {
            gc.lineTo(x2, y2);
            lx = (x1 + x2) / 2;
            ly = (y1 + y2) / 2;
        }
        gc.stroke();
        gc.setLineDashes();
        String label = kept + "/" + total;
        gc.setFont(EDGE_LABEL);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        haloText(gc, label, lx + 5, ly, kept > 0 ? palette.muted() : palette.muted().deriveColor(0, 1, 1, 0.6),
                palette.background());
    }

    private static double halfHeight(GraphNode n) {
        return n.kind() == NodeKind.ADD ? 8 : SupernetGraph.NODE_HEIGHT / 2;
    }

    private static void paintNode(GraphicsContext gc, GraphNode n, NodeState s, Palette palette, boolean selected,
            boolean hovered) {
        Color kind = Palette.of(n.kind());
        double h = SupernetGraph.NODE_HEIGHT;
        if (n.kind() == NodeKind.ADD) {
            double r = 8;
            gc.setFill(palette.background());
            gc.fillOval(n.x() - r, n.y() - r, 2 * r, 2 * r);
            gc.setStroke(s.removed() ? palette.muted() : palette.edge());
            gc.setLineWidth(selected ? 2.5 : 1.5);
            gc.strokeOval(n.x() - r, n.y() - r, 2 * r, 2 * r);
            gc.strokeLine(n.x() - 4, n.y(), n.x() + 4, n.y());
            gc.strokeLine(n.x(), n.y() - 4, n.x(), n.y() + 4);
            return;
        }
        double maxW = n.maxWidth();
        double left = n.x() - maxW / 2;
        double top = n.y() - h / 2;
        // Ghost outline of the supernet's node: dashed when part of it was searched away.
        if (s.removed() || s.channels() < s.maxChannels()) {
            gc.setStroke(kind.deriveColor(0, 1, 1, 0.7));
            gc.setLineWidth(1.2);
            gc.setLineDashes(4, 3);
            gc.strokeRoundRect(left, top, maxW, h, 6, 6);
            gc.setLineDashes();
        }
        if (!s.removed()) {
            // Width proportional to the channels kept, relative to the node's supernet width.
            double w = Math.max(8, maxW * s.channels() / Math.max(1, s.maxChannels()));
            double x = n.x() - w / 2;
            gc.setFill(kind.deriveColor(0, 1, 1, s.opacity()));
            gc.fillRoundRect(x, top, w, h, 6, 6);
            gc.setStroke(kind.darker());
            gc.setLineWidth(1);
            gc.strokeRoundRect(x, top, w, h, 6, 6);
            double alive = s.aliveFraction();
            if (!Double.isNaN(alive)) {
                double barW = Math.max(4, w - 8);
                gc.setFill(Color.rgb(0, 0, 0, 0.35));
                gc.fillRect(x + 4, top + h - 6, barW, 3);
                gc.setFill(Color.rgb(255, 255, 255, 0.95));
                gc.fillRect(x + 4, top + h - 6, barW * alive, 3);
            }
        }
        if (selected || hovered) {
            gc.setStroke(palette.selection());
            gc.setLineWidth(selected ? 2.5 : 1.2);
            gc.strokeRoundRect(left - 3, top - 3, maxW + 6, h + 6, 8, 8);
        }
        gc.setFont(LABEL);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        Color text = s.removed() ? palette.muted() : palette.text();
        haloText(gc, label(n, s), n.x(), n.y() - 2, text, palette.background());
    }

    private static void paintChanged(GraphicsContext gc, GraphNode n, Palette palette) {
        double h = SupernetGraph.NODE_HEIGHT;
        double w = n.maxWidth();
        double left = n.x() - w / 2 - 5;
        double top = n.y() - h / 2 - 5;
        gc.setStroke(Palette.CHANGED);
        gc.setLineWidth(2.2);
        gc.setLineDashes(6, 3);
        gc.strokeRoundRect(left, top, w + 10, h + 10, 10, 10);
        gc.setLineDashes();
        // The badge sits on the outline's top-right corner: a filled circle with "Δ", readable without colour.
        double cx = left + w + 10;
        double cy = top;
        gc.setFill(Palette.CHANGED);
        gc.fillOval(cx - 7, cy - 7, 14, 14);
        gc.setFont(BADGE);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(Color.WHITE);
        gc.fillText("Δ", cx, cy + 0.5);
    }

    /** The node's label, e.g. {@code dw 5×5 · 48/96}. */
    public static String label(GraphNode n, NodeState s) {
        String channels = s.channels() == s.maxChannels() ? Integer.toString(s.channels())
                : s.channels() + "/" + s.maxChannels();
        return switch (n.kind()) {
            case INPUT -> "input · " + s.channels() + " ch";
            case STEM -> "stem · " + channels;
            case EXPAND -> "b" + n.block() + " expand · " + channels;
            case DEPTHWISE -> "dw " + n.kernel() + "×" + n.kernel() + " · " + channels;
            case PROJECT -> "b" + n.block() + " project · " + channels;
            case SKIP -> "b" + n.block() + " skip · " + channels;
            case ADD -> "+";
            case HEAD -> "head · " + channels;
            case CLASSIFIER -> "classifier · " + channels;
        };
    }

    private static void haloText(GraphicsContext gc, String text, double x, double y, Color fill, Color halo) {
        gc.setStroke(halo.deriveColor(0, 1, 1, 0.85));
        gc.setLineWidth(3);
        gc.strokeText(text, x, y);
        gc.setFill(fill);
        gc.fillText(text, x, y);
    }
}
