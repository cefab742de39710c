package org.supertickets.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.SnapshotBuilder;
import org.supertickets.ui.TestEvents;

/**
 * The graph of a segmentation network draws its decoder: the skip block's output into {@code decoder.skip}, joined
 * with the head (upsampled), then the classifier at every pixel; the decoder's weights thin out like any conv's.
 */
class SegmentationGraphTest {

    private static Architecture demo() throws Exception {
        return Architecture.supernet(ConfigIo.read(Path.of("sample-configs/segmentation-demo.json")));
    }

    private static List<GraphNode> into(SupernetGraph g, GraphNode target) {
        return g.edges().stream().filter(e -> e.to() == target.id()).map(e -> g.nodes().get(e.from())).toList();
    }

    @Test
    void theDecoderSkipIsFedByTheSkipBlocksOutputAndJoinedWithTheHead() throws Exception {
        Architecture net = demo();
        for (boolean columns : new boolean[] {false, true}) {
            SupernetGraph g = SupernetGraph.of(net, columns);
            GraphNode decoder = g.nodeOfLayer(Architecture.DECODER_SKIP);
            assertNotNull(decoder, "a node for decoder.skip");
            assertEquals(NodeKind.DECODER, decoder.kind());
            GraphNode source = into(g, decoder).get(0);
            assertEquals(NodeKind.ADD, source.kind(), "the output of a block");
            assertEquals(net.decoderSkipBlock(), source.block());

            GraphNode head = g.nodeOfLayer("head.conv");
            GraphNode classifier = g.nodeOfLayer("classifier");
            List<GraphNode> feeding = into(g, classifier);
            assertEquals(1, feeding.size());
            GraphNode join = feeding.get(0);
            assertEquals(NodeKind.DECODER_JOIN, join.kind());
            assertEquals(List.of(head, decoder), into(g, join));
            assertEquals(head.rank(), decoder.rank(), "the projection stands beside the head");
            assertTrue(classifier.rank() > join.rank());
        }
    }

    @Test
    void aClassificationGraphHasNoDecoder() {
        SupernetGraph g = SupernetGraph.of(TestEvents.SUPERNET);
        assertNull(g.nodeOfLayer(Architecture.DECODER_SKIP));
        assertTrue(g.nodes().stream().noneMatch(n -> n.kind() == NodeKind.DECODER_JOIN));
        GraphNode classifier = g.nodeOfLayer("classifier");
        assertEquals(List.of(g.nodeOfLayer("head.conv")), into(g, classifier));
    }

    @Test
    void thePrunedDecoderShowsItsWeightsAliveAndItsMacs() throws Exception {
        Architecture net = demo();
        SupernetGraph g = SupernetGraph.of(net);
        ConnectivitySnapshot full = SnapshotBuilder.build(NetworkInitializer.initialize(net, 1), 10, 1, "prune",
                false);
        List<LayerSnapshot> layers = full.layers().stream().map(l -> !l.name().equals(Architecture.DECODER_SKIP) ? l
                : new LayerSnapshot(l.name(), l.kind(), l.shape(), l.total(), l.total() / 4, l.macs(), l.macs() / 4,
                        l.channelOrigins(), l.importance(), l.mask(), l.weights(), l.weightScale())).toList();
        GraphFrame frame = GraphFrame.of(g, new ConnectivitySnapshot(10, 1, "prune", net, layers), "pruned");
        GraphNode decoder = g.nodeOfLayer(Architecture.DECODER_SKIP);
        NodeState s = frame.node(decoder.id());
        assertEquals(net.headChannels(), s.channels());
        assertEquals(0.25, s.aliveFraction(), 1e-9);
        String tip = GraphViewModel.describe(frame, decoder);
        assertTrue(tip.contains("decoder.skip (decoder skip 1×1)"), tip);
        assertTrue(tip.contains("alive (25.0%)"), tip);
        assertEquals("decoder skip · " + net.headChannels(), GraphPainter.label(decoder, s));

        GraphNode join = g.nodes().stream().filter(n -> n.kind() == NodeKind.DECODER_JOIN).findFirst().orElseThrow();
        assertFalse(frame.node(join.id()).removed());
        assertTrue(GraphViewModel.describe(frame, join).contains("upsampled (bilinear) to 16×16"),
                GraphViewModel.describe(frame, join));
        assertTrue(GraphViewModel.describe(frame, g.nodeOfLayer("classifier")).contains("runs at every pixel"));
    }
}
