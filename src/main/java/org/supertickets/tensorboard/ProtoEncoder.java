package org.supertickets.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol-buffer wire format, written by hand: each field is a key (field number and wire type) as a varint,
 * then its value. Every field given is written, also at its default value: proto3 readers accept that, and a
 * member of a {@code oneof} (such as {@code google.protobuf.Value}'s kinds) must be written to be present.
 */
final class ProtoEncoder {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoEncoder varint(int field, long value) {
        key(field, VARINT);
        rawVarint(value);
        return this;
    }

    ProtoEncoder doubleValue(int field, double value) {
        key(field, FIXED64);
        rawFixed64(Double.doubleToRawLongBits(value));
        return this;
    }

    ProtoEncoder floatValue(int field, float value) {
        key(field, FIXED32);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    ProtoEncoder bytes(int field, byte[] value) {
        key(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoEncoder string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoEncoder message(int field, ProtoEncoder message) {
        return bytes(field, message.toByteArray());
    }

    /** A {@code repeated double [packed = true]}: one length-delimited field holding the 8-byte values. */
    ProtoEncoder packedDoubles(int field, double[] values) {
        ProtoEncoder packed = new ProtoEncoder();
        for (double v : values) {
            packed.rawFixed64(Double.doubleToRawLongBits(v));
        }
        return message(field, packed);
    }

    byte[] toByteArray() {
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
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
