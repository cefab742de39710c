package org.supertickets.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test side's protocol-buffers reader, written from the wire format's specification and not from
 * {@link ProtoWriter}, so that the files the workbench writes (TensorBoard event files, ONNX models) are checked by a
 * reader that shares nothing with their writer. A message is split into its fields: per field number, each
 * occurrence as the wire gave it — a Long for a varint or the bits of a fixed64, an Integer for the bits of a
 * fixed32, a byte[] for a length-delimited field. A non-repeated field read once takes its last occurrence, as
 * protobuf merges them; unknown fields are kept and ignored; a repeated scalar is read packed or not, as the
 * specification requires of a reader.
 *
 * @param byNumber every occurrence of every field, by field number
 */
public record ProtoFields(Map<Integer, List<Object>> byNumber) {

    /** The fields of one message. */
    public static ProtoFields of(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        Map<Integer, List<Object>> fields = new LinkedHashMap<>();
        while (in.hasRemaining()) {
            long key = readVarint(in);
            int wireType = (int) (key & 7);
            Object value = switch (wireType) {
                case 0 -> readVarint(in);
                case 1 -> in.getLong();
                case 2 -> {
                    byte[] b = new byte[Math.toIntExact(readVarint(in))];
                    in.get(b);
                    yield b;
                }
                case 5 -> in.getInt();
                default -> throw new IllegalStateException("wire type " + wireType);
            };
            fields.computeIfAbsent((int) (key >>> 3), n -> new ArrayList<>()).add(value);
        }
        return new ProtoFields(fields);
    }

    public boolean has(int field) {
        return byNumber.containsKey(field);
    }

    /** Every occurrence of a field, in order. */
    public List<Object> all(int field) {
        return byNumber.getOrDefault(field, List.of());
    }

    private Object last(int field) {
        List<Object> values = all(field);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    public byte[] bytes(int field) {
        return (byte[]) last(field);
    }

    public String string(int field) {
        byte[] b = bytes(field);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** Every occurrence of a repeated string field. */
    public List<String> strings(int field) {
        return all(field).stream().map(b -> new String((byte[]) b, StandardCharsets.UTF_8)).toList();
    }

    /** A varint field; 0, its default, when absent. */
    public long varint(int field) {
        Object v = last(field);
        return v == null ? 0 : (Long) v;
    }

    public int fixed32(int field) {
        return (Integer) last(field);
    }

    /** A float field; 0, its default, when absent. */
    public float float32(int field) {
        Object v = last(field);
        return v == null ? 0 : Float.intBitsToFloat((Integer) v);
    }

    /** A double field; 0, its default, when absent. */
    public double double64(int field) {
        Object v = last(field);
        return v == null ? 0 : Double.longBitsToDouble((Long) v);
    }

    /** A repeated int64 (or int32, enum): packed (a length-delimited run of varints) or one varint per value. */
    public List<Long> longs(int field) {
        List<Long> out = new ArrayList<>();
        for (Object v : all(field)) {
            if (v instanceof byte[] packed) {
                ByteBuffer b = ByteBuffer.wrap(packed);
                while (b.hasRemaining()) {
                    out.add(readVarint(b));
                }
            } else {
                out.add((Long) v);
            }
        }
        return out;
    }

    /** A repeated double: packed (a length-delimited run of 8-byte values) or one fixed64 per value. */
    public List<Double> doubles(int field) {
        List<Double> out = new ArrayList<>();
        for (Object v : all(field)) {
            if (v instanceof byte[] packed) {
                ByteBuffer b = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
                while (b.hasRemaining()) {
                    out.add(b.getDouble());
                }
            } else {
                out.add(Double.longBitsToDouble((Long) v));
            }
        }
        return out;
    }

    /** A repeated float: packed or one fixed32 per value. */
    public List<Float> floats(int field) {
        List<Float> out = new ArrayList<>();
        for (Object v : all(field)) {
            if (v instanceof byte[] packed) {
                ByteBuffer b = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
                while (b.hasRemaining()) {
                    out.add(b.getFloat());
                }
            } else {
                out.add(Float.intBitsToFloat((Integer) v));
            }
        }
        return out;
    }

    private static long readVarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
