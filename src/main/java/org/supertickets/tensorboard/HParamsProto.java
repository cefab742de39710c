package org.supertickets.tensorboard;

import java.util.Map;
import org.supertickets.io.ProtoWriter;

/**
 * The content TensorBoard's hparams plugin reads from a run (its {@code plugin_data.proto}), encoded by hand:
 * <pre>
 * message HParamsPluginData { int32 version = 1;
 *                             oneof data { SessionStartInfo session_start_info = 3;
 *                                          SessionEndInfo session_end_info = 4; } }
 * message SessionStartInfo  { map&lt;string, google.protobuf.Value&gt; hparams = 1; double start_time_secs = 5; }
 * message SessionEndInfo    { Status status = 1; double end_time_secs = 2; }
 * map entry                 { string key = 1; google.protobuf.Value value = 2; }
 * google.protobuf.Value     { oneof kind { double number_value = 2; string string_value = 3; bool bool_value = 4; } }
 * </pre>
 * {@code version} stays at 0, the only version the plugin reads; proto3 leaves a field at its default out, so it is
 * not written.
 */
final class HParamsProto {

    static final String PLUGIN_NAME = "hparams";
    static final String SESSION_START_TAG = "_hparams_/session_start_info";
    static final String SESSION_END_TAG = "_hparams_/session_end_info";

    /** How a session ended ({@code Status} of the plugin's {@code api.proto}; UNKNOWN is never written). */
    enum Status {
        SUCCESS(1),
        FAILURE(2);

        private final int number;

        Status(int number) {
            this.number = number;
        }
    }

    private HParamsProto() {
    }

    /**
     * @param hparams name → value, each a {@link Double}, {@link Boolean} or {@link String}
     * @param startTimeSecs seconds since the epoch
     */
    static byte[] sessionStart(Map<String, Object> hparams, double startTimeSecs) {
        ProtoWriter start = new ProtoWriter();
        hparams.forEach((name, value) -> start.message(1, new ProtoWriter().string(1, name).message(2,
                valueOf(name, value))));
        start.float64(5, startTimeSecs);
        return new ProtoWriter().message(3, start).toByteArray();
    }

    /** @param endTimeSecs seconds since the epoch */
    static byte[] sessionEnd(Status status, double endTimeSecs) {
        ProtoWriter end = new ProtoWriter().varint(1, status.number).float64(2, endTimeSecs);
        return new ProtoWriter().message(4, end).toByteArray();
    }

    private static ProtoWriter valueOf(String name, Object value) {
        if (value instanceof Double d) {
            return new ProtoWriter().float64(2, d);
        } else if (value instanceof String s) {
            return new ProtoWriter().string(3, s);
        } else if (value instanceof Boolean b) {
            return new ProtoWriter().varint(4, b ? 1 : 0);
        }
        throw new IllegalArgumentException("hparam " + name + " is a " + (value == null ? "null" : value.getClass())
                + ", not a Double, Boolean or String");
    }
}
