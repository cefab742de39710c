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
 * branch, project, skip, head, classifier; for segmentation the decoder's skip projection) plus input, residual-add
 * and decoder-join junctions. Layers come from a
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
    /** Between block columns: the gutter where an edge climbs to the next block. */
    static final double COLUMN_GAP = 40;
    /** Above the columns: where edges run from one column's gutter to the next column's first node. */
    static final double WRAP_ROOM = 24;

    private final Architecture supernet;
    private final List<GraphNode> nodes;
    private final List<GraphEdge> edges;
    private final double width;
    private final double height;
    private final boolean columns;
    private final double[] gutterRight;
    private final int[] column;

    private SupernetGraph(Architecture supernet, List<GraphNode> nodes, List<GraphEdge> edges, double width,
            double height, boolean columns, double[] gutterRight, int[] column) {
        this.gutterRight = gutterRight;
        this.column = column;
        this.supernet = supernet;
        this.nodes = nodes;
        this.edges = edges;
        this.width = width;
        this.height = height;
        this.columns = columns;
    }

    /** Whether blocks stand side by side in columns (the compact layout for wide screens). */
    public boolean columns() {
        return columns;
    }

    /**
     * Whether an edge leaves its column for the next one (then it is drawn down out of its node, through the
     * gutter between the columns, and in above its target, not across the blocks).
     */
    public boolean wraps(GraphEdge e) {
        return column[e.from()] != column[e.to()];
    }

    /** The x of the gutter right of a node's column (where a wrapping edge climbs). */
    public double gutterRightOf(GraphNode node) {
        return gutterRight[node.id()];
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

    /** Builds and lays out the graph of a supernet, top to bottom. */
    public static SupernetGraph of(Architecture supernet) {
        return of(supernet, false);
    }

    /**
     * Builds and lays out the graph of a supernet: top to bottom, or with a column per block (input and stem
     * above the first block, head and classifier below the last).
     */
    public static SupernetGraph of(Architecture supernet, boolean columns) {
        Builder b = new Builder();
        int input = b.node(NodeKind.INPUT, null, -1, 0, supernet.inChannels());
        int stem = b.node(NodeKind.STEM, "stem.conv", -1, 0, supernet.stemChannels());
        b.edge(input, stem, false);
        int current = stem;
        // Segmentation's decoder reads the output of this block (the stem's when -1).
        int decoderSkipBlock = supernet.segments() ? supernet.decoderSkipBlock() : Integer.MIN_VALUE;
        int decoderSource = decoderSkipBlock == -1 ? stem : -1;
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
                b.groups(skip, supernet.skipGroups(block));
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
            if (block.index() == decoderSkipBlock) {
                decoderSource = add;
            }
        }
        int head = b.node(NodeKind.HEAD, "head.conv", -1, 0, supernet.headChannels());
        b.edge(current, head, false);
        int into = head;
        if (supernet.segments()) {
            // The decoder: the skip's 1×1 projection beside the head, the head upsampled to the skip's resolution
            // and added to it, then the classifier at every pixel. The skip is a long edge, dashed like a residual.
            int decoder = b.node(NodeKind.DECODER, Architecture.DECODER_SKIP, -1, 0, supernet.headChannels());
            b.edge(decoderSource, decoder, true);
            b.minRank(decoder, head, 0);
            int join = b.node(NodeKind.DECODER_JOIN, null, -1, 0, supernet.headChannels());
            b.edge(head, join, false);
            b.edge(decoder, join, false);
            into = join;
        }
        // created last: the layering ranks nodes in the order they were made, each after its inputs
        int classifier = b.node(NodeKind.CLASSIFIER, "classifier", -1, 0, supernet.classes());
        b.edge(into, classifier, false);
        return b.layout(supernet, columns);
    }

    /** Width of a node with {@code channels} channels: proportional, between the min and max widths. */
    public double widthFor(int channels) {
        int max = nodes.stream().filter(n -> !n.kind().junction()).mapToInt(GraphNode::maxChannels).max()
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
        private final List<int[]> meta = new ArrayList<>(); // block, kernel, channels, groups
        private final List<GraphEdge> edges = new ArrayList<>();
        private final List<int[]> minRanks = new ArrayList<>(); // node, relativeTo, offset

        int node(NodeKind kind, String layer, int block, int kernel, int channels) {
            kinds.add(kind);
            layers.add(layer);
            meta.add(new int[] {block, kernel, channels, 1});
            return kinds.size() - 1;
        }

        void groups(int node, int groups) {
            meta.get(node)[3] = groups;
        }

        void edge(int from, int to, boolean residual) {
            edges.add(new GraphEdge(from, to, residual));
        }

        void minRank(int node, int relativeTo, int offset) {
            minRanks.add(new int[] {node, relativeTo, offset});
        }

        SupernetGraph layout(Architecture supernet, boolean columns) {
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
                if (!kinds.get(v).junction()) {
                    maxChannels = Math.max(maxChannels, meta.get(v)[2]);
                }
            }
            double[] widths = new double[n];
            for (int v = 0; v < n; v++) {
                widths[v] = kinds.get(v).junction() ? 16 : widthFor(meta.get(v)[2], maxChannels);
            }
            List<List<Integer>> byRank = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                byRank.add(new ArrayList<>());
            }
            for (int v = 0; v < n; v++) {
                byRank.get(rank[v]).add(v);
            }
            // A column per block (or one column): each lays out its own ranks, centred on its own axis.
            int blockCount = supernet.blocks().size();
            int[] column = new int[n];
            for (int v = 0; v < n; v++) {
                int block = meta.get(v)[0];
                column[v] = !columns ? 0 : block >= 0 ? block : rank[v] <= 1 ? 0 : Math.max(0, blockCount - 1);
            }
            int columnCount = Arrays.stream(column).max().orElse(0) + 1;
            int[] firstRank = new int[columnCount];
            Arrays.fill(firstRank, Integer.MAX_VALUE);
            for (int v = 0; v < n; v++) {
                firstRank[column[v]] = Math.min(firstRank[column[v]], rank[v]);
            }
            double[] columnWidth = new double[columnCount];
            double[] rowWidth = new double[ranks];
            for (int r = 0; r < ranks; r++) {
                for (int v : byRank.get(r)) {
                    rowWidth[r] += Math.max(MIN_SLOT, widths[v] + 16);
                }
                for (int v : byRank.get(r)) {
                    columnWidth[column[v]] = Math.max(columnWidth[column[v]], rowWidth[r]);
                }
            }
            double[] centre = new double[columnCount];
            double left = MARGIN;
            for (int c = 0; c < columnCount; c++) {
                centre[c] = left + columnWidth[c] / 2;
                left += columnWidth[c] + RESIDUAL_ROOM + (c < columnCount - 1 ? COLUMN_GAP : 0);
            }
            double[] gutter = new double[n];
            for (int v = 0; v < n; v++) {
                gutter[v] = centre[column[v]] + columnWidth[column[v]] / 2 + RESIDUAL_ROOM + COLUMN_GAP / 2;
            }
            double[] xs = new double[n];
            double[] ys = new double[n];
            int rows = 0;
            double top = MARGIN + (columns ? WRAP_ROOM : 0);
            for (int r = 0; r < ranks; r++) {
                List<Integer> row = byRank.get(r);
                if (row.isEmpty()) {
                    continue;
                }
                int c = column[row.get(0)];
                double x = centre[c] - rowWidth[r] / 2;
                for (int v : row) {
                    double slot = Math.max(MIN_SLOT, widths[v] + 16);
                    xs[v] = x + slot / 2;
                    ys[v] = top + NODE_HEIGHT / 2 + (r - firstRank[c]) * LAYER_GAP;
                    x += slot;
                }
                rows = Math.max(rows, r - firstRank[c] + 1);
            }
            List<GraphNode> nodes = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                int[] m = meta.get(v);
                nodes.add(new GraphNode(v, kinds.get(v), layers.get(v), m[0], m[1], rank[v], xs[v], ys[v], m[2],
                        widths[v], m[3]));
            }
            double width = left + MARGIN;
            double height = top + MARGIN + NODE_HEIGHT + (rows - 1) * LAYER_GAP;
            return new SupernetGraph(supernet, Collections.unmodifiableList(nodes), List.copyOf(edges), width,
                    height, columns, gutter, column);
        }
    }
}
