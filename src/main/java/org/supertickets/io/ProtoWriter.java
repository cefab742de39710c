package org.supertickets.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol-buffers wire format, as much of it as our ONNX files and TensorBoard event files need: a message is
 * a sequence of fields, each a key {@code (fieldNumber << 3) | wireType} as a varint followed by the value. Wire
 * type 0 = varint (int32, int64, enums, bools; negative numbers as ten-byte two's complement), 1 = 64-bit
 * little-endian (double), 2 = length-delimited (strings, bytes, nested messages, packed repeated scalars), 5 =
 * 32-bit little-endian (float). Repeated fields are the same field written again; fields may come in any order.
 * Every field given is written, also at its default value: readers accept that, and a member of a {@code oneof}
 * must be written to be present. Written by hand so the workbench needs no protobuf runtime for two file formats.
 */
public final class ProtoWriter {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An integer field (int32, int64, enum or bool). */
    public ProtoWriter varint(int field, long value) {
        key(field, VARINT);
        rawVarint(value);
        return this;
    }

    /** A float field. */
    public ProtoWriter float32(int field, float value) {
        key(field, FIXED32);
        int bits = Float.floatToIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    /** A double field. */
    public ProtoWriter float64(int field, double value) {
        key(field, FIXED64);
        rawFixed64(Double.doubleToLongBits(value));
        return this;
    }

    /** A string field (UTF-8). */
    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytes field. */
    public ProtoWriter bytes(int field, byte[] value) {
        key(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    /** A nested message field. */
    public ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /**
     * A repeated int64 field, one key per value: how proto2 (onnx.proto's syntax) encodes a repeated scalar not
     * declared {@code packed}.
     */
    public ProtoWriter repeatedInt64(int field, long[] values) {
        for (long v : values) {
            varint(field, v);
        }
        return this;
    }

    /** A {@code repeated double [packed = true]} field (proto3's default): one length-delimited run of doubles. */
    public ProtoWriter packedDoubles(int field, double[] values) {
        ProtoWriter packed = new ProtoWriter();
        for (double v : values) {
            packed.rawFixed64(Double.doubleToLongBits(v));
        }
        return message(field, packed);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void key(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawFixed64(long bits) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (bits >>> (8 * i)));
        }
    }

    private void rawVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
