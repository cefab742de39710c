package org.supertickets.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The two messages of TensorFlow's {@code event.proto} and {@code summary.proto} that scalar logs need, encoded
 * by hand (a dependency on protobuf-java for three fields would weigh more than this class):
 * <pre>
 * message Event   { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
 * message Summary { repeated Value value = 1; }
 * message Value   { string tag = 1; float simple_value = 2; }
 * </pre>
 */
final class EventProto {

    /** What TensorBoard expects in the first event of a file. */
    static final String FILE_VERSION = "brain.Event:2";

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private EventProto() {
    }

    /** The first event of every file: its format version. */
    static byte[] fileVersion(double wallTime) {
        Encoder e = new Encoder();
        e.fixed64(1, Double.doubleToRawLongBits(wallTime));
        e.bytes(3, FILE_VERSION.getBytes(StandardCharsets.UTF_8));
        return e.toByteArray();
    }

    /** One event holding the scalars of one step (tag → value; non-finite values are left out). */
    static byte[] scalars(double wallTime, long step, Map<String, Double> values) {
        Encoder summary = new Encoder();
        values.forEach((tag, value) -> {
            if (Double.isFinite(value)) {
                Encoder v = new Encoder();
                v.bytes(1, tag.getBytes(StandardCharsets.UTF_8));
                v.fixed32(2, Float.floatToRawIntBits(value.floatValue()));
                summary.bytes(1, v.toByteArray());
            }
        });
        Encoder event = new Encoder();
        event.fixed64(1, Double.doubleToRawLongBits(wallTime));
        event.varint(2, step);
        event.bytes(5, summary.toByteArray());
        return event.toByteArray();
    }

    /** Protocol-buffer wire format: a key (field number and wire type) as a varint, then the value. */
    private static final class Encoder {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            key(field, VARINT);
            rawVarint(value);
        }

        void fixed64(int field, long bits) {
            key(field, FIXED64);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)));
            }
        }

        void fixed32(int field, int bits) {
            key(field, FIXED32);
            for (int i = 0; i < 4; i++) {
                out.write(bits >>> (8 * i));
            }
        }

        void bytes(int field, byte[] value) {
            key(field, LENGTH_DELIMITED);
            rawVarint(value.length);
            out.writeBytes(value);
        }

        private void key(int field, int wireType) {
            rawVarint(((long) field << 3) | wireType);
        }

        private void rawVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
