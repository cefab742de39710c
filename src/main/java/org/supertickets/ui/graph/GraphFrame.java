package org.supertickets.ui.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.LayerShape;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;

/**
 * The supernet graph's state at one snapshot: channels kept per node, weights alive, importance of
 * branches, and channels per edge. Pure data; the painter draws it on the frozen layout.
 */
public final class GraphFrame {

    private final SupernetGraph graph;
    private final NodeState[] nodes;
    private final int[] edgeChannels;
    private final int[] edgeMaxChannels;
    private final long totalMacs;
    private final String caption;
    private final Architecture architecture;
    /** Each node's output height and width at this moment (the tensor N×C×H×W it hands on). */
    private final int[][] outSizes;

    private GraphFrame(SupernetGraph graph, NodeState[] nodes, long totalMacs, String caption,
            Architecture architecture) {
        this.graph = graph;
        this.nodes = nodes;
        this.totalMacs = totalMacs;
        this.caption = caption;
        this.architecture = architecture;
        outSizes = new int[nodes.length][];
        for (GraphNode n : graph.nodes()) {
            outSizes[n.id()] = outSize(architecture, n);
        }
        List<GraphEdge> edges = graph.edges();
        edgeChannels = new int[edges.size()];
        edgeMaxChannels = new int[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            GraphEdge e = edges.get(i);
            NodeState from = nodes[e.from()];
            NodeState to = nodes[e.to()];
            GraphNode target = graph.nodes().get(e.to());
            // An edge into a branch carries that branch's slice of the expand output; others carry the source.
            boolean intoBranch = target.kind() == NodeKind.DEPTHWISE;
            int channels = intoBranch ? to.channels() : from.channels();
            edgeChannels[i] = from.removed() || to.removed() ? 0 : channels;
            edgeMaxChannels[i] = intoBranch ? to.maxChannels() : from.maxChannels();
        }
    }

    public SupernetGraph graph() {
        return graph;
    }

    public NodeState node(int id) {
        return nodes[id];
    }

    public int edgeChannels(int edge) {
        return edgeChannels[edge];
    }

    public int edgeMaxChannels(int edge) {
        return edgeMaxChannels[edge];
    }

    /** The network at this moment (the search has shrunk it since the supernet). */
    public Architecture architecture() {
        return architecture;
    }

    /** A node's output height and width, e.g. {@code {14, 14}}. */
    public int[] outSize(int node) {
        return outSizes[node].clone();
    }

    /**
     * The height and width of what an edge carries: its source's output, except into a classification network's
     * classifier, which takes the head's output after global average pooling (1×1).
     */
    public int[] edgeSize(int edge) {
        GraphEdge e = graph.edges().get(edge);
        if (graph.nodes().get(e.to()).kind() == NodeKind.CLASSIFIER && !architecture.segments()) {
            return new int[] {1, 1};
        }
        return outSize(e.from());
    }

    private static int[] outSize(Architecture net, GraphNode n) {
        BlockState block = n.block() < 0 ? null : net.blocks().stream().filter(b -> b.index() == n.block())
                .findFirst().orElse(null);
        return switch (n.kind()) {
            case INPUT -> new int[] {net.inHeight(), net.inWidth()};
            case STEM -> {
                LayerShape stem = net.layers().get(0);
                yield new int[] {stem.outHeight(), stem.outWidth()};
            }
            case EXPAND -> block == null ? new int[] {0, 0} : new int[] {block.inHeight(), block.inWidth()};
            case DEPTHWISE, PROJECT, SKIP, ADD -> block == null ? new int[] {0, 0}
                    : new int[] {block.outHeight(), block.outWidth()};
            case HEAD -> new int[] {net.featureHeight(), net.featureWidth()};
            case DECODER, DECODER_JOIN -> new int[] {net.decoderHeight(), net.decoderWidth()};
            case CLASSIFIER -> net.segments() ? new int[] {net.decoderHeight(), net.decoderWidth()}
                    : new int[] {1, 1};
        };
    }

    /** Dense MACs of the whole network at this moment. */
    public long totalMacs() {
        return totalMacs;
    }

    /** E.g. "snapshot 3 · prune · epoch 1.50". */
    public String caption() {
        return caption;
    }

    /** The supernet before training: everything alive, no importance known (full opacity). */
    public static GraphFrame supernet(SupernetGraph graph) {
        return of(graph, graph.supernet(), Map.of(), "supernet (before training)");
    }

    /** The state of a snapshot on the supernet's layout. */
    public static GraphFrame of(SupernetGraph graph, ConnectivitySnapshot snapshot, String caption) {
        Map<String, LayerSnapshot> layers = new HashMap<>();
        for (LayerSnapshot l : snapshot.layers()) {
            layers.put(l.name(), l);
        }
        return of(graph, snapshot.architecture(), layers, caption);
    }

    private static GraphFrame of(SupernetGraph graph, Architecture now, Map<String, LayerSnapshot> layers,
            String caption) {
        Map<String, LayerShape> shapes = new HashMap<>();
        long total = 0;
        for (LayerShape s : now.layers()) {
            shapes.put(s.name(), s);
            total += s.macs();
        }
        Map<Integer, BlockState> blocks = new HashMap<>();
        for (BlockState b : now.blocks()) {
            blocks.put(b.index(), b);
        }
        NodeState[] states = new NodeState[graph.nodes().size()];
        for (GraphNode n : graph.nodes()) {
            BlockState block = blocks.get(n.block());
            int channels = switch (n.kind()) {
                case INPUT -> now.inChannels();
                case STEM -> now.stemChannels();
                case EXPAND -> block == null ? 0 : block.hiddenChannels();
                case DEPTHWISE -> block == null ? 0 : branch(block, n.kernel()).hiddenChannels();
                case PROJECT -> block == null || block.bodyRemoved() ? 0 : block.outChannels();
                case SKIP, ADD -> block == null ? 0 : block.outChannels();
                case HEAD -> now.headChannels();
                // the projection outputs the head's channels, and the join adds the two
                case DECODER, DECODER_JOIN -> now.segments() ? now.headChannels() : 0;
                case CLASSIFIER -> now.classes();
            };
            LayerShape shape = n.layer() == null ? null : shapes.get(n.layer());
            LayerSnapshot snap = n.layer() == null ? null : layers.get(n.layer());
            long weights = shape == null ? 0 : shape.weightCount();
            long kept = snap != null ? snap.kept() : weights;
            long macs = shape == null ? 0 : shape.macs();
            long keptMacs = snap != null ? snap.keptMacs() : macs;
            double share = Double.NaN;
            double opacity = 1;
            if (n.kind() == NodeKind.DEPTHWISE && block != null && !layers.isEmpty()) {
                double mine = 0;
                double sum = 0;
                for (BranchState br : block.branches()) {
                    LayerSnapshot ls = layers.get(Architecture.depthwiseName(block, br));
                    double s = ls == null ? 0 : sumAbs(ls.importance());
                    sum += s;
                    if (br.kernelSize() == n.kernel()) {
                        mine = s;
                    }
                }
                share = sum > 0 ? mine / sum : 0;
                opacity = 0.2 + 0.8 * share;
            }
            states[n.id()] = new NodeState(channels, n.maxChannels(), weights, kept, macs, keptMacs, share, opacity);
        }
        return new GraphFrame(graph, states, total, caption, now);
    }

    private static BranchState branch(BlockState block, int kernel) {
        for (BranchState b : block.branches()) {
            if (b.kernelSize() == kernel) {
                return b;
            }
        }
        return new BranchState(kernel, 0, 0);
    }

    private static double sumAbs(float[] values) {
        double s = 0;
        if (values != null) {
            for (float v : values) {
                s += Math.abs(v);
            }
        }
        return s;
    }
}
