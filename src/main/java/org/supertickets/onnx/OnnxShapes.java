package org.supertickets.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.ticket.TicketGraph;
import org.supertickets.ticket.TicketGraphNode;

/**
 * The shape of every value of a ticket's graph, worked out node by node from the definitions of the ONNX operators
 * (the shape inference of the ONNX specification, for the operators {@link TicketGraph} uses), so that the model can
 * carry them as {@code value_info}: Netron then writes each edge's tensor shape. A dimension is a {@code Long}, or
 * the batch size's name (a {@code String}, e.g. "N") carried through unchanged.
 */
final class OnnxShapes {

    private final Map<String, List<Object>> shapes = new LinkedHashMap<>();
    /** The values of the int64 constants (Split's sizes, Unsqueeze's axes) by name. */
    private final Map<String, List<Long>> constants = new LinkedHashMap<>();

    private OnnxShapes() {
    }

    /**
     * The shapes of {@code input}, of every parameter and of every node's outputs, by value name.
     *
     * @param nodes      the graph, in execution order (any opset {@link TicketGraph#atOpset} gives)
     * @param inputShape the shape of the graph's input {@link TicketGraph#INPUT}
     * @param parameters the shape of each initializer the nodes read
     */
    static Map<String, List<Object>> of(List<TicketGraphNode> nodes, List<Object> inputShape,
            Map<String, long[]> parameters) {
        OnnxShapes s = new OnnxShapes();
        s.shapes.put(TicketGraph.INPUT, List.copyOf(inputShape));
        parameters.forEach((name, dims) -> s.shapes.put(name, boxed(dims)));
        for (TicketGraphNode node : nodes) {
            List<List<Object>> out = s.outputs(node);
            for (int i = 0; i < node.outputs().size(); i++) {
                s.shapes.put(node.outputs().get(i), List.copyOf(out.get(i)));
            }
        }
        return s.shapes;
    }

    private List<List<Object>> outputs(TicketGraphNode n) {
        return switch (n.op()) {
            case TicketGraph.CONSTANT -> {
                List<Long> values = longs(n.attributes().get(TicketGraph.VALUE_INTS));
                constants.put(n.outputs().get(0), values);
                yield List.of(List.of((Object) (long) values.size()));
            }
            case "Conv" -> List.of(conv(n));
            case "BatchNormalization", "Relu" -> List.of(in(n, 0));
            case "Add" -> List.of(broadcast(in(n, 0), in(n, 1), n));
            case "Split" -> split(n);
            case "Concat" -> List.of(concat(n));
            case "GlobalAveragePool" -> {
                List<Object> x = new ArrayList<>(in(n, 0));
                for (int i = 2; i < x.size(); i++) {
                    x.set(i, 1L);
                }
                yield List.of(x);
            }
            case "Flatten" -> List.of(flatten(in(n, 0), intAttribute(n, "axis")));
            case "Gemm" -> {
                List<Object> b = in(n, 1);
                boolean transB = n.attributes().containsKey("transB") && intAttribute(n, "transB") == 1;
                yield List.of(List.of(in(n, 0).get(0), transB ? b.get(0) : b.get(1)));
            }
            case "MatMul" -> List.of(matMul(in(n, 0), in(n, 1), n));
            case "Unsqueeze" -> List.of(unsqueeze(in(n, 0), secondInputOrAttribute(n, "axes")));
            default -> throw new IllegalStateException(n.name() + ": no shape rule for operator " + n.op());
        };
    }

    /** Output {@code [N, M, ⌊(H + pad_begin + pad_end - k) / stride⌋ + 1, ...]}, M the weight's first dimension. */
    private List<Object> conv(TicketGraphNode n) {
        List<Object> x = in(n, 0);
        List<Object> w = in(n, 1);
        List<Long> strides = longs(n.attributes().get("strides"));
        List<Long> pads = longs(n.attributes().get("pads"));
        int spatial = x.size() - 2;
        List<Object> y = new ArrayList<>(List.of(x.get(0), w.get(0)));
        for (int i = 0; i < spatial; i++) {
            long size = fixed(x.get(2 + i), n) + pads.get(i) + pads.get(spatial + i);
            y.add(Math.floorDiv(size - fixed(w.get(2 + i), n), strides.get(i)) + 1);
        }
        return y;
    }

    private List<List<Object>> split(TicketGraphNode n) {
        List<Object> x = in(n, 0);
        int axis = axis(intAttribute(n, "axis"), x.size());
        List<Long> sizes = secondInputOrAttribute(n, "split");
        long total = sizes.stream().mapToLong(Long::longValue).sum();
        if (sizes.size() != n.outputs().size() || total != fixed(x.get(axis), n)) {
            throw new IllegalStateException(n.name() + ": sizes " + sizes + " do not split " + x + " along " + axis
                    + " into " + n.outputs().size());
        }
        List<List<Object>> out = new ArrayList<>();
        for (long size : sizes) {
            List<Object> part = new ArrayList<>(x);
            part.set(axis, size);
            out.add(part);
        }
        return out;
    }

    private List<Object> concat(TicketGraphNode n) {
        List<Object> y = new ArrayList<>(in(n, 0));
        int axis = axis(intAttribute(n, "axis"), y.size());
        long total = 0;
        for (int i = 0; i < n.inputs().size(); i++) {
            total += fixed(in(n, i).get(axis), n);
        }
        y.set(axis, total);
        return y;
    }

    /** {@code [d0 · … · d(axis-1), d(axis) · … ]}; a named dimension stays when it is the only factor. */
    private static List<Object> flatten(List<Object> x, int axis) {
        return List.of(product(x.subList(0, axis)), product(x.subList(axis, x.size())));
    }

    private static Object product(List<Object> dims) {
        if (dims.size() == 1) {
            return dims.get(0);
        }
        long p = 1;
        for (Object d : dims) {
            if (!(d instanceof Long v)) {
                throw new IllegalStateException("Flatten of a named dimension with others: " + dims);
            }
            p *= v;
        }
        return p;
    }

    /** numpy's matmul: {@code [..., n, k] · [..., k, m] = [..., n, m]}, the leading dimensions broadcast. */
    private static List<Object> matMul(List<Object> a, List<Object> b, TicketGraphNode n) {
        if (a.size() < 2 || b.size() < 2 || !a.get(a.size() - 1).equals(b.get(b.size() - 2))) {
            throw new IllegalStateException(n.name() + ": cannot multiply " + a + " by " + b);
        }
        List<Object> y = new ArrayList<>(broadcast(a.subList(0, a.size() - 2), b.subList(0, b.size() - 2), n));
        y.add(a.get(a.size() - 2));
        y.add(b.get(b.size() - 1));
        return y;
    }

    /** numpy's broadcasting: aligned from the last dimension, a dimension of 1 takes the other's size. */
    private static List<Object> broadcast(List<Object> a, List<Object> b, TicketGraphNode n) {
        int rank = Math.max(a.size(), b.size());
        List<Object> y = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            Object da = i < rank - a.size() ? 1L : a.get(i - (rank - a.size()));
            Object db = i < rank - b.size() ? 1L : b.get(i - (rank - b.size()));
            if (da.equals(db) || Long.valueOf(1).equals(db)) {
                y.add(da);
            } else if (Long.valueOf(1).equals(da)) {
                y.add(db);
            } else {
                throw new IllegalStateException(n.name() + ": " + a + " and " + b + " do not broadcast");
            }
        }
        return y;
    }

    private static List<Object> unsqueeze(List<Object> x, List<Long> axes) {
        int rank = x.size() + axes.size();
        List<Object> y = new ArrayList<>(x);
        axes.stream().mapToInt(a -> axis(a.intValue(), rank)).sorted().forEach(a -> y.add(a, 1L));
        return y;
    }

    /** Split's sizes or Unsqueeze's axes: the constant second input (opset 13 on), or the attribute (before). */
    private List<Long> secondInputOrAttribute(TicketGraphNode n, String attribute) {
        if (n.inputs().size() > 1) {
            List<Long> values = constants.get(n.inputs().get(1));
            if (values == null) {
                throw new IllegalStateException(n.name() + ": input " + n.inputs().get(1) + " is no constant");
            }
            return values;
        }
        return longs(n.attributes().get(attribute));
    }

    private List<Object> in(TicketGraphNode n, int i) {
        List<Object> shape = shapes.get(n.inputs().get(i));
        if (shape == null) {
            throw new IllegalStateException(n.name() + ": input " + n.inputs().get(i) + " has no shape yet");
        }
        return shape;
    }

    private static long fixed(Object dim, TicketGraphNode n) {
        if (dim instanceof Long v) {
            return v;
        }
        throw new IllegalStateException(n.name() + ": dimension " + dim + " must be a number here");
    }

    private static int intAttribute(TicketGraphNode n, String name) {
        return ((Number) n.attributes().get(name)).intValue();
    }

    private static int axis(int axis, int rank) {
        return axis < 0 ? axis + rank : axis;
    }

    private static List<Long> longs(Object list) {
        return ((List<?>) list).stream().map(v -> ((Number) v).longValue()).toList();
    }

    private static List<Object> boxed(long[] dims) {
        List<Object> out = new ArrayList<>();
        for (long d : dims) {
            out.add(d);
        }
        return out;
    }
}
