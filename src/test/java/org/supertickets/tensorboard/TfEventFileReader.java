package org.supertickets.tensorboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads TensorBoard event files as the specification describes them, independently of the writer: TFRecord
 * framing (TensorFlow's {@code record_writer.cc}: uint64 length, masked crc32c of the length, data, masked crc32c
 * of the data, all little-endian) and the protocol-buffer wire format of {@code Event} and {@code Summary.Value}.
 * Unknown fields are skipped by wire type, as any protobuf reader does.
 */
final class TfEventFileReader {

    /** An event as TensorBoard sees it. */
    record Event(double wallTime, long step, String fileVersion, Map<String, Float> scalars) {
    }

    private TfEventFileReader() {
    }

    static List<Event> read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        while (in.hasRemaining()) {
            byte[] lengthBytes = new byte[8];
            in.get(lengthBytes);
            check(lengthBytes, in.getInt(), "length of record " + events.size());
            long length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            byte[] data = new byte[Math.toIntExact(length)];
            in.get(data);
            check(data, in.getInt(), "data of record " + events.size());
            events.add(event(data));
        }
        return events;
    }

    /** masked_crc = ((crc >> 15) | (crc << 17)) + 0xa282ead8, as unsigned 32-bit arithmetic. */
    static long masked(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        long c = crc.getValue();
        return ((((c >>> 15) | (c << 17)) & 0xFFFFFFFFL) + 0xa282ead8L) & 0xFFFFFFFFL;
    }

    private static void check(byte[] bytes, int stored, String what) throws IOException {
        if ((stored & 0xFFFFFFFFL) != masked(bytes)) {
            throw new IOException("bad checksum of the " + what);
        }
    }

    private static Event event(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        double wallTime = 0;
        long step = 0;
        String version = null;
        Map<String, Float> scalars = new LinkedHashMap<>();
        while (in.hasRemaining()) {
            long key = varint(in);
            int field = (int) (key >>> 3);
            int type = (int) (key & 7);
            if (field == 1 && type == 1) {
                wallTime = in.getDouble();
            } else if (field == 2 && type == 0) {
                step = varint(in);
            } else if (field == 3 && type == 2) {
                version = new String(bytes(in), StandardCharsets.UTF_8);
            } else if (field == 5 && type == 2) {
                summary(ByteBuffer.wrap(bytes(in)).order(ByteOrder.LITTLE_ENDIAN), scalars);
            } else {
                skip(in, type);
            }
        }
        return new Event(wallTime, step, version, scalars);
    }

    private static void summary(ByteBuffer in, Map<String, Float> scalars) {
        while (in.hasRemaining()) {
            long key = varint(in);
            if (key >>> 3 == 1 && (key & 7) == 2) {
                ByteBuffer value = ByteBuffer.wrap(bytes(in)).order(ByteOrder.LITTLE_ENDIAN);
                String tag = null;
                Float simple = null;
                while (value.hasRemaining()) {
                    long k = varint(value);
                    if (k >>> 3 == 1 && (k & 7) == 2) {
                        tag = new String(bytes(value), StandardCharsets.UTF_8);
                    } else if (k >>> 3 == 2 && (k & 7) == 5) {
                        simple = value.getFloat();
                    } else {
                        skip(value, (int) (k & 7));
                    }
                }
                scalars.put(tag, simple);
            } else {
                skip(in, (int) (key & 7));
            }
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[Math.toIntExact(varint(in))];
        in.get(b);
        return b;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    private static void skip(ByteBuffer in, int wireType) {
        switch (wireType) {
            case 0 -> varint(in);
            case 1 -> in.position(in.position() + 8);
            case 2 -> bytes(in);
            case 5 -> in.position(in.position() + 4);
            default -> throw new IllegalStateException("wire type " + wireType);
        }
    }
}
