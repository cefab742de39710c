package org.supertickets.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.supertickets.report.CountFormat;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.LayerShape;

/**
 * A node's attributes as Netron's side panel lists them — type, kernel, stride, groups, the tensors in and out
 * (N×C×H×W), the weight tensor — with what the search and the pruning left of it at this moment.
 */
public final class NodeProperties {

    /** One row of the panel. */
    public record Property(String name, String value) {
    }

    private NodeProperties() {
    }

    /** The rows for a node of a frame; empty for a missing frame or node. */
    public static List<Property> of(GraphFrame frame, GraphNode node) {
        List<Property> rows = new ArrayList<>();
        if (frame == null || node == null) {
            return rows;
        }
        NodeState state = frame.node(node.id());
        Architecture net = frame.architecture();
        rows.add(new Property("name", node.layer() != null ? node.layer() : node.kind().label()));
        rows.add(new Property("type", node.kind().label()));
        if (state.removed()) {
            rows.add(new Property("state", "removed by the search (" + state.maxChannels()
                    + " channels in the supernet)"));
            return rows;
        }
        LayerShape shape = node.layer() == null ? null : net.layers().stream()
                .filter(l -> l.name().equals(node.layer())).findFirst().orElse(null);
        if (shape != null) {
            rows.add(new Property("kernel", shape.kernel() + "×" + shape.kernel()));
            rows.add(new Property("stride", Integer.toString(stride(net, node))));
            rows.add(new Property("groups", Integer.toString(shape.groups())));
        }
        int[] in = inSize(frame, node);
        if (in != null) {
            int channels = shape != null ? shape.inChannels() : state.channels();
            rows.add(new Property("input", tensor(channels, in)));
        }
        rows.add(new Property("output", tensor(state.channels(), frame.outSize(node.id()))));
        if (shape != null) {
            rows.add(new Property("weight", dims(shape.weightShape())));
        }
        rows.add(new Property("channels kept", state.channels() + " of " + state.maxChannels()));
        if (state.weights() > 0) {
            rows.add(new Property("weights alive", String.format(Locale.ROOT, "%,d / %,d (%.1f %%)",
                    state.keptWeights(), state.weights(), 100 * state.aliveFraction())));
            rows.add(new Property("sparsity", String.format(Locale.ROOT, "%.1f %%",
                    100 * (1 - state.aliveFraction()))));
            rows.add(new Property("MACs", String.format(Locale.ROOT, "%s dense, %s alive (%.1f %% of the network)",
                    CountFormat.human(state.macs()), CountFormat.human(state.keptMacs()),
                    frame.totalMacs() == 0 ? 0 : 100.0 * state.macs() / frame.totalMacs())));
        }
        if (!Double.isNaN(state.importanceShare())) {
            rows.add(new Property("importance", String.format(Locale.ROOT, "%.2f of the block's Σ|γ|",
                    state.importanceShare())));
        }
        return rows;
    }

    /** The height and width coming in: what the node's first incoming edge carries; null for the input. */
    private static int[] inSize(GraphFrame frame, GraphNode node) {
        List<GraphEdge> edges = frame.graph().edges();
        for (int i = 0; i < edges.size(); i++) {
            if (edges.get(i).to() == node.id()) {
                return frame.edgeSize(i);
            }
        }
        return null;
    }

    private static int stride(Architecture net, GraphNode node) {
        return switch (node.kind()) {
            case STEM -> net.stemStride();
            // a block's stride is taken by its depthwise convs and by its skip conv
            case DEPTHWISE, SKIP -> net.blocks().stream().filter(b -> b.index() == node.block())
                    .mapToInt(BlockState::stride).findFirst().orElse(1);
            default -> 1;
        };
    }

    private static String tensor(int channels, int[] size) {
        return "N×" + channels + "×" + size[0] + "×" + size[1];
    }

    private static String dims(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "×").append(shape[i]);
        }
        return sb.toString();
    }
}
