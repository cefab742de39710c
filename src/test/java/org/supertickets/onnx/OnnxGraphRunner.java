package org.supertickets.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an ONNX graph as read back by {@link OnnxModelReader} node by node with DJL's operators (libtorch), keeping
 * every value: the real tensors behind each name, whose shapes the file's {@code value_info} must state. It knows
 * the operators the export writes, as the ONNX specification defines them (Split's sizes and Unsqueeze's axes as an
 * input from opset 13 on, as an attribute before), and nothing of the workbench's network code.
 */
final class OnnxGraphRunner {

    private OnnxGraphRunner() {
    }

    /** Every value of {@code graph} (input, initializers, each node's outputs) for {@code input}, by name. */
    static Map<String, NDArray> run(OnnxModelReader.Graph graph, NDArray input, NDManager manager) {
        Map<String, NDArray> values = new LinkedHashMap<>();
        Map<String, long[]> ints = new LinkedHashMap<>();
        values.put(graph.inputs().get(0).name(), input);
        graph.initializers().forEach((name, t) -> {
            long[] shape = t.dims().stream().mapToLong(Long::longValue).toArray();
            if (t.dataType() == OnnxModelReader.FLOAT) {
                values.put(name, manager.create(t.floats(), new Shape(shape)));
            } else {
                ints.put(name, t.longs());
            }
        });
        for (OnnxModelReader.Node n : graph.nodes()) {
            List<NDArray> out = outputs(n, values, ints);
            for (int i = 0; i < n.outputs().size(); i++) {
                values.put(n.outputs().get(i), out.get(i));
            }
        }
        return values;
    }

    private static List<NDArray> outputs(OnnxModelReader.Node n, Map<String, NDArray> v, Map<String, long[]> ints) {
        NDArray x = v.get(n.inputs().get(0));
        return switch (n.op()) {
            case "Conv" -> {
                long[] strides = longs(n, "strides");
                long[] pads = longs(n, "pads");
                if (pads[0] != pads[2] || pads[1] != pads[3]) {
                    throw new IllegalStateException(n.name() + ": asymmetric pads");
                }
                NDArray bias = n.inputs().size() > 2 ? v.get(n.inputs().get(2)) : null;
                yield List.of(Conv2d.conv2d(x, v.get(n.inputs().get(1)), bias, new Shape(strides),
                        new Shape(pads[0], pads[1]), new Shape(1, 1), (int) (long) n.attributes().get("group"))
                        .singletonOrThrow());
            }
            case "BatchNormalization" -> List.of(BatchNorm.batchNorm(x, v.get(n.inputs().get(3)),
                    v.get(n.inputs().get(4)), v.get(n.inputs().get(1)), v.get(n.inputs().get(2)), 1, 0.9f,
                    (Float) n.attributes().get("epsilon"), false).singletonOrThrow());
            case "Relu" -> List.of(Activation.relu(x));
            case "Add" -> List.of(x.add(v.get(n.inputs().get(1))));
            case "Split" -> {
                long[] sizes = n.inputs().size() > 1 ? ints.get(n.inputs().get(1)) : longs(n, "split");
                long[] at = new long[sizes.length - 1];
                for (int i = 0, sum = 0; i < at.length; i++) {
                    sum += sizes[i];
                    at[i] = sum;
                }
                yield x.split(at, (int) (long) n.attributes().get("axis"));
            }
            case "Concat" -> {
                NDList parts = new NDList();
                n.inputs().forEach(i -> parts.add(v.get(i)));
                yield List.of(NDArrays.concat(parts, (int) (long) n.attributes().get("axis")));
            }
            case "GlobalAveragePool" -> List.of(x.reshape(x.getShape().get(0), x.getShape().get(1), -1)
                    .mean(new int[] {2}).reshape(x.getShape().get(0), x.getShape().get(1), 1, 1));
            case "Flatten" -> List.of(x.reshape(x.getShape().get(0), -1));
            case "Gemm" -> {
                NDArray b = v.get(n.inputs().get(1));
                if (Long.valueOf(1).equals(n.attributes().get("transB"))) {
                    b = b.transpose();
                }
                yield List.of(x.matMul(b).add(v.get(n.inputs().get(2))));
            }
            case "MatMul" -> List.of(x.matMul(v.get(n.inputs().get(1))));
            case "Unsqueeze" -> {
                long[] axes = n.inputs().size() > 1 ? ints.get(n.inputs().get(1)) : longs(n, "axes");
                NDArray y = x;
                for (long axis : java.util.Arrays.stream(axes).sorted().toArray()) {
                    y = y.expandDims((int) axis);
                }
                yield List.of(y);
            }
            default -> throw new IllegalStateException(n.name() + ": operator " + n.op() + " not known here");
        };
    }

    @SuppressWarnings("unchecked")
    private static long[] longs(OnnxModelReader.Node n, String attribute) {
        return ((List<Long>) n.attributes().get(attribute)).stream().mapToLong(Long::longValue).toArray();
    }
}
