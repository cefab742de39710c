package org.supertickets.tensorboard;

import java.util.Map;
import org.supertickets.io.ProtoWriter;

/**
 * The messages of TensorFlow's {@code event.proto}, {@code summary.proto}, {@code histogram.proto} and
 * {@code tensor.proto} that our logs need, encoded by hand (a dependency on protobuf-java for these few fields
 * would weigh more than this class):
 * <pre>
 * message Event           { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
 * message Summary         { repeated Value value = 1; }
 * message Value           { string tag = 1; float simple_value = 2; HistogramProto histo = 5;
 *                           TensorProto tensor = 8; SummaryMetadata metadata = 9; }
 * message HistogramProto  { double min = 1; double max = 2; double num = 3; double sum = 4; double sum_squares = 5;
 *                           repeated double bucket_limit = 6 [packed]; repeated double bucket = 7 [packed]; }
 * message TensorProto     { DataType dtype = 1; TensorShapeProto tensor_shape = 2; repeated bytes string_val = 8; }
 * message TensorShapeProto { repeated Dim dim = 2; }   message Dim { int64 size = 1; }
 * message SummaryMetadata { PluginData plugin_data = 1; }
 * message PluginData      { string plugin_name = 1; bytes content = 2; }
 * </pre>
 */
final class EventProto {

    /** What TensorBoard expects in the first event of a file. */
    static final String FILE_VERSION = "brain.Event:2";

    /** {@code DataType} values of {@code types.proto}. */
    private static final int DT_FLOAT = 1;
    private static final int DT_STRING = 7;

    private EventProto() {
    }

    /** The first event of every file: its format version. */
    static byte[] fileVersion(double wallTime) {
        return new ProtoWriter().float64(1, wallTime).string(3, FILE_VERSION).toByteArray();
    }

    /** One event holding the scalars of one step (tag → value; non-finite values are left out). */
    static byte[] scalars(double wallTime, long step, Map<String, Double> values) {
        ProtoWriter summary = new ProtoWriter();
        values.forEach((tag, value) -> {
            if (Double.isFinite(value)) {
                summary.message(1, new ProtoWriter().string(1, tag).float32(2, value.floatValue()));
            }
        });
        return event(wallTime, step, summary);
    }

    /**
     * One event holding histograms of one step (tag → histogram). TensorBoard's histogram plugin takes a
     * {@code histo} value without metadata.
     */
    static byte[] histograms(double wallTime, long step, Map<String, Histogram> histograms) {
        ProtoWriter summary = new ProtoWriter();
        histograms.forEach((tag, h) -> {
            double[] counts = new double[h.bucketCounts().length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = h.bucketCounts()[i];
            }
            ProtoWriter histo = new ProtoWriter().float64(1, h.min()).float64(2, h.max())
                    .float64(3, h.num()).float64(4, h.sum()).float64(5, h.sumSquares())
                    .packedDoubles(6, h.bucketLimits()).packedDoubles(7, counts);
            summary.message(1, new ProtoWriter().string(1, tag).message(5, histo));
        });
        return event(wallTime, step, summary);
    }

    /**
     * One event holding a text for TensorBoard's text plugin, which renders it as Markdown: a scalar string
     * tensor tagged for the plugin {@code text}.
     */
    static byte[] text(double wallTime, long step, String tag, String markdown) {
        ProtoWriter tensor = new ProtoWriter().varint(1, DT_STRING).message(2, new ProtoWriter())
                .string(8, markdown);
        return pluginValue(wallTime, step, tag, tensor, "text", new byte[0]);
    }

    /**
     * One event whose value is only metadata for a plugin ({@code content}, the plugin's own message). Its tensor
     * is TensorBoard's {@code NULL_TENSOR}, a float vector of length 0: readers that want every value to hold a
     * tensor get the smallest valid one.
     */
    static byte[] pluginData(double wallTime, long step, String tag, String plugin, byte[] content) {
        ProtoWriter nullTensor = new ProtoWriter().varint(1, DT_FLOAT)
                .message(2, new ProtoWriter().message(2, new ProtoWriter().varint(1, 0)));
        return pluginValue(wallTime, step, tag, nullTensor, plugin, content);
    }

    private static byte[] pluginValue(double wallTime, long step, String tag, ProtoWriter tensor, String plugin,
            byte[] content) {
        ProtoWriter pluginData = new ProtoWriter().string(1, plugin);
        if (content.length > 0) {
            pluginData.bytes(2, content);
        }
        ProtoWriter value = new ProtoWriter().string(1, tag).message(8, tensor)
                .message(9, new ProtoWriter().message(1, pluginData));
        return event(wallTime, step, new ProtoWriter().message(1, value));
    }

    private static byte[] event(double wallTime, long step, ProtoWriter summary) {
        return new ProtoWriter().float64(1, wallTime).varint(2, step).message(5, summary).toByteArray();
    }
}
