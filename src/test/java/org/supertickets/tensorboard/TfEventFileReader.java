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
import org.supertickets.io.ProtoFields;

/**
 * Reads TensorBoard event files as the specification describes them, independently of the writer: TFRecord
 * framing (TensorFlow's {@code record_writer.cc}: uint64 length, masked crc32c of the length, data, masked crc32c
 * of the data, all little-endian) and the protocol-buffer wire format of {@code Event}, {@code Summary.Value},
 * {@code HistogramProto}, {@code TensorProto}, {@code SummaryMetadata} and the hparams plugin's
 * {@code HParamsPluginData} (field numbers from TensorBoard's {@code .proto} files). Each message is first split
 * into its fields by wire type ({@link ProtoFields}), as any protobuf reader does, and unknown fields are ignored.
 */
final class TfEventFileReader {

    /** An event as TensorBoard sees it: its values by kind, each by tag. */
    record Event(double wallTime, long step, String fileVersion, Map<String, Float> scalars,
            Map<String, Histo> histograms, Map<String, Tensor> tensors, Map<String, PluginData> plugins) {
    }

    /** {@code HistogramProto}. */
    record Histo(double min, double max, double num, double sum, double sumSquares, List<Double> bucketLimits,
            List<Double> buckets) {
    }

    /** {@code TensorProto}: its type, shape, and the values of the kinds we write. */
    record Tensor(long dtype, List<Long> shape, List<String> strings, List<Float> floats) {
    }

    /** {@code SummaryMetadata.PluginData}. */
    record PluginData(String pluginName, byte[] content) {
    }

    /** {@code HParamsPluginData}: one of its {@code data} (the other null). */
    record HParams(long version, SessionStart start, SessionEnd end) {
    }

    /** @param hparams name → Double (number_value), String (string_value) or Boolean (bool_value) */
    record SessionStart(Map<String, Object> hparams, double startTimeSecs) {
    }

    record SessionEnd(long status, double endTimeSecs) {
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

    /** Event { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; } */
    private static Event event(byte[] data) {
        ProtoFields event = ProtoFields.of(data);
        Map<String, Float> scalars = new LinkedHashMap<>();
        Map<String, Histo> histograms = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, PluginData> plugins = new LinkedHashMap<>();
        byte[] summary = event.bytes(5);
        // Summary { repeated Value value = 1; }
        for (Object v : summary == null ? List.of() : ProtoFields.of(summary).all(1)) {
            // Value { string tag = 1; float simple_value = 2; HistogramProto histo = 5; TensorProto tensor = 8;
            //         SummaryMetadata metadata = 9; }
            ProtoFields value = ProtoFields.of((byte[]) v);
            String tag = value.string(1);
            if (value.has(2)) {
                scalars.put(tag, Float.intBitsToFloat(value.fixed32(2)));
            }
            if (value.has(5)) {
                histograms.put(tag, histo(ProtoFields.of(value.bytes(5))));
            }
            if (value.has(8)) {
                tensors.put(tag, tensor(ProtoFields.of(value.bytes(8))));
            }
            if (value.has(9)) {
                // SummaryMetadata { PluginData plugin_data = 1; }
                // PluginData { string plugin_name = 1; bytes content = 2; }
                byte[] pluginData = ProtoFields.of(value.bytes(9)).bytes(1);
                ProtoFields plugin = ProtoFields.of(pluginData == null ? new byte[0] : pluginData);
                byte[] content = plugin.bytes(2);
                plugins.put(tag, new PluginData(plugin.string(1), content == null ? new byte[0] : content));
            }
        }
        return new Event(event.double64(1), event.varint(2), event.string(3), scalars,
                histograms, tensors, plugins);
    }

    private static Histo histo(ProtoFields h) {
        return new Histo(h.double64(1), h.double64(2), h.double64(3), h.double64(4), h.double64(5), h.doubles(6),
                h.doubles(7));
    }

    /** TensorProto { DataType dtype = 1; TensorShapeProto tensor_shape = 2; repeated float float_val = 5 [packed];
     *  repeated bytes string_val = 8; }  TensorShapeProto { repeated Dim dim = 2; }  Dim { int64 size = 1; } */
    private static Tensor tensor(ProtoFields t) {
        List<Long> shape = new ArrayList<>();
        if (t.has(2)) {
            for (Object dim : ProtoFields.of(t.bytes(2)).all(2)) {
                shape.add(ProtoFields.of((byte[]) dim).varint(1));
            }
        }
        List<String> strings = new ArrayList<>();
        for (Object s : t.all(8)) {
            strings.add(new String((byte[]) s, StandardCharsets.UTF_8));
        }
        return new Tensor(t.varint(1), t.has(2) ? shape : null, strings, t.floats(5));
    }

    /**
     * HParamsPluginData { int32 version = 1; oneof data { SessionStartInfo session_start_info = 3;
     * SessionEndInfo session_end_info = 4; } }
     */
    static HParams hparams(byte[] content) {
        ProtoFields data = ProtoFields.of(content);
        SessionStart start = null;
        SessionEnd end = null;
        if (data.has(3)) {
            // SessionStartInfo { map<string, google.protobuf.Value> hparams = 1; double start_time_secs = 5; }
            ProtoFields info = ProtoFields.of(data.bytes(3));
            Map<String, Object> hparams = new LinkedHashMap<>();
            for (Object e : info.all(1)) {
                ProtoFields entry = ProtoFields.of((byte[]) e); // { string key = 1; Value value = 2; }
                hparams.put(entry.string(1), protobufValue(ProtoFields.of(entry.bytes(2))));
            }
            start = new SessionStart(hparams, info.double64(5));
        }
        if (data.has(4)) {
            // SessionEndInfo { Status status = 1; double end_time_secs = 2; }
            ProtoFields info = ProtoFields.of(data.bytes(4));
            end = new SessionEnd(info.varint(1), info.double64(2));
        }
        return new HParams(data.varint(1), start, end);
    }

    /** google.protobuf.Value { oneof kind { NullValue null_value = 1; double number_value = 2;
     *  string string_value = 3; bool bool_value = 4; ... } } */
    private static Object protobufValue(ProtoFields v) {
        if (v.has(2)) {
            return v.double64(2);
        } else if (v.has(3)) {
            return v.string(3);
        } else if (v.has(4)) {
            return v.varint(4) != 0;
        }
        throw new IllegalStateException("a google.protobuf.Value without a number, string or bool");
    }
}
