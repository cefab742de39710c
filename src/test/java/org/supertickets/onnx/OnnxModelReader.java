package org.supertickets.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.io.ProtoFields;

/**
 * Reads an ONNX file back as {@code onnx/onnx.proto} defines it, with the test side's own protobuf reader
 * ({@link ProtoFields}), not the writer's code: the fields of {@code ModelProto}, {@code GraphProto},
 * {@code NodeProto}, {@code AttributeProto}, {@code TensorProto} and {@code ValueInfoProto} the export writes, and
 * whatever else is there ignored. Field numbers are repeated here from the specification on purpose.
 */
final class OnnxModelReader {

    /** ModelProto. */
    record Model(long irVersion, String producerName, String producerVersion, long modelVersion, String docString,
            Map<String, Long> opsets, Graph graph, Map<String, String> metadata) {
    }

    /** GraphProto. */
    record Graph(String name, String docString, List<Node> nodes, Map<String, Tensor> initializers,
            List<ValueInfo> inputs, List<ValueInfo> outputs, List<ValueInfo> valueInfo) {
    }

    /** NodeProto; an attribute is a Long (INT), Float (FLOAT), String (STRING) or List of Long (INTS). */
    record Node(String name, String op, List<String> inputs, List<String> outputs, Map<String, Object> attributes) {
    }

    /**
     * TensorProto of FLOAT (values in {@code floats}) or INT64 (in {@code longs}), from raw_data or the typed field.
     */
    record Tensor(String name, List<Long> dims, long dataType, float[] floats, long[] longs) {
    }

    /** ValueInfoProto of a tensor: element type and dimensions, each a Long (dim_value) or String (dim_param). */
    record ValueInfo(String name, long elemType, List<Object> dims, String docString) {
    }

    static final long FLOAT = 1;
    static final long INT64 = 7;

    private OnnxModelReader() {
    }

    /**
     * ModelProto{ir_version = 1, producer_name = 2, producer_version = 3, model_version = 5, doc_string = 6,
     * graph = 7, opset_import = 8 {domain = 1, version = 2}, metadata_props = 14 {key = 1, value = 2}}.
     */
    static Model read(byte[] bytes) {
        ProtoFields m = ProtoFields.of(bytes);
        Map<String, Long> opsets = new LinkedHashMap<>();
        for (Object o : m.all(8)) {
            ProtoFields opset = ProtoFields.of((byte[]) o);
            opsets.put(opset.string(1) == null ? "" : opset.string(1), opset.varint(2));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Object e : m.all(14)) {
            ProtoFields entry = ProtoFields.of((byte[]) e);
            metadata.put(entry.string(1), entry.string(2));
        }
        return new Model(m.varint(1), m.string(2), m.string(3), m.varint(5), m.string(6), opsets,
                graph(ProtoFields.of(m.bytes(7))), metadata);
    }

    /**
     * GraphProto{node = 1, name = 2, initializer = 5, doc_string = 10, input = 11, output = 12, value_info = 13}.
     */
    private static Graph graph(ProtoFields g) {
        List<Node> nodes = new ArrayList<>();
        for (Object n : g.all(1)) {
            nodes.add(node(ProtoFields.of((byte[]) n)));
        }
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        for (Object t : g.all(5)) {
            Tensor tensor = tensor(ProtoFields.of((byte[]) t));
            initializers.put(tensor.name(), tensor);
        }
        return new Graph(g.string(2), g.string(10), nodes, initializers, valueInfos(g, 11), valueInfos(g, 12),
                valueInfos(g, 13));
    }

    /** NodeProto{input = 1, output = 2, name = 3, op_type = 4, attribute = 5}. */
    private static Node node(ProtoFields n) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Object a : n.all(5)) {
            ProtoFields attribute = ProtoFields.of((byte[]) a);
            attributes.put(attribute.string(1), attributeValue(attribute));
        }
        return new Node(n.string(3), n.string(4), n.strings(1), n.strings(2), attributes);
    }

    /** AttributeProto{name = 1, f = 2, i = 3, s = 4, ints = 8, type = 20 (FLOAT 1, INT 2, STRING 3, INTS 7)}. */
    private static Object attributeValue(ProtoFields a) {
        long type = a.varint(20);
        return switch ((int) type) {
            case 1 -> a.float32(2);
            case 2 -> a.varint(3);
            case 3 -> a.string(4);
            case 7 -> a.longs(8);
            default -> throw new IllegalStateException("attribute " + a.string(1) + " of type " + type);
        };
    }

    /** TensorProto{dims = 1, data_type = 2, float_data = 4, int64_data = 7, name = 8, raw_data = 9}. */
    private static Tensor tensor(ProtoFields t) {
        List<Long> dims = t.longs(1);
        long count = dims.stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
        long type = t.varint(2);
        byte[] raw = t.bytes(9);
        float[] floats = null;
        long[] longs = null;
        if (type == FLOAT) {
            floats = new float[Math.toIntExact(count)];
            if (raw != null) {
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(floats);
            } else {
                List<Float> values = t.floats(4);
                for (int i = 0; i < floats.length; i++) {
                    floats[i] = values.get(i);
                }
            }
        } else if (type == INT64) {
            longs = new long[Math.toIntExact(count)];
            if (raw != null) {
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(longs);
            } else {
                longs = t.longs(7).stream().mapToLong(Long::longValue).toArray();
            }
        } else {
            throw new IllegalStateException("tensor " + t.string(8) + " of data type " + type);
        }
        return new Tensor(t.string(8), dims, type, floats, longs);
    }

    /**
     * ValueInfoProto{name = 1, type = 2, doc_string = 3}; TypeProto{tensor_type = 1}; TypeProto.Tensor{elem_type = 1,
     * shape = 2}; TensorShapeProto{dim = 1}; Dimension{dim_value = 1, dim_param = 2}.
     */
    private static List<ValueInfo> valueInfos(ProtoFields g, int field) {
        List<ValueInfo> infos = new ArrayList<>();
        for (Object v : g.all(field)) {
            ProtoFields info = ProtoFields.of((byte[]) v);
            ProtoFields tensorType = ProtoFields.of(ProtoFields.of(info.bytes(2)).bytes(1));
            List<Object> dims = new ArrayList<>();
            if (tensorType.has(2)) {
                for (Object d : ProtoFields.of(tensorType.bytes(2)).all(1)) {
                    ProtoFields dim = ProtoFields.of((byte[]) d);
                    dims.add(dim.has(2) ? dim.string(2) : (Object) dim.varint(1));
                }
            }
            infos.add(new ValueInfo(info.string(1), tensorType.varint(1), dims, info.string(3)));
        }
        return infos;
    }
}
