package org.supertickets.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.supertickets.io.NonFiniteAsNull;
import java.util.Map;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PredictedMasks;
import org.supertickets.train.PredictionCanvases;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;

/**
 * One training event as one line of JSON: the record's fields plus a {@code "type"} field. A value that is not
 * finite (a test accuracy never measured, a loss that diverged) is written as JSON {@code null}, so every field
 * keeps one type for jq and pandas; reading gives NaN back for it, and still accepts the {@code "NaN"} strings and
 * bare {@code NaN} tokens that older run folders hold.
 */
public final class EventJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(NonFiniteAsNull.module())
            .build();

    private static final Map<String, Class<? extends TrainingEvent>> TYPES = Map.of(
            "run_started", RunStarted.class,
            "step", StepMetrics.class,
            "eval", EvalMetrics.class,
            "shrink", ShrinkEvent.class,
            "prune", PruneEvent.class,
            "snapshot", ConnectivitySnapshot.class,
            "prediction_canvases", PredictionCanvases.class,
            "predicted_masks", PredictedMasks.class,
            "run_finished", RunFinished.class);

    private EventJson() {
    }

    public static String toJson(TrainingEvent event) {
        return toJson(event, null);
    }

    /**
     * One line with the wall-clock moment it was written ({@code "time"}, ISO-8601 in UTC, after {@code "type"}),
     * as metrics.jsonl keeps it for tools that plot against wall time; {@link #fromJson} ignores the field and
     * {@link #fromJsonTimed} returns it, so lines with and without it read alike.
     */
    public static String toJson(TrainingEvent event, Instant time) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", event.type());
        if (time != null) {
            node.put("time", time.toString());
        }
        node.setAll((ObjectNode) MAPPER.valueToTree(event));
        NonFiniteAsNull.replaceIn(node);
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.type(), e);
        }
    }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException when the line is not a known event (the message says why)
     */
    public static TrainingEvent fromJson(String line) {
        return fromJsonTimed(line).event();
    }

    /**
     * Parses one line with the moment it was written ({@code "time"}); the time is null when the line has none, or
     * one that is not an ISO-8601 instant (the event is still good, so it is kept without a time rather than lost).
     *
     * @throws IllegalArgumentException when the line is not a known event (the message says why)
     */
    public static TimedEvent fromJsonTimed(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            String type = node.path("type").asText("");
            Class<? extends TrainingEvent> kind = TYPES.get(type);
            if (kind == null) {
                throw new IllegalArgumentException("unknown event type '" + type + "'");
            }
            ((ObjectNode) node).remove("type");
            Instant time = instant(((ObjectNode) node).remove("time"));
            return new TimedEvent(MAPPER.treeToValue(node, kind), time);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(JsonNode time) {
        if (time == null || !time.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(time.asText());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
