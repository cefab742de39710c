package org.supertickets.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.model.BilinearResize;
import org.supertickets.model.HostTensor;
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
 * sizes as configured, removed branches skipped), sizes = each branch's {@code hiddenChannels} (the output of the
 * Constant {@code blocks.<i>.split.sizes} before it, Split's second input); per branch a
 * depthwise Conv (group = channels, the block's stride) → BN → Relu; Concat in the same order; the merged
 * {@code project} 1×1 conv (equal to summing per-branch projections of the matching column slices) → {@code out_bn};
 * Add the skip: the input itself when stride 1 and widths match, else a 1×1 {@code skip} conv (the block's
 * stride) without Relu: under {@code architecture.skipPath} {@code DENSE_BN} a dense conv → {@code skip_bn}, under
 * {@code GROUPED} a conv with group = gcd(in, out) and no BN. A block whose branches are all removed is its skip
 * alone;</li>
 * <li>head: 1×1 Conv → BN → Relu → GlobalAveragePool → Flatten → Gemm with {@code classifier.weight} transposed
 * and {@code classifier.bias}: the logits {@code [N, classes]};</li>
 * <li>segmentation instead, after the head's Relu (the decoder, {@code Supernet.decode}): the head's output resized
 * bilinearly to the skip's resolution ({@code architecture.decoderHeight/Width}); the skip, the output of block
 * {@code architecture.decoderSkipBlock()} (of the stem's Relu when it is -1), through the 1×1 Conv
 * {@code decoder.skip} → BN {@code decoder.skip_bn}; Add; Relu; the classifier as a 1×1 Conv with bias, its weight
 * {@code classifier.weight} {@code [classes, head]} Unsqueezed (axes 2, 3: the Constant
 * {@code classifier.as_conv.axes}) to {@code [classes, head, 1, 1]}; resized bilinearly
 * to the input size: the logits {@code [N, classes, H, W]}.</li>
 * </ul>
 * Convs have no bias unless said; BN inputs are X, gamma, beta, running mean, running variance; every BN has the
 * architecture's epsilon. Operators, inputs and attributes are those of ONNX opset {@value #OPSET}
 * ({@link #atOpset} gives the form of opsets before 13).
 *
 * <p>A bilinear resize (PyTorch's {@code align_corners=False}) of {@code [N, C, h, w]} to {@code H × W} is two
 * MatMuls, as {@link BilinearResize} computes it: first by the constant {@code <name>.columns} {@code [w, W]} (the
 * transposed {@code W × w} interpolation matrix), then the constant {@code <name>.rows} {@code [H, h]} by that. The
 * constants are not in {@code weights.safetensors}: they follow from the sizes ({@link #constants}), and a resize
 * to the size a map already has is left out. In PyTorch each pair is
 * {@code F.interpolate(x, size=(H, W), mode="bilinear", align_corners=False)}.
 */
public final class TicketGraph {

    /** Name of the graph's input tensor: a normalised batch {@code [N, C, H, W]}. */
    public static final String INPUT = "input";
    /** Name of the graph's output tensor: logits {@code [N, classes]}, or {@code [N, classes, H, W]} (segmentation). */
    public static final String OUTPUT = "logits";
    /** The bilinear resize of the head's output to the decoder's resolution (segmentation). */
    public static final String DECODER_RESIZE = "decoder.up";
    /** The bilinear resize of the per-pixel logits to the input size (segmentation). */
    public static final String OUTPUT_RESIZE = "logits.up";
    /**
     * The ONNX opset whose operators the graph is written in (the default domain): from opset 13 on, Split takes its
     * sizes and Unsqueeze its axes as a second input, here the output of a Constant node ({@code value_ints}).
     */
    public static final int OPSET = 17;
    /** The first opset in which Split's sizes and Unsqueeze's axes are inputs rather than attributes. */
    public static final int INPUTS_SINCE_OPSET = 13;
    /** The op of a node whose output is a constant int64 tensor, its attribute {@value #VALUE_INTS}. */
    public static final String CONSTANT = "Constant";
    public static final String VALUE_INTS = "value_ints";
    private static final Map<String, String> ATTRIBUTE_BEFORE_OPSET_13 = Map.of("Split", "split", "Unsqueeze",
            "axes");
    private static final String SIZES = ".sizes";
    private static final String AXES = ".axes";
    private static final String ROWS = ".rows";
    private static final String COLUMNS = ".columns";

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
        int skipBlock = architecture.segments() ? architecture.decoderSkipBlock() : Integer.MIN_VALUE;
        String skipFeature = x;
        List<BlockState> blocks = architecture.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            x = g.block(x, blocks.get(i));
            if (i == skipBlock) {
                skipFeature = x;
            }
        }
        x = g.convBn(x, TensorNames.HEAD, TensorNames.HEAD_BN, 1, 1, 1, true);
        if (architecture.segments()) {
            g.decode(x, skipFeature);
            return List.copyOf(g.nodes);
        }
        x = g.add("pool", "GlobalAveragePool", List.of(x), Map.of());
        x = g.add("flatten", "Flatten", List.of(x), Map.of("axis", 1));
        g.nodes.add(new TicketGraphNode(TensorNames.CLASSIFIER, "Gemm", List.of(x,
                TensorNames.weight(TensorNames.CLASSIFIER), TensorNames.CLASSIFIER_BIAS), List.of(OUTPUT),
                Map.of("transB", 1)));
        return List.copyOf(g.nodes);
    }

    /** Segmentation's decoder after the head's Relu {@code head}; its last node writes {@link #OUTPUT}. */
    private void decode(String head, String skipFeature) {
        Architecture a = architecture;
        String up = resize(head, DECODER_RESIZE, a.featureHeight(), a.featureWidth(), a.decoderHeight(),
                a.decoderWidth(), null);
        String skip = convBn(skipFeature, TensorNames.DECODER_SKIP, TensorNames.DECODER_SKIP_BN, 1, 1, 1, false);
        String sum = add("decoder.add", "Add", List.of(up, skip), Map.of());
        String features = add("decoder.relu", "Relu", List.of(sum), Map.of());
        String asConv = TensorNames.CLASSIFIER + ".as_conv";
        String classifierWeight = add(asConv, "Unsqueeze", List.of(TensorNames.weight(TensorNames.CLASSIFIER),
                constant(asConv + AXES, List.of(2, 3))), Map.of());
        boolean resized = a.decoderHeight() != a.inHeight() || a.decoderWidth() != a.inWidth();
        String logits = resized ? TensorNames.CLASSIFIER + ".out" : OUTPUT;
        nodes.add(new TicketGraphNode(TensorNames.CLASSIFIER, "Conv", List.of(features, classifierWeight,
                TensorNames.CLASSIFIER_BIAS), List.of(logits), convAttributes(1, 1, 1)));
        resize(logits, OUTPUT_RESIZE, a.decoderHeight(), a.decoderWidth(), a.inHeight(), a.inWidth(), OUTPUT);
    }

    /**
     * The two MatMuls of a bilinear resize from {@code h × w} to {@code height × width} (the class comment), each
     * left out when that axis keeps its size; the last one writes {@code output} when that is not null.
     */
    private String resize(String x, String name, int h, int w, int height, int width, String output) {
        String y = x;
        if (w != width) {
            String out = output != null && h == height ? output : name + COLUMNS + ".out";
            nodes.add(new TicketGraphNode(name + COLUMNS, "MatMul", List.of(y, name + COLUMNS), List.of(out),
                    Map.of()));
            y = out;
        }
        if (h != height) {
            String out = output != null ? output : name + ROWS + ".out";
            nodes.add(new TicketGraphNode(name + ROWS, "MatMul", List.of(name + ROWS, y), List.of(out), Map.of()));
            y = out;
        }
        return y;
    }

    /**
     * The constant inputs of the graph that are not in {@code weights.safetensors}: the interpolation matrices of
     * segmentation's resizes, by name (see the class comment). Empty for classification.
     */
    public static Map<String, HostTensor> constants(Architecture a) {
        Map<String, HostTensor> constants = new LinkedHashMap<>();
        if (a.segments()) {
            addResize(constants, DECODER_RESIZE, a.featureHeight(), a.featureWidth(), a.decoderHeight(),
                    a.decoderWidth());
            addResize(constants, OUTPUT_RESIZE, a.decoderHeight(), a.decoderWidth(), a.inHeight(), a.inWidth());
        }
        return constants;
    }

    private static void addResize(Map<String, HostTensor> constants, String name, int h, int w, int height,
            int width) {
        if (w != width) {
            float[] m = BilinearResize.matrix(w, width);
            float[] transposed = new float[m.length];
            for (int o = 0; o < width; o++) {
                for (int i = 0; i < w; i++) {
                    transposed[i * width + o] = m[o * w + i];
                }
            }
            constants.put(name + COLUMNS, new HostTensor(transposed, new long[] {w, width}));
        }
        if (h != height) {
            constants.put(name + ROWS, new HostTensor(BilinearResize.matrix(h, height), new long[] {height, h}));
        }
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
            String split = p + ".split";
            nodes.add(new TicketGraphNode(split, "Split", List.of(hidden, constant(split + SIZES, sizes)), parts,
                    attributes("axis", 1)));
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
        return add(conv, "Conv", List.of(x, TensorNames.weight(conv)), convAttributes(kernel, stride, groups));
    }

    private static Map<String, Object> convAttributes(int kernel, int stride, int groups) {
        return attributes("kernel_shape", List.of(kernel, kernel), "strides", List.of(stride, stride), "pads",
                List.of(kernel / 2, kernel / 2, kernel / 2, kernel / 2), "group", groups);
    }

    /** The epsilon as the engine uses it (a float), written as its shortest decimal (1.0E-5, not 9.99999974E-6). */
    public static double epsilon(Architecture architecture) {
        return Double.parseDouble(Float.toString(architecture.bnEpsilon().floatValue()));
    }

    private double epsilon() {
        return epsilon(architecture);
    }

    /** Adds a Constant node of int64 {@code values} whose output is {@code name}; returns that name. */
    private String constant(String name, List<Integer> values) {
        nodes.add(new TicketGraphNode(name, CONSTANT, List.of(), List.of(name), attributes(VALUE_INTS, values)));
        return name;
    }

    /**
     * {@code graph} (written for {@link #OPSET}) as the operators of {@code opset} take it: from opset 13 on, as
     * written; below it Split's sizes and Unsqueeze's axes are attributes ({@code split}, {@code axes}), so each
     * Constant that feeds them becomes that attribute of its node. Tickets before the graph declared its opset
     * wrote that older form ({@code TicketIo} recognises it).
     */
    public static List<TicketGraphNode> atOpset(List<TicketGraphNode> graph, int opset) {
        if (opset >= INPUTS_SINCE_OPSET) {
            return graph;
        }
        Map<String, Object> constants = new LinkedHashMap<>();
        for (TicketGraphNode n : graph) {
            if (CONSTANT.equals(n.op())) {
                constants.put(n.outputs().get(0), n.attributes().get(VALUE_INTS));
            }
        }
        List<String> folded = new ArrayList<>();
        List<TicketGraphNode> converted = new ArrayList<>();
        for (TicketGraphNode n : graph) {
            String attribute = ATTRIBUTE_BEFORE_OPSET_13.get(n.op());
            if (attribute == null || n.inputs().size() != 2 || !constants.containsKey(n.inputs().get(1))) {
                converted.add(n);
                continue;
            }
            Map<String, Object> attributes = new LinkedHashMap<>(n.attributes());
            attributes.put(attribute, constants.get(n.inputs().get(1)));
            folded.add(n.inputs().get(1));
            converted.add(new TicketGraphNode(n.name(), n.op(), n.inputs().subList(0, 1), n.outputs(), attributes));
        }
        converted.removeIf(n -> CONSTANT.equals(n.op()) && folded.contains(n.outputs().get(0)));
        return List.copyOf(converted);
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
