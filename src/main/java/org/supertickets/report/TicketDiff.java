package org.supertickets.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.LayerShape;
import org.supertickets.ticket.TicketLayer;
import org.supertickets.ticket.TicketManifest;
import org.supertickets.ticket.TicketMetrics;

/**
 * What differs between two tickets: summary numbers, the channels of every block body and branch (present in one
 * and removed in the other, or narrower), and the weight sparsity of every layer. Pure data, computed from the two
 * manifests and the supernets they were cut from.
 *
 * @param metrics       accuracy, sparsity, MACs and params of A and B
 * @param channels      per block body and per branch, in supernet order
 * @param layers        per weight layer present in A or B, in supernet order
 * @param sameSupernet  true when both tickets come from the same supernet (their graphs share one layout)
 */
public record TicketDiff(List<MetricChange> metrics, List<ChannelChange> channels, List<LayerChange> layers,
        boolean sameSupernet) {

    public TicketDiff {
        metrics = List.copyOf(metrics);
        channels = List.copyOf(channels);
        layers = List.copyOf(layers);
    }

    /**
     * Compares ticket A with ticket B.
     *
     * @param supernetA the supernet A was cut from (its layer order orders the rows)
     * @param supernetB the supernet B was cut from
     */
    public static TicketDiff of(TicketManifest a, Architecture supernetA, TicketManifest b, Architecture supernetB) {
        return new TicketDiff(metrics(a.metrics(), b.metrics()), channels(a.architecture(), supernetA,
                b.architecture(), supernetB), layers(a, supernetA, b, supernetB), supernetA.equals(supernetB));
    }

    /** The layers the graphs mark: present in one ticket only, or with other channel counts. */
    public Set<String> changedLayers() {
        Set<String> changed = new LinkedHashSet<>();
        for (LayerChange l : layers) {
            if (l.structural()) {
                changed.add(l.layer());
            }
        }
        return changed;
    }

    /** Block bodies and branches whose channels differ. */
    public List<ChannelChange> changedChannels() {
        return channels.stream().filter(ChannelChange::changed).toList();
    }

    /** The row of a layer, or null. */
    public LayerChange layer(String name) {
        return layers.stream().filter(l -> l.layer().equals(name)).findFirst().orElse(null);
    }

    private static double meanIou(TicketMetrics m) {
        return m == null || !m.segmentation() ? Double.NaN : m.testMeanIou();
    }

    private static List<MetricChange> metrics(TicketMetrics a, TicketMetrics b) {
        double nan = Double.NaN;
        List<MetricChange> m = new ArrayList<>();
        // Segmentation tickets: mean IoU first, and accuracies named per pixel; classification rows as before.
        boolean iou = a != null && a.segmentation() || b != null && b.segmentation();
        if (iou) {
            m.add(new MetricChange("test mIoU (background included)", meanIou(a), meanIou(b),
                    MetricChange.Unit.SHARE));
        }
        String acc = iou ? " pixel accuracy" : " accuracy";
        m.add(new MetricChange("test" + acc, a == null ? nan : a.testAccuracy(),
                b == null ? nan : b.testAccuracy(), MetricChange.Unit.SHARE));
        m.add(new MetricChange("validation" + acc, a == null ? nan : a.validationAccuracy(),
                b == null ? nan : b.validationAccuracy(), MetricChange.Unit.SHARE));
        m.add(new MetricChange("weight sparsity", a == null ? nan : a.sparsity(), b == null ? nan : b.sparsity(),
                MetricChange.Unit.SHARE));
        m.add(new MetricChange("MACs (dense)", a == null ? nan : a.macs(), b == null ? nan : b.macs(),
                MetricChange.Unit.COUNT));
        m.add(new MetricChange("MACs (sparse)", a == null ? nan : a.sparseMacs(), b == null ? nan : b.sparseMacs(),
                MetricChange.Unit.COUNT));
        m.add(new MetricChange("params (dense)", a == null ? nan : a.params(), b == null ? nan : b.params(),
                MetricChange.Unit.COUNT));
        m.add(new MetricChange("params alive", a == null ? nan : a.keptParams(), b == null ? nan : b.keptParams(),
                MetricChange.Unit.COUNT));
        return m;
    }

    private static List<ChannelChange> channels(Architecture a, Architecture supernetA, Architecture b,
            Architecture supernetB) {
        Map<Integer, BlockState> blocksA = byIndex(a);
        Map<Integer, BlockState> blocksB = byIndex(b);
        Map<Integer, BlockState> superA = byIndex(supernetA);
        Map<Integer, BlockState> superB = byIndex(supernetB);
        Set<Integer> indices = new TreeSet<>(superA.keySet());
        indices.addAll(superB.keySet());
        List<ChannelChange> rows = new ArrayList<>();
        for (int i : indices) {
            BlockState ba = blocksA.get(i);
            BlockState bb = blocksB.get(i);
            int maxHidden = Math.max(hidden(superA.get(i)), hidden(superB.get(i)));
            rows.add(new ChannelChange("blocks." + i + ".expand", "block " + i + " body",
                    ba == null ? 0 : ba.hiddenChannels(), bb == null ? 0 : bb.hiddenChannels(), maxHidden));
            Set<Integer> kernels = new TreeSet<>();
            kernels.addAll(kernels(superA.get(i)));
            kernels.addAll(kernels(superB.get(i)));
            for (int k : kernels) {
                int max = Math.max(branch(superA.get(i), k).maxChannels(), branch(superB.get(i), k).maxChannels());
                rows.add(new ChannelChange("blocks." + i + ".dw.k" + k, "block " + i + " · dw " + k + "×" + k,
                        branch(ba, k).hiddenChannels(), branch(bb, k).hiddenChannels(), max));
            }
        }
        return rows;
    }

    private static List<LayerChange> layers(TicketManifest a, Architecture supernetA, TicketManifest b,
            Architecture supernetB) {
        Map<String, TicketLayer> la = byName(a.layers());
        Map<String, TicketLayer> lb = byName(b.layers());
        // Supernet order first, so rows follow the network; then anything a supernet does not list.
        Set<String> order = new LinkedHashSet<>();
        for (Architecture s : List.of(supernetA, supernetB)) {
            for (LayerShape shape : s.layers()) {
                order.add(shape.name());
            }
        }
        order.addAll(la.keySet());
        order.addAll(lb.keySet());
        List<LayerChange> rows = new ArrayList<>();
        for (String name : order) {
            TicketLayer x = la.get(name);
            TicketLayer y = lb.get(name);
            if (x != null || y != null) {
                rows.add(new LayerChange(name, x != null ? x.kind() : y.kind(), x, y));
            }
        }
        return rows;
    }

    private static Map<Integer, BlockState> byIndex(Architecture a) {
        Map<Integer, BlockState> m = new LinkedHashMap<>();
        for (BlockState b : a.blocks()) {
            m.put(b.index(), b);
        }
        return m;
    }

    private static Map<String, TicketLayer> byName(List<TicketLayer> layers) {
        Map<String, TicketLayer> m = new LinkedHashMap<>();
        for (TicketLayer l : layers) {
            m.put(l.name(), l);
        }
        return m;
    }

    private static int hidden(BlockState supernetBlock) {
        return supernetBlock == null ? 0 : supernetBlock.maxHiddenChannels();
    }

    private static List<Integer> kernels(BlockState block) {
        return block == null ? List.of() : block.branches().stream().map(BranchState::kernelSize).toList();
    }

    private static BranchState branch(BlockState block, int kernel) {
        if (block != null) {
            for (BranchState br : block.branches()) {
                if (br.kernelSize() == kernel) {
                    return br;
                }
            }
        }
        return new BranchState(kernel, 0, 0);
    }
}
