package org.supertickets.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * A ticket's forward pass as a list of operations in execution order, each reading tensors written before it:
 * the order a reader follows, and the graph the ONNX export writes. It computes what
 * {@link org.supertickets.model.Supernet#forward} computes in evaluation mode:
 * <ul>
 * <li>stem: Conv (k, stride, pad k/2) → BN → Relu;</li>
 * <li>each block: the merged {@code expand} 1×1 conv over all live branches' hidden channels → its BN → Relu →
 * Split along channels into the live branches in their order in {@code architecture.blocks[i].branches} (kernel
 * sizes as configured, removed branches skipped), sizes = each branch's {@code hiddenChannels}; per branch a
 * depthwise Conv (group = channels, the block's stride) → BN → Relu; Concat in the same order; the merged
 * {@code project} 1×1 conv (equal to summing per-branch projections of the matching column slices) → {@code out_bn};
 * Add the skip: the input itself when stride 1 and widths match, else a 1×1 {@code skip} conv (the block's
 * stride) without Relu: under {@code architecture.skipPath} {@code DENSE_BN} a dense conv → {@code skip_bn}, under
 * {@code GROUPED} a conv with group = gcd(in, out) and no BN. A block whose branches are all removed is its skip
 * alone;</li>
 * <li>head: 1×1 Conv → BN → Relu → GlobalAveragePool → Flatten → Gemm with {@code classifier.weight} transposed
 * and {@code classifier.bias}: the logits.</li>
 * </ul>
 * Convs have no bias; BN inputs are X, gamma, beta, running mean, running variance; every BN has the
 * architecture's epsilon.
 */
public final class TicketGraph {

    /** Name of the graph's input tensor: a normalised batch {@code [N, C, H, W]}. */
    public static final String INPUT = "input";
    /** Name of the graph's output tensor: logits {@code [N, classes]}. */
    public static final String OUTPUT = "logits";

    private final List<TicketGraphNode> nodes = new ArrayList<>();
    private final Architecture architecture;

    private TicketGraph(Architecture architecture) {
        this.architecture = architecture;
    }

    /** The operations of {@code architecture}. */
    public static List<TicketGraphNode> of(Architecture architecture) {
        TicketGraph g = new TicketGraph(architecture);
        String x = g.convBn(INPUT, TensorNames.STEM, TensorNames.STEM_BN, architecture.stemKernel(),
                architecture.stemStride(), 1, true);
        for (BlockState block : architecture.blocks()) {
            x = g.block(x, block);
        }
        x = g.convBn(x, TensorNames.HEAD, TensorNames.HEAD_BN, 1, 1, 1, true);
        x = g.add("pool", "GlobalAveragePool", List.of(x), Map.of());
        x = g.add("flatten", "Flatten", List.of(x), Map.of("axis", 1));
        g.nodes.add(new TicketGraphNode(TensorNames.CLASSIFIER, "Gemm", List.of(x,
                TensorNames.weight(TensorNames.CLASSIFIER), TensorNames.CLASSIFIER_BIAS), List.of(OUTPUT),
                Map.of("transB", 1)));
        return List.copyOf(g.nodes);
    }

    private String block(String x, BlockState block) {
        String skip = block.identitySkip() ? x : skip(x, block);
        if (block.bodyRemoved()) {
            return skip;
        }
        String p = block.prefix();
        String hidden = convBn(x, TensorNames.expand(block), TensorNames.expandBn(block), 1, 1, 1, true);
        List<BranchState> live = block.branches().stream().filter(b -> !b.removed()).toList();
        List<String> parts = new ArrayList<>();
        if (live.size() == 1) {
            parts.add(hidden);
        } else {
            List<Integer> sizes = new ArrayList<>();
            for (BranchState b : live) {
                parts.add(p + ".hidden.k" + b.kernelSize());
                sizes.add(b.hiddenChannels());
            }
            nodes.add(new TicketGraphNode(p + ".split", "Split", List.of(hidden), parts,
                    attributes("axis", 1, "split", sizes)));
        }
        List<String> branchOutputs = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            BranchState b = live.get(i);
            branchOutputs.add(convBn(parts.get(i), TensorNames.depthwise(block, b), TensorNames.depthwiseBn(block, b),
                    b.kernelSize(), block.stride(), b.hiddenChannels(), true));
        }
        String joined = branchOutputs.size() == 1 ? branchOutputs.get(0)
                : add(p + ".concat", "Concat", branchOutputs, Map.of("axis", 1));
        String body = convBn(joined, TensorNames.project(block), TensorNames.outBn(block), 1, 1, 1, false);
        return add(p + ".add", "Add", List.of(body, skip), Map.of());
    }

    private String skip(String x, BlockState block) {
        String layer = TensorNames.skip(block);
        int groups = architecture.skipGroups(block);
        return architecture.skipPath().hasBatchNorm()
                ? convBn(x, layer, TensorNames.skipBn(block), 1, block.stride(), groups, false)
                : conv(x, layer, 1, block.stride(), groups);
    }

    /** Conv (no bias, pad k/2) → BN → optional Relu; returns the last output. */
    private String convBn(String x, String conv, String bn, int kernel, int stride, int groups, boolean relu) {
        String y = conv(x, conv, kernel, stride, groups);
        y = add(bn, "BatchNormalization", List.of(y, bn + TensorNames.GAMMA, bn + TensorNames.BETA,
                bn + TensorNames.RUNNING_MEAN, bn + TensorNames.RUNNING_VAR), Map.of("epsilon", epsilon()));
        return relu ? add(bn + ".relu", "Relu", List.of(y), Map.of()) : y;
    }

    /** Conv with no bias and padding k/2; returns its output. */
    private String conv(String x, String conv, int kernel, int stride, int groups) {
        return add(conv, "Conv", List.of(x, TensorNames.weight(conv)), attributes("kernel_shape",
                List.of(kernel, kernel), "strides", List.of(stride, stride), "pads",
                List.of(kernel / 2, kernel / 2, kernel / 2, kernel / 2), "group", groups));
    }

    /** The epsilon as the engine uses it (a float), written as its shortest decimal (1.0E-5, not 9.99999974E-6). */
    public static double epsilon(Architecture architecture) {
        return Double.parseDouble(Float.toString(architecture.bnEpsilon().floatValue()));
    }

    private double epsilon() {
        return epsilon(architecture);
    }

    /** Adds a one-output node whose output is named after it; returns that name. */
    private String add(String name, String op, List<String> inputs, Map<String, Object> attributes) {
        String out = name + ".out";
        nodes.add(new TicketGraphNode(name, op, inputs, List.of(out), attributes));
        return out;
    }

    private static Map<String, Object> attributes(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
