package org.supertickets.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.supertickets.io.ProtoWriter;

/**
 * Builds one ONNX {@code ModelProto} with a single graph. Field numbers are those of {@code onnx/onnx.proto}
 * (comments name the message and field); only the fields this workbench writes are here. IR version 8 is the one
 * that goes with opset 17 (ONNX 1.12), and readers take it with any older opset; ONNX Runtime, Netron and PyTorch
 * read it.
 */
final class OnnxModel {

    static final long IR_VERSION = 8;
    /** TensorProto.DataType: FLOAT = 1, INT64 = 7. */
    static final int FLOAT = 1;
    static final int INT64 = 7;
    /** AttributeProto.AttributeType: FLOAT = 1, INT = 2, STRING = 3, INTS = 7. */
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_STRING = 3;
    private static final int ATTR_INTS = 7;

    private final ProtoWriter graph = new ProtoWriter();
    private final long opset;

    /** A model of the standard operators of {@code opset}. */
    OnnxModel(long opset) {
        this.opset = opset;
    }

    /** GraphProto.node = 1: NodeProto{input = 1, output = 2, name = 3, op_type = 4, attribute = 5}. */
    OnnxModel node(String name, String op, List<String> inputs, List<String> outputs, Map<String, ?> attributes) {
        ProtoWriter node = new ProtoWriter();
        inputs.forEach(i -> node.string(1, i));
        outputs.forEach(o -> node.string(2, o));
        node.string(3, name).string(4, op);
        attributes.forEach((key, value) -> node.message(5, attribute(key, value)));
        graph.message(1, node);
        return this;
    }

    /** GraphProto.initializer = 5: a float tensor, raw little-endian. */
    OnnxModel initializer(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        graph.message(5, tensor(name, dims, FLOAT, raw.array()));
        return this;
    }

    /** GraphProto.initializer = 5: an int64 tensor, raw little-endian. */
    OnnxModel initializer(String name, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        graph.message(5, tensor(name, new long[] {values.length}, INT64, raw.array()));
        return this;
    }

    /** GraphProto.input = 11: a float tensor; a dimension is a Long (fixed) or a String (symbolic, e.g. "N"). */
    OnnxModel input(String name, List<Object> dims, String doc) {
        graph.message(11, valueInfo(name, dims, doc));
        return this;
    }

    /** GraphProto.output = 12. */
    OnnxModel output(String name, List<Object> dims, String doc) {
        graph.message(12, valueInfo(name, dims, doc));
        return this;
    }

    /** GraphProto.value_info = 13: the type and shape of a value that is neither input nor output. */
    OnnxModel valueInfo(String name, List<Object> dims) {
        graph.message(13, valueInfo(name, dims, null));
        return this;
    }

    /** What ModelProto says about the model besides its graph. */
    record Description(String graphName, String graphDoc, String producer, String producerVersion, long modelVersion,
            String modelDoc, Map<String, String> metadata) {
    }

    /**
     * The whole file. ModelProto{ir_version = 1, producer_name = 2, producer_version = 3, model_version = 5,
     * doc_string = 6, graph = 7, opset_import = 8 (OperatorSetIdProto{domain = 1, version = 2}; the empty domain is
     * the standard operators), metadata_props = 14 (StringStringEntryProto{key = 1, value = 2})}; GraphProto{name = 2,
     * doc_string = 10}.
     */
    byte[] toBytes(Description d) {
        ProtoWriter g = new ProtoWriter();
        g.string(2, d.graphName()).string(10, d.graphDoc());
        ProtoWriter model = new ProtoWriter();
        model.varint(1, IR_VERSION).string(2, d.producer()).string(3, d.producerVersion())
                .varint(5, d.modelVersion()).string(6, d.modelDoc());
        model.bytes(7, concat(graph.toByteArray(), g.toByteArray()));
        model.message(8, new ProtoWriter().string(1, "").varint(2, opset));
        Map<String, String> metadata = d.metadata();
        metadata.forEach((k, v) -> model.message(14, new ProtoWriter().string(1, k).string(2, v)));
        return model.toByteArray();
    }

    /** TensorProto{dims = 1, data_type = 2, name = 8, raw_data = 9}. */
    private static ProtoWriter tensor(String name, long[] dims, int type, byte[] raw) {
        return new ProtoWriter().repeatedInt64(1, dims).varint(2, type).string(8, name).bytes(9, raw);
    }

    /**
     * ValueInfoProto{name = 1, type = 2, doc_string = 3}; TypeProto{tensor_type = 1}; TypeProto.Tensor{elem_type = 1,
     * shape = 2}; TensorShapeProto{dim = 1}; Dimension{dim_value = 1, dim_param = 2}.
     */
    private static ProtoWriter valueInfo(String name, List<Object> dims, String doc) {
        ProtoWriter shape = new ProtoWriter();
        for (Object d : dims) {
            shape.message(1, d instanceof String s ? new ProtoWriter().string(2, s)
                    : new ProtoWriter().varint(1, ((Number) d).longValue()));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        ProtoWriter info = new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
        return doc == null ? info : info.string(3, doc);
    }

    /**
     * AttributeProto{name = 1, f = 2, i = 3, s = 4, ints = 8, type = 20}: an Integer or Long is INT, another number
     * FLOAT, a String STRING, a list of numbers or an int[] INTS.
     */
    private static ProtoWriter attribute(String name, Object value) {
        ProtoWriter a = new ProtoWriter().string(1, name);
        if (value instanceof Integer || value instanceof Long) {
            a.varint(3, ((Number) value).longValue()).varint(20, ATTR_INT);
        } else if (value instanceof Number n) {
            a.float32(2, n.floatValue()).varint(20, ATTR_FLOAT);
        } else if (value instanceof String s) {
            a.string(4, s).varint(20, ATTR_STRING);
        } else if (value instanceof List<?> list) {
            a.repeatedInt64(8, list.stream().mapToLong(v -> ((Number) v).longValue()).toArray()).varint(20, ATTR_INTS);
        } else if (value instanceof int[] ints) {
            a.repeatedInt64(8, java.util.Arrays.stream(ints).asLongStream().toArray()).varint(20, ATTR_INTS);
        } else {
            throw new IllegalArgumentException("attribute " + name + ": unsupported value " + value);
        }
        return a;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
