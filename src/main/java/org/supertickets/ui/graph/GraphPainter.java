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

    private static final Font BADGE = Font.font("System", FontWeight.BOLD, 10);
    /** Labels never get smaller than this on screen, whatever the zoom (they are culled instead). */
    public static final double MIN_LABEL_PX = 11;
    /** Node labels' size in layout units (so they grow with the zoom, from {@link #MIN_LABEL_PX} on). */
    private static final double LABEL_SIZE = 11;
    private static final double MAX_LABEL_PX = 16;
    /** Below this zoom edges carry no channel labels (zoom in, or hover a node, for the numbers). */
    public static final double EDGE_LABEL_MIN_SCALE = 0.6;
    /** Height of the weights-alive bar under a node. */
    public static final double ALIVE_BAR = 5;
    /** How many rings of farther spots a node label tries before it is left out. */
    private static final int FAR_RINGS = 3;

    /** A label to draw in screen space once the shapes are done; lower priority is placed first. */
    /** @param texts the label and its shorter forms, tried in order until one has room */
    record Label(List<String> texts, double x, double y, int node, Color fill, int priority) {
        boolean ofNode() {
            return node >= 0;
        }
    }

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
        double dx = (width - graph.width() * scale) / 2;
        double dy = (height - graph.height() * scale) / 2;
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
        paint(gc, frame, t, width, height, palette, selected, hovered, changed, 1);
    }

    /**
     * Paints a frame with its labels' text scaled by {@code textScale} (presenter mode's font factor: the labels
     * a room reads from the back grow with the rest of the text).
     */
    public static void paint(GraphicsContext gc, GraphFrame frame, Transform t, double width, double height,
            Palette palette, int selected, int hovered, Set<Integer> changed, double textScale) {
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
        List<Label> labels = new java.util.ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            paintEdge(gc, frame, i, maxEdge, palette, labels);
        }
        for (GraphNode n : graph.nodes()) {
            boolean picked = n.id() == selected || n.id() == hovered;
            paintNode(gc, n, frame.node(n.id()), palette, n.id() == selected, n.id() == hovered);
            if (n.kind() != NodeKind.ADD) {
                NodeState s = frame.node(n.id());
                labels.add(new Label(labels(n, s), n.x(), n.y() - SupernetGraph.NODE_HEIGHT / 2,
                        n.id(), s.removed() ? palette.muted() : palette.text(), picked ? 0 : 1));
            }
        }
        for (GraphNode n : graph.nodes()) {
            if (changed.contains(n.id())) {
                paintChanged(gc, n, palette);
            }
        }
        gc.restore();
        paintLabels(gc, graph, labels, t, palette, width, height, textScale);
    }

    /**
     * Draws labels at a readable size on screen: on a backdrop of the background colour (so edges never run
     * through the text), node labels first. A node label with no room beside its node goes farther out, tied to
     * it by a leader line; one that finds no spot at all, and an edge label that would overlap a label or a node,
     * is left out (hover shows the numbers).
     */
    private static void paintLabels(GraphicsContext gc, SupernetGraph graph, List<Label> labels, Transform t,
            Palette palette, double width, double height, double textScale) {
        double nodePx = nodeLabelPixels(t.scale(), textScale);
        double edgePx = Math.max(MIN_LABEL_PX - 1, Math.min(MAX_LABEL_PX - 3, 9.5 * t.scale())) * textScale;
        Font nodeFont = Font.font("System", FontWeight.NORMAL, nodePx);
        Font edgeFont = Font.font("System", edgePx);
        List<javafx.geometry.Rectangle2D> taken = new java.util.ArrayList<>();
        List<javafx.geometry.Rectangle2D> boxes = new java.util.ArrayList<>();
        for (GraphNode n : graph.nodes()) {
            double half = n.maxWidth() / 2;
            boxes.add(new javafx.geometry.Rectangle2D(n.x() * t.scale() + t.dx() - half * t.scale(),
                    (n.y() - SupernetGraph.NODE_HEIGHT / 2) * t.scale() + t.dy(), 2 * half * t.scale(),
                    SupernetGraph.NODE_HEIGHT * t.scale()));
        }
        List<Label> ordered = new java.util.ArrayList<>(labels);
        ordered.sort(java.util.Comparator.comparingInt(Label::priority));
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.CENTER);
        for (Label l : ordered) {
            if (!l.ofNode() && t.scale() < EDGE_LABEL_MIN_SCALE) {
                continue; // an overview: channel counts of edges would only crowd the node names
            }
            Font font = l.ofNode() ? nodeFont : edgeFont;
            javafx.geometry.Rectangle2D rect = null;
            String text = null;
            for (int k = 0; k < l.texts().size() && rect == null; k++) {
                text = l.texts().get(k);
                rect = place(l, text, font, t, taken, boxes, width, height);
            }
            if (rect == null) {
                continue;
            }
            taken.add(rect);
            if (l.ofNode() && !touches(rect, boxes.get(l.node()))) {
                leaderLine(gc, boxes.get(l.node()), rect, palette);
            }
            gc.setFont(font);
            haloText(gc, text, rect.getMinX() + rect.getWidth() / 2, rect.getMinY() + rect.getHeight() / 2, l.fill(),
                    palette.background());
        }
    }

    /**
     * Where a label's text goes on screen, or null when every spot would leave the canvas or overlap what is
     * taken. A node label tries above its node, then right, left and below; an edge label sits right of the
     * edge's middle.
     */
    static javafx.geometry.Rectangle2D place(Label l, String text, Font font, Transform t,
            List<javafx.geometry.Rectangle2D> taken, List<javafx.geometry.Rectangle2D> boxes, double width,
            double height) {
        double w = textWidth(text, font) + 8; // a little air between neighbouring labels
        double h = font.getSize() + 2;
        double sx = l.x() * t.scale() + t.dx();
        double sy = l.y() * t.scale() + t.dy();
        double[][] centres;
        if (l.ofNode()) {
            javafx.geometry.Rectangle2D box = boxes.get(l.node());
            double midY = box.getMinY() + box.getHeight() / 2;
            List<double[]> spots = new java.util.ArrayList<>(List.of(new double[] {sx, sy - h / 2 - 1},
                    new double[] {box.getMaxX() + w / 2 + 2, midY}, new double[] {box.getMinX() - w / 2 - 2, midY},
                    new double[] {sx, box.getMaxY() + h / 2 + 1}));
            // No room beside the node: farther out, each ring one line height away, tied back by a leader line
            // (a label left out had to be found by hovering, which a room watching a projector cannot do).
            // (Not for a node the view cuts: a leader line to the canvas edge would point at nothing seen.)
            boolean seen = box.getMinX() >= 0 && box.getMaxX() <= width && box.getMinY() >= 0
                    && box.getMaxY() <= height;
            for (int ring = 1; seen && ring <= FAR_RINGS; ring++) {
                double d = ring * h;
                spots.add(new double[] {box.getMaxX() + w / 2 + 2 + d, midY - d});
                spots.add(new double[] {box.getMinX() - w / 2 - 2 - d, midY - d});
                spots.add(new double[] {box.getMaxX() + w / 2 + 2 + d, midY + d});
                spots.add(new double[] {box.getMinX() - w / 2 - 2 - d, midY + d});
                spots.add(new double[] {box.getMaxX() + w / 2 + 2 + 2 * d, midY});
                spots.add(new double[] {box.getMinX() - w / 2 - 2 - 2 * d, midY});
            }
            centres = spots.toArray(new double[0][]);
        } else {
            centres = new double[][] {{sx + w / 2 + 3, sy}};
        }
        for (double[] c : centres) {
            var rect = new javafx.geometry.Rectangle2D(c[0] - w / 2, c[1] - h / 2, w, h);
            if (fits(rect, l, taken, boxes, width, height)) {
                return rect;
            }
        }
        return null;
    }

    private static boolean fits(javafx.geometry.Rectangle2D rect, Label l, List<javafx.geometry.Rectangle2D> taken,
            List<javafx.geometry.Rectangle2D> boxes, double width, double height) {
        if (rect.getMinX() < 0 || rect.getMaxX() > width || rect.getMinY() < 0 || rect.getMaxY() > height) {
            return false; // a cut label reads as another word
        }
        if (taken.stream().anyMatch(rect::intersects)) {
            return false;
        }
        for (int i = 0; i < boxes.size(); i++) {
            if (i != l.node() && boxes.get(i).intersects(rect)) {
                return false; // never over another node's box
            }
        }
        return true;
    }

    /** A node label's size on screen: grows with the zoom within its bounds, times the presenter's text factor. */
    public static double nodeLabelPixels(double zoom, double textScale) {
        return Math.max(MIN_LABEL_PX, Math.min(MAX_LABEL_PX, LABEL_SIZE * zoom)) * textScale;
    }

    /** True when a label sits right beside its node's box (no leader line needed). */
    static boolean touches(javafx.geometry.Rectangle2D label, javafx.geometry.Rectangle2D box) {
        double gapX = Math.max(0, Math.max(box.getMinX() - label.getMaxX(), label.getMinX() - box.getMaxX()));
        double gapY = Math.max(0, Math.max(box.getMinY() - label.getMaxY(), label.getMinY() - box.getMaxY()));
        return gapX <= 4 && gapY <= 4;
    }

    /** A thin line from a node's box to its label placed farther out, between their nearest points. */
    private static void leaderLine(GraphicsContext gc, javafx.geometry.Rectangle2D box,
            javafx.geometry.Rectangle2D label, Palette palette) {
        double lx = Math.max(label.getMinX() + 4, Math.min(label.getMaxX() - 4, box.getMinX() + box.getWidth() / 2));
        double ly = Math.max(label.getMinY(), Math.min(label.getMaxY(), box.getMinY() + box.getHeight() / 2));
        double bx = Math.max(box.getMinX(), Math.min(box.getMaxX(), lx));
        double by = Math.max(box.getMinY(), Math.min(box.getMaxY(), ly));
        gc.setStroke(palette.muted());
        gc.setLineWidth(1);
        gc.setLineDashes();
        gc.strokeLine(bx, by, lx, ly);
    }

    private static double textWidth(String text, Font font) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }

    private static void paintEdge(GraphicsContext gc, GraphFrame frame, int index, int maxEdge, Palette palette,
            List<Label> labels) {
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
        if (frame.graph().wraps(e)) {
            // Down out of the column, along its gutter, then in above the target in the next column.
            double gutter = frame.graph().gutterRightOf(a);
            double entry = y2 - 10;
            gc.lineTo(x1, y1 + 10);
            gc.lineTo(gutter, y1 + 10);
            gc.lineTo(gutter, entry);
            gc.lineTo(x2, entry);
            gc.lineTo(x2, y2);
            lx = gutter;
            ly = (y1 + 10 + entry) / 2;
        } else if (e.residual() && !viaSkipConv && Math.abs(b.rank() - a.rank()) > 1) {
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
        // Netron labels an edge with the tensor it carries: channels kept / supernet's, then height × width.
        int[] size = frame.edgeSize(index);
        labels.add(new Label(List.of(kept + "/" + total + " · " + size[0] + "×" + size[1], kept + "/" + total), lx, ly,
                -1, kept > 0 ? palette.muted()
                : palette.muted().deriveColor(0, 1, 1, 0.6), 2));
    }

    private static double halfHeight(GraphNode n) {
        return n.kind().junction() ? 8 : SupernetGraph.NODE_HEIGHT / 2;
    }

    private static void paintNode(GraphicsContext gc, GraphNode n, NodeState s, Palette palette, boolean selected,
            boolean hovered) {
        Color kind = Palette.of(n.kind());
        double h = SupernetGraph.NODE_HEIGHT;
        if (n.kind().junction()) {
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
        // What is left is a bar from the left edge of the supernet's box, so the share kept reads like a
        // progress bar; what the search removed stays as a hatched ghost of the same box.
        double w = keptWidth(n, s);
        if (w < maxW) {
            ghost(gc, left + w, top, maxW - w, h, kind, palette);
            gc.setStroke(kind.deriveColor(0, 1, s.removed() ? 0.9 : 1, 0.8));
            gc.setLineWidth(1.2);
            gc.setLineDashes(4, 3);
            gc.strokeRoundRect(left, top, maxW, h, 6, 6);
            gc.setLineDashes();
        }
        if (!s.removed()) {
            gc.setFill(palette.nodeFill(kind, s.opacity()));
            gc.fillRoundRect(left, top, w, h, 6, 6);
            gc.setStroke(palette.nodeOutline(kind));
            gc.setLineWidth(1);
            gc.strokeRoundRect(left, top, w, h, 6, 6);
            double alive = s.aliveFraction();
            if (!Double.isNaN(alive)) {
                // Weights alive: a track the width of the kept part, filled by the share alive.
                double barW = Math.max(4, w - 6);
                double barY = top + h - ALIVE_BAR - 2;
                gc.setFill(Color.rgb(0, 0, 0, 0.45));
                gc.fillRect(left + 3, barY, barW, ALIVE_BAR);
                gc.setFill(Color.rgb(255, 255, 255, 0.95));
                gc.fillRect(left + 3, barY, barW * alive, ALIVE_BAR);
            }
        }
        if (selected || hovered) {
            gc.setStroke(palette.selection());
            gc.setLineWidth(selected ? 2.5 : 1.2);
            gc.strokeRoundRect(left - 3, top - 3, maxW + 6, h + 6, 8, 8);
        }
    }

    /**
     * The drawn width of what is left of a node: its supernet width times the share of channels kept (at least
     * a sliver while anything is left), 0 when removed.
     */
    public static double keptWidth(GraphNode n, NodeState s) {
        return s.removed() ? 0 : Math.max(6, n.maxWidth() * s.channels() / Math.max(1, s.maxChannels()));
    }

    /**
     * A hatched, faint box: the part of a node the search removed. The hatch lines are cut to the box by hand:
     * a canvas clip costs a mask the size of the canvas and a blend per box in JavaFX's software renderer
     * (the largest single stall of the window during a run, docs/performance.md).
     */
    private static void ghost(GraphicsContext gc, double x, double y, double w, double h, Color kind,
            Palette palette) {
        gc.setFill(palette.ghostFill(kind));
        gc.fillRect(x, y, w, h);
        gc.setStroke(palette.ghostHatch(kind));
        gc.setLineWidth(1);
        for (double d = -h; d < w; d += 6) {
            // the 45° line (x + d + t, y + h - t), t in [0, h], kept where x <= x + d + t <= x + w
            double from = Math.max(0, -d);
            double to = Math.min(h, w - d);
            if (from < to) {
                gc.strokeLine(x + d + from, y + h - from, x + d + to, y + h - to);
            }
        }
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

    /**
     * A node's label and the shorter forms tried when it has no room: e.g. {@code dw 5×5 · 48/96}, then
     * {@code 5×5 · 48/96} (a bare count says nothing of which branch it is), then {@code 48/96}.
     */
    static List<String> labels(GraphNode n, NodeState s) {
        List<String> texts = new java.util.ArrayList<>(List.of(label(n, s)));
        String shorter = n.kind() == NodeKind.DEPTHWISE ? label(n, s).substring("dw ".length()) : null;
        String shortest = shortLabel(n, s);
        for (String t : java.util.Arrays.asList(shorter, shortest)) {
            if (t != null && !texts.contains(t)) {
                texts.add(t);
            }
        }
        return texts;
    }

    /** The label when the full one has no room: the channels kept, e.g. {@code 48/96}; null for input and add. */
    static String shortLabel(GraphNode n, NodeState s) {
        if (n.kind() == NodeKind.INPUT || n.kind().junction()) {
            return null;
        }
        return s.channels() == s.maxChannels() ? Integer.toString(s.channels()) : s.channels() + "/" + s.maxChannels();
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
            case SKIP -> "b" + n.block() + " skip" + (n.groups() > 1 ? " (" + n.groups() + " groups)" : "") + " · "
                    + channels;
            case ADD -> "+";
            case HEAD -> "head · " + channels;
            case DECODER -> "decoder skip · " + channels;
            case DECODER_JOIN -> "head ↑ + skip";
            case CLASSIFIER -> "classifier · " + channels;
        };
    }

    private static void haloText(GraphicsContext gc, String text, double x, double y, Color fill, Color halo) {
        gc.setStroke(halo.deriveColor(0, 1, 1, 0.9));
        gc.setLineWidth(3.5);
        gc.strokeText(text, x, y);
        gc.setFill(fill);
        gc.fillText(text, x, y);
    }
}
