package org.supertickets.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.ui.TestEvents;

/** Issue 32 item 3: the graph's side panel lists a node's attributes and tensors as Netron does. */
class NodePropertiesTest {

    private final Architecture net = TestEvents.SUPERNET;
    private final SupernetGraph graph = SupernetGraph.of(net, false);
    private final GraphFrame frame = GraphFrame.supernet(graph);

    private Map<String, String> rows(String layer) {
        GraphNode node = graph.nodes().stream().filter(n -> layer.equals(n.layer())).findFirst().orElseThrow();
        Map<String, String> rows = new LinkedHashMap<>();
        for (NodeProperties.Property p : NodeProperties.of(frame, node)) {
            rows.put(p.name(), p.value());
        }
        return rows;
    }

    @Test
    void aStridedDepthwiseBranchTakesTheExpandOutputAndHalvesIt() {
        BlockState strided = net.blocks().stream().filter(b -> b.stride() == 2).findFirst().orElseThrow();
        int k = strided.branches().get(strided.branches().size() - 1).kernelSize();
        int hidden = strided.branches().get(strided.branches().size() - 1).hiddenChannels();
        Map<String, String> rows = rows(Architecture.depthwiseName(strided, strided.branches().get(
                strided.branches().size() - 1)));
        assertEquals("depthwise k×k", rows.get("type"));
        assertEquals(k + "×" + k, rows.get("kernel"));
        assertEquals("2", rows.get("stride"));
        assertEquals(Integer.toString(hidden), rows.get("groups"), "depthwise: one group per channel");
        assertEquals("N×" + hidden + "×" + strided.inHeight() + "×" + strided.inWidth(), rows.get("input"));
        assertEquals("N×" + hidden + "×" + strided.inHeight() / 2 + "×" + strided.inWidth() / 2, rows.get("output"));
        assertEquals(hidden + "×1×" + k + "×" + k, rows.get("weight"));
        assertTrue(rows.get("weights alive").endsWith("(100.0 %)"), "the supernet before training: all alive");
    }

    @Test
    void theStemHalvesTheInputAndTheClassifierTakesThePooledHead() {
        Map<String, String> stem = rows("stem.conv");
        assertEquals("N×1×28×28", stem.get("input"), "Fashion-MNIST: one channel, 28×28");
        assertEquals("N×" + net.stemChannels() + "×14×14", stem.get("output"));
        assertEquals("2", stem.get("stride"));
        Map<String, String> classifier = rows("classifier");
        assertEquals("N×" + net.headChannels() + "×1×1", classifier.get("input"), "after global average pooling");
        assertEquals("N×10×1×1", classifier.get("output"));
        assertEquals("10×" + net.headChannels(), classifier.get("weight"));
    }

    @Test
    void everyEdgeCarriesItsSourcesOutputSize() {
        List<GraphEdge> edges = graph.edges();
        for (int i = 0; i < edges.size(); i++) {
            GraphNode to = graph.nodes().get(edges.get(i).to());
            int[] expected = to.kind() == NodeKind.CLASSIFIER ? new int[] {1, 1}
                    : frame.outSize(edges.get(i).from());
            assertEquals(List.of(expected[0], expected[1]), List.of(frame.edgeSize(i)[0], frame.edgeSize(i)[1]));
        }
    }
}
