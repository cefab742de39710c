package org.supertickets.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol-buffers wire format, as much of it as an ONNX file needs: a message is a sequence of fields, each a
 * key {@code (fieldNumber << 3) | wireType} as a varint followed by the value. Wire type 0 = varint (int32, int64,
 * enums; negative numbers as ten-byte two's complement), 2 = length-delimited (strings, bytes, nested messages,
 * packed repeated scalars), 5 = 32-bit little-endian (float). Repeated fields are the same field written again;
 * fields may come in any order. Written by hand so the workbench needs no protobuf runtime for one file format.
 */
final class ProtoWriter {

    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An integer field (int32, int64 or enum). */
    ProtoWriter varint(int field, long value) {
        key(field, VARINT);
        rawVarint(value);
        return this;
    }

    /** A float field. */
    ProtoWriter float32(int field, float value) {
        key(field, FIXED32);
        int bits = Float.floatToIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    /** A string field (UTF-8). */
    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytes field. */
    ProtoWriter bytes(int field, byte[] value) {
        key(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    /** A nested message field. */
    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /**
     * A repeated int64 field, one key per value: how proto2 (onnx.proto's syntax) encodes a repeated scalar not
     * declared {@code packed}.
     */
    ProtoWriter repeatedInt64(int field, long[] values) {
        for (long v : values) {
            varint(field, v);
        }
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void key(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
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
