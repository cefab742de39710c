package org.supertickets.ui.graph;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.supertickets.report.CountFormat;
import org.supertickets.space.Architecture;
import org.supertickets.train.ConnectivitySnapshot;

/**
 * The connectivity graph: the supernet laid out once, the frame of the snapshot under the time cursor, the
 * layer the user picked (which opens its heatmap), and what a hovered node's tooltip says.
 */
public final class GraphViewModel {

    private final ReadOnlyObjectWrapper<SupernetGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<GraphFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper selectedLayer = new ReadOnlyStringWrapper(this, "selectedLayer");
    private final BooleanProperty columns = new SimpleBooleanProperty(this, "columns");
    private ConnectivitySnapshot shownSnapshot;
    private String shownCaption;

    public GraphViewModel() {
        columns.addListener((o, a, b) -> {
            SupernetGraph g = graph.get();
            if (g != null) {
                Architecture supernet = g.supernet();
                graph.set(null);
                show(supernet, shownSnapshot, shownCaption);
            }
        });
    }

    /** Blocks side by side in columns (compact for wide screens) instead of one top-to-bottom column. */
    public BooleanProperty columnsProperty() {
        return columns;
    }

    public ReadOnlyObjectProperty<SupernetGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GraphFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public GraphFrame getFrame() {
        return frame.get();
    }

    /** The weight layer picked in the graph (its heatmap is shown); null when none. */
    public ReadOnlyStringProperty selectedLayerProperty() {
        return selectedLayer.getReadOnlyProperty();
    }

    /** Lays out a supernet (only when it differs from the current one) and shows it whole. */
    public void showSupernet(Architecture supernet) {
        if (supernet == null) {
            graph.set(null);
            frame.set(null);
            return;
        }
        ensureLayout(supernet);
        shownSnapshot = null;
        frame.set(GraphFrame.supernet(graph.get()));
    }

    /** Shows a snapshot on the supernet's frozen layout. */
    public void show(Architecture supernet, ConnectivitySnapshot snapshot, String caption) {
        ensureLayout(supernet);
        shownSnapshot = snapshot;
        shownCaption = caption;
        frame.set(snapshot == null ? GraphFrame.supernet(graph.get()) : GraphFrame.of(graph.get(), snapshot, caption));
    }

    private void ensureLayout(Architecture supernet) {
        if (graph.get() == null || !graph.get().supernet().equals(supernet)) {
            graph.set(SupernetGraph.of(supernet, columns.get()));
            if (selectedLayer.get() != null && graph.get().nodeOfLayer(selectedLayer.get()) == null) {
                selectedLayer.set(null);
            }
        }
    }

    /** Picks the layer of a node (input and add nodes have none and clear the pick). */
    public void select(GraphNode node) {
        selectedLayer.set(node == null ? null : node.layer());
    }

    public void selectLayer(String layer) {
        selectedLayer.set(layer);
    }

    /**
     * The nodes whose layer a search names (Netron's find), in graph order: by the layer's name or a part of it
     * ({@code blocks.1.expand}, {@code classifier}), or as the graph labels it ({@code b1 expand}, {@code b2 dw 7x7},
     * {@code dw 3×3}); case does not matter. Empty for a blank query or before a graph is shown.
     */
    public java.util.List<GraphNode> find(String query) {
        SupernetGraph g = graph.get();
        if (g == null || query == null || query.isBlank()) {
            return java.util.List.of();
        }
        String q = query.trim().toLowerCase(Locale.ROOT).replace('×', 'x');
        String asLayer = q.replaceAll("\\bb(\\d+)\\b", "blocks.$1").replaceAll("\\bdw\\s*(\\d+)x\\d+", "dw.k$1")
                .replaceAll("\\s+", ".");
        return g.nodes().stream().filter(n -> n.layer() != null).filter(n -> {
            String layer = n.layer().toLowerCase(Locale.ROOT);
            return layer.contains(q) || layer.contains(asLayer);
        }).toList();
    }

    /** The picked layer's properties in the frame shown (the graph's side panel); empty while none is picked. */
    public java.util.List<NodeProperties.Property> propertiesOfSelected() {
        GraphFrame f = frame.get();
        String layer = selectedLayer.get();
        if (f == null || layer == null) {
            return java.util.List.of();
        }
        return f.graph().nodes().stream().filter(n -> layer.equals(n.layer())).findFirst()
                .map(n -> NodeProperties.of(f, n)).orElse(java.util.List.of());
    }

    /** The tooltip of a node: channels, weights alive, MACs and their share, importance. */
    public String describe(GraphNode node) {
        return describe(frame.get(), node);
    }

    /** The tooltip of a node in a frame. */
    public static String describe(GraphFrame f, GraphNode node) {
        if (f == null || node == null) {
            return "";
        }
        NodeState s = f.node(node.id());
        StringBuilder sb = new StringBuilder();
        sb.append(node.layer() != null ? node.layer() : node.kind().label()).append(" (").append(node.kind().label())
                .append(")\n");
        if (s.removed()) {
            sb.append("removed by the search (").append(s.maxChannels()).append(" channels in the supernet)");
            return sb.toString();
        }
        sb.append(String.format(Locale.ROOT, "channels %d / %d kept", s.channels(), s.maxChannels()));
        if (s.weights() > 0) {
            sb.append(String.format(Locale.ROOT, "%nweights %,d / %,d alive (%.1f%%)", s.keptWeights(), s.weights(),
                    100 * s.aliveFraction()));
            sb.append(String.format(Locale.ROOT, "%nMACs %s dense, %s alive · %.1f%% of the network's MACs",
                    CountFormat.human(s.macs()), CountFormat.human(s.keptMacs()),
                    f.totalMacs() == 0 ? 0 : 100.0 * s.macs() / f.totalMacs()));
        }
        Architecture net = f.graph().supernet();
        if (net.segments() && node.kind() == NodeKind.DECODER_JOIN) {
            sb.append(String.format(Locale.ROOT, "%nthe head's %d×%d output upsampled (bilinear) to %d×%d, added to "
                    + "the decoder skip, ReLU", net.featureHeight(), net.featureWidth(), net.decoderHeight(),
                    net.decoderWidth()));
        } else if (net.segments() && node.kind() == NodeKind.CLASSIFIER) {
            sb.append(String.format(Locale.ROOT, "%nruns at every pixel of %d×%d, its logits upsampled (bilinear) to "
                    + "the input's %d×%d", net.decoderHeight(), net.decoderWidth(), net.inHeight(), net.inWidth()));
        }
        if (!Double.isNaN(s.importanceShare())) {
            sb.append(String.format(Locale.ROOT, "%nimportance share %.2f of the block's Σ|γ|", s.importanceShare()));
        }
        if (node.layer() != null) {
            sb.append("\nclick: show its mask heatmap");
        }
        return sb.toString();
    }
}
