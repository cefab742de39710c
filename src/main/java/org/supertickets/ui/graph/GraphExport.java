package org.supertickets.ui.graph;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * The whole connectivity graph of a frame as a file: PNG (the canvas painter at a fixed scale, FX thread) or
 * SVG (written from the layout model: boxes, ghosts, alive bars, edges and labels, editable in any vector tool).
 */
public final class GraphExport {

    /** Pixels per layout unit of an exported PNG (sharp when printed or zoomed). */
    public static final double PNG_SCALE = 2;

    private GraphExport() {
    }

    /** The graph painted whole at {@link #PNG_SCALE}, encoded as PNG (call on the FX thread). */
    public static byte[] png(GraphFrame frame, boolean dark) {
        SupernetGraph g = frame.graph();
        Canvas canvas = new Canvas(Math.ceil(g.width() * PNG_SCALE), Math.ceil(g.height() * PNG_SCALE));
        GraphPainter.paint(canvas.getGraphicsContext2D(), frame, new GraphPainter.Transform(PNG_SCALE, 0, 0),
                canvas.getWidth(), canvas.getHeight(), new Palette(dark), -1, -1);
        WritableImage image = canvas.snapshot(null, null);
        BufferedImage argb = SwingFXUtils.fromFXImage(image, null);
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(argb, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(rgb, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: cannot happen
        }
        return out.toByteArray();
    }

    /** The graph as an SVG document in layout units. */
    public static byte[] svg(GraphFrame frame, boolean dark) {
        SupernetGraph g = frame.graph();
        Palette palette = new Palette(dark);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
                + " viewBox=\"0 0 %.1f %.1f\" font-family=\"sans-serif\">%n", g.width(), g.height(), g.width(),
                g.height()));
        sb.append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\""
                + " stroke-opacity=\"0.6\"/></pattern></defs>\n");
        sb.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>%n",
                hex(palette.background())));
        List<GraphEdge> edges = g.edges();
        int maxEdge = 1;
        for (int i = 0; i < edges.size(); i++) {
            maxEdge = Math.max(maxEdge, frame.edgeMaxChannels(i));
        }
        for (int i = 0; i < edges.size(); i++) {
            edge(sb, frame, i, maxEdge, palette);
        }
        for (GraphNode n : g.nodes()) {
            node(sb, n, frame.node(n.id()), palette);
        }
        sb.append("</svg>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void edge(StringBuilder sb, GraphFrame frame, int i, int maxEdge, Palette palette) {
        SupernetGraph g = frame.graph();
        GraphEdge e = g.edges().get(i);
        GraphNode a = g.nodes().get(e.from());
        GraphNode b = g.nodes().get(e.to());
        double y1 = a.y() + (a.kind().junction() ? 8 : SupernetGraph.NODE_HEIGHT / 2);
        double y2 = b.y() - (b.kind().junction() ? 8 : SupernetGraph.NODE_HEIGHT / 2);
        String d;
        if (g.wraps(e)) {
            double gutter = g.gutterRightOf(a);
            d = String.format(Locale.ROOT, "M%.1f %.1f V%.1f H%.1f V%.1f H%.1f V%.1f", a.x(), y1, y1 + 10, gutter,
                    y2 - 10, b.x(), y2);
        } else {
            d = String.format(Locale.ROOT, "M%.1f %.1f L%.1f %.1f", a.x(), y1, b.x(), y2);
        }
        int kept = frame.edgeChannels(i);
        String dash = kept <= 0 ? " stroke-dasharray=\"3 4\"" : e.residual() ? " stroke-dasharray=\"7 4\"" : "";
        sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-opacity=\"%.2f\""
                + " stroke-width=\"%.2f\"%s><title>%d/%d channels</title></path>%n", d,
                hex(kept > 0 ? palette.edge() : palette.muted()), kept > 0 ? 0.85 : 0.45,
                kept > 0 ? GraphPainter.edgeWidth(kept, maxEdge) : 1, dash, kept, frame.edgeMaxChannels(i)));
    }

    private static void node(StringBuilder sb, GraphNode n, NodeState s, Palette palette) {
        if (n.kind().junction()) {
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\" fill=\"%s\" stroke=\"%s\""
                    + " stroke-width=\"1.5\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\""
                    + " dominant-baseline=\"central\" fill=\"%s\">+</text>%n", n.x(), n.y(),
                    hex(palette.background()), hex(palette.edge()), n.x(), n.y(), hex(palette.edge())));
            return;
        }
        Color kind = Palette.of(n.kind());
        double h = SupernetGraph.NODE_HEIGHT;
        double left = n.x() - n.maxWidth() / 2;
        double top = n.y() - h / 2;
        double w = GraphPainter.keptWidth(n, s);
        sb.append("<g>");
        if (w < n.maxWidth()) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\""
                    + " fill=\"url(#hatch)\" stroke=\"%s\" stroke-dasharray=\"4 3\" stroke-width=\"1.2\"/>",
                    left, top, n.maxWidth(), h, hex(kind)));
        }
        if (!s.removed()) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\""
                    + " fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"%s\"/>", left, top, w, h, hex(kind), s.opacity(),
                    hex(kind.darker())));
            double alive = s.aliveFraction();
            if (!Double.isNaN(alive)) {
                double barW = Math.max(4, w - 6);
                double barY = top + h - GraphPainter.ALIVE_BAR - 2;
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                        + " fill=\"#000\" fill-opacity=\"0.45\"/><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                        + " height=\"%.1f\" fill=\"#fff\"/>", left + 3, barY, barW, GraphPainter.ALIVE_BAR, left + 3,
                        barY, barW * alive, GraphPainter.ALIVE_BAR));
            }
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\""
                + " fill=\"%s\">%s</text><title>%s</title></g>%n", n.x(), top - 3,
                hex(s.removed() ? palette.muted() : palette.text()), escape(GraphPainter.label(n, s)),
                escape(n.layer() == null ? n.kind().label() : n.layer())));
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
