package org.supertickets.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.ui.TestEvents;

/** The compact layout and the SVG export, from the layout model alone (issue 11, item 6). */
class GraphLayoutTest {

    @Test
    void theColumnLayoutPutsEachBlockInItsOwnColumnAndIsWiderThanTall() throws Exception {
        Architecture quickstart = Architecture.supernet(ConfigIo.read(Path.of("sample-configs/quickstart.json")));
        SupernetGraph tall = SupernetGraph.of(quickstart);
        SupernetGraph wide = SupernetGraph.of(quickstart, true);
        assertTrue(tall.height() > tall.width(), "top to bottom");
        assertTrue(wide.width() > 2 * wide.height(), "a column per block: " + wide.width() + "x" + wide.height());
        assertTrue(wide.height() < tall.height() / 2);
        // On a 1600x600 graph pane the columns show the whole net larger than the single column does.
        assertTrue(GraphPainter.fit(wide, 1600, 600, 9).scale() > GraphPainter.fit(tall, 1600, 600, 9).scale());
        for (GraphNode a : wide.nodes()) {
            assertTrue(a.x() - a.maxWidth() / 2 >= 0 && a.x() + a.maxWidth() / 2 <= wide.width());
            assertTrue(a.y() >= 0 && a.y() <= wide.height());
            for (GraphNode b : wide.nodes()) {
                if (a.id() < b.id()) {
                    boolean apart = Math.abs(a.x() - b.x()) >= (Math.max(a.maxWidth(), 16) + Math.max(b.maxWidth(), 16))
                            / 2 || Math.abs(a.y() - b.y()) >= SupernetGraph.NODE_HEIGHT;
                    assertTrue(apart, "nodes " + a.layer() + " and " + b.layer() + " overlap");
                }
            }
        }
        long wraps = wide.edges().stream().filter(wide::wraps).count();
        assertEquals(2 * (quickstart.blocks().size() - 1), wraps, "the main and the residual path to each next block");
        assertEquals(0, tall.edges().stream().filter(tall::wraps).count());
    }

    @Test
    void theOfficialGroupedSkipConvSaysItsGroups() throws Exception {
        // fashion-mnist-official's first block: 16 -> 24 channels, so gcd 8 groups; the dense skip says nothing.
        Architecture official = Architecture.supernet(
                ConfigIo.read(Path.of("sample-configs/fashion-mnist-official.json")));
        Architecture dense = Architecture.supernet(ConfigIo.read(Path.of("sample-configs/fashion-mnist.json")));
        GraphNode grouped = skipOfBlock0(SupernetGraph.of(official));
        GraphNode plain = skipOfBlock0(SupernetGraph.of(dense));
        assertEquals(8, grouped.groups());
        assertTrue(GraphPainter.label(grouped, full(grouped)).startsWith("b0 skip (8 groups) · 24"),
                GraphPainter.label(grouped, full(grouped)));
        assertEquals(1, plain.groups());
        assertEquals("b0 skip · 24", GraphPainter.label(plain, full(plain)));
    }

    @Test
    void aBranchWithoutRoomForItsWholeLabelKeepsItsKernelBeforeFallingBackToTheCount() throws Exception {
        // issue 30: branch labels were cut straight to a bare channel count ("16"), which names no branch
        SupernetGraph graph = SupernetGraph.of(Architecture.supernet(
                ConfigIo.read(Path.of("sample-configs/quickstart.json"))));
        GraphNode dw = graph.nodes().stream().filter(n -> n.kind() == NodeKind.DEPTHWISE && n.kernel() == 5)
                .findFirst().orElseThrow();
        int c = dw.maxChannels();
        assertEquals(java.util.List.of("dw 5×5 · " + c, "5×5 · " + c, Integer.toString(c)),
                GraphPainter.labels(dw, full(dw)));
        GraphNode stem = graph.nodes().stream().filter(n -> n.kind() == NodeKind.STEM).findFirst().orElseThrow();
        assertEquals(java.util.List.of("stem · 8", "8"), GraphPainter.labels(stem, full(stem)));
    }

    private static NodeState full(GraphNode n) {
        return new NodeState(n.maxChannels(), n.maxChannels(), 1, 1, 1, 1, Double.NaN, 1);
    }

    private static GraphNode skipOfBlock0(SupernetGraph graph) {
        return graph.nodes().stream().filter(n -> n.kind() == NodeKind.SKIP && n.block() == 0).findFirst()
                .orElseThrow();
    }

    @Test
    void whatIsLeftOfANodeIsDrawnInProportionAndARemovedNodeOnlyAsAGhost() {
        SupernetGraph graph = SupernetGraph.of(TestEvents.SUPERNET);
        GraphFrame frame = GraphFrame.of(graph, TestEvents.shrunk(10, 1), "shrink");
        GraphNode halved = graph.nodeOfLayer("blocks.0.dw.k3");
        assertEquals(halved.maxWidth() / 2, GraphPainter.keptWidth(halved, frame.node(halved.id())), 1.0);
        GraphNode removed = graph.nodeOfLayer("blocks.1.dw.k5");
        assertEquals(0, GraphPainter.keptWidth(removed, frame.node(removed.id())));
        GraphNode whole = graph.nodeOfLayer("head.conv");
        assertEquals(whole.maxWidth(), GraphPainter.keptWidth(whole, frame.node(whole.id())), 1e-9);
        // One channel of 48 gone still shows: the ghost is 1/48 of the box, not rounded away.
        NodeState oneLess = new NodeState(47, 48, 1, 1, 1, 1, Double.NaN, 1);
        GraphNode wide = new GraphNode(0, NodeKind.EXPAND, "x", 0, 0, 0, 0, 0, 48, 190, 1);
        assertEquals(190.0 / 48, wide.maxWidth() - GraphPainter.keptWidth(wide, oneLess), 1e-9);
    }

    @Test
    void theSvgExportDrawsEveryNodeAndGhostsWhatTheSearchRemoved() {
        SupernetGraph graph = SupernetGraph.of(TestEvents.SUPERNET);
        GraphFrame frame = GraphFrame.of(graph, TestEvents.shrunk(10, 1), "shrink");
        String svg = new String(GraphExport.svg(frame, false), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg"));
        assertTrue(svg.contains("dw 5×5 · 0/"), "the removed branch is labelled");
        long ghosts = svg.split("url\\(#hatch\\)", -1).length - 1;
        // The removed and the halved branch, and the expand convs of their blocks, which shrank with them.
        assertEquals(4, ghosts, "hatched ghosts");
        assertFalse(svg.contains("NaN"));
    }
}
