package org.supertickets.ui.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * The supernet as a layered graph, laid out once: a node per weight layer (stem, expand, each depthwise
 * branch, project, skip, head, classifier) plus input and residual-add junctions. Layers come from a
 * longest-path layering of the DAG, nodes keep their supernet positions for the whole run, so nothing jumps
 * while the subnet thins out. Cost is linear in the number of nodes; no background thread is needed.
 */
public final class SupernetGraph {

    /** Vertical distance between layers. */
    public static final double LAYER_GAP = 46;
    /** Node height. */
    public static final double NODE_HEIGHT = 22;
    /** Narrowest node (a layer with few channels must stay visible and clickable). */
    public static final double MIN_WIDTH = 34;
    /** Widest node (the layer with the most channels in the supernet). */
    public static final double MAX_WIDTH = 190;
    /** Horizontal room per node in a layer (labels need it even for narrow nodes). */
    public static final double MIN_SLOT = 128;
    static final double MARGIN = 24;
    /** Room on the right for residual edges routed around block bodies. */
    static final double RESIDUAL_ROOM = 70;

    private final Architecture supernet;
    private final List<GraphNode> nodes;
    private final List<GraphEdge> edges;
    private final double width;
    private final double height;

    private SupernetGraph(Architecture supernet, List<GraphNode> nodes, List<GraphEdge> edges, double width,
            double height) {
        this.supernet = supernet;
        this.nodes = nodes;
        this.edges = edges;
        this.width = width;
        this.height = height;
    }

    public Architecture supernet() {
        return supernet;
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    public List<GraphEdge> edges() {
        return edges;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The node whose supernet box contains the point (layout units), or null. */
    public GraphNode nodeAt(double x, double y) {
        for (GraphNode n : nodes) {
            double half = Math.max(n.maxWidth(), 24) / 2;
            if (Math.abs(x - n.x()) <= half && Math.abs(y - n.y()) <= NODE_HEIGHT / 2 + 2) {
                return n;
            }
        }
        return null;
    }

    public GraphNode nodeOfLayer(String layer) {
        return nodes.stream().filter(n -> layer.equals(n.layer())).findFirst().orElse(null);
    }

    /** Builds and lays out the graph of a supernet. */
    public static SupernetGraph of(Architecture supernet) {
        Builder b = new Builder();
        int input = b.node(NodeKind.INPUT, null, -1, 0, supernet.inChannels());
        int stem = b.node(NodeKind.STEM, "stem.conv", -1, 0, supernet.stemChannels());
        b.edge(input, stem, false);
        int current = stem;
        for (BlockState block : supernet.blocks()) {
            String p = block.prefix();
            int expand = b.node(NodeKind.EXPAND, p + ".expand", block.index(), 0, block.maxHiddenChannels());
            b.edge(current, expand, false);
            List<Integer> branches = new ArrayList<>();
            for (BranchState branch : block.branches()) {
                int dw = b.node(NodeKind.DEPTHWISE, Architecture.depthwiseName(block, branch), block.index(),
                        branch.kernelSize(), branch.maxChannels());
                b.edge(expand, dw, false);
                branches.add(dw);
            }
            int skip = -1;
            if (!block.identitySkip()) {
                skip = b.node(NodeKind.SKIP, p + ".skip", block.index(), 0, block.outChannels());
                b.edge(current, skip, true);
                // Place the skip conv beside the branches rather than beside the expand conv: same data
                // dependencies, a cleaner picture.
                b.minRank(skip, expand, 1);
            }
            int project = b.node(NodeKind.PROJECT, p + ".project", block.index(), 0, block.outChannels());
            for (int dw : branches) {
                b.edge(dw, project, false);
            }
            int add = b.node(NodeKind.ADD, null, block.index(), 0, block.outChannels());
            b.edge(project, add, false);
            b.edge(skip >= 0 ? skip : current, add, true);
            current = add;
        }
        int head = b.node(NodeKind.HEAD, "head.conv", -1, 0, supernet.headChannels());
        b.edge(current, head, false);
        int classifier = b.node(NodeKind.CLASSIFIER, "classifier", -1, 0, supernet.classes());
        b.edge(head, classifier, false);
        return b.layout(supernet);
    }

    /** Width of a node with {@code channels} channels: proportional, between the min and max widths. */
    public double widthFor(int channels) {
        int max = nodes.stream().filter(n -> n.kind() != NodeKind.ADD).mapToInt(GraphNode::maxChannels).max()
                .orElse(1);
        return widthFor(channels, max);
    }

    static double widthFor(int channels, int maxChannels) {
        if (channels <= 0) {
            return 0;
        }
        return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * channels / Math.max(1, maxChannels);
    }

    private static final class Builder {
        private final List<NodeKind> kinds = new ArrayList<>();
        private final List<String> layers = new ArrayList<>();
        private final List<int[]> meta = new ArrayList<>(); // block, kernel, channels
        private final List<GraphEdge> edges = new ArrayList<>();
        private final List<int[]> minRanks = new ArrayList<>(); // node, relativeTo, offset

        int node(NodeKind kind, String layer, int block, int kernel, int channels) {
            kinds.add(kind);
            layers.add(layer);
            meta.add(new int[] {block, kernel, channels});
            return kinds.size() - 1;
        }

        void edge(int from, int to, boolean residual) {
            edges.add(new GraphEdge(from, to, residual));
        }

        void minRank(int node, int relativeTo, int offset) {
            minRanks.add(new int[] {node, relativeTo, offset});
        }

        SupernetGraph layout(Architecture supernet) {
            int n = kinds.size();
            // Longest-path layering; nodes were created in topological order, so one pass suffices.
            int[] rank = new int[n];
            for (int v = 0; v < n; v++) {
                for (GraphEdge e : edges) {
                    if (e.to() == v) {
                        rank[v] = Math.max(rank[v], rank[e.from()] + 1);
                    }
                }
                for (int[] c : minRanks) {
                    if (c[0] == v) {
                        rank[v] = Math.max(rank[v], rank[c[1]] + c[2]);
                    }
                }
                // A node lower than its rank forces its successors down too (handled as they come).
            }
            int ranks = Arrays.stream(rank).max().orElse(0) + 1;
            int maxChannels = 1;
            for (int v = 0; v < n; v++) {
                if (kinds.get(v) != NodeKind.ADD) {
                    maxChannels = Math.max(maxChannels, meta.get(v)[2]);
                }
            }
            double[] widths = new double[n];
            for (int v = 0; v < n; v++) {
                widths[v] = kinds.get(v) == NodeKind.ADD ? 16 : widthFor(meta.get(v)[2], maxChannels);
            }
            List<List<Integer>> byRank = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                byRank.add(new ArrayList<>());
            }
            for (int v = 0; v < n; v++) {
                byRank.get(rank[v]).add(v);
            }
            double widest = 0;
            double[] rowWidth = new double[ranks];
            for (int r = 0; r < ranks; r++) {
                for (int v : byRank.get(r)) {
                    rowWidth[r] += Math.max(MIN_SLOT, widths[v] + 16);
                }
                widest = Math.max(widest, rowWidth[r]);
            }
            double centre = MARGIN + widest / 2;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int r = 0; r < ranks; r++) {
                double x = centre - rowWidth[r] / 2;
                for (int v : byRank.get(r)) {
                    double slot = Math.max(MIN_SLOT, widths[v] + 16);
                    xs[v] = x + slot / 2;
                    ys[v] = MARGIN + NODE_HEIGHT / 2 + r * LAYER_GAP;
                    x += slot;
                }
            }
            List<GraphNode> nodes = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                int[] m = meta.get(v);
                nodes.add(new GraphNode(v, kinds.get(v), layers.get(v), m[0], m[1], rank[v], xs[v], ys[v], m[2],
                        widths[v]));
            }
            double width = 2 * MARGIN + widest + RESIDUAL_ROOM;
            double height = 2 * MARGIN + NODE_HEIGHT + (ranks - 1) * LAYER_GAP;
            return new SupernetGraph(supernet, Collections.unmodifiableList(nodes), List.copyOf(edges), width,
                    height);
        }
    }
}
