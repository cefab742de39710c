package org.supertickets.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * JSON has no NaN or infinity. Jackson writes them as the strings {@code "NaN"}, {@code "Infinity"}: a number
 * field that sometimes holds a string breaks jq's arithmetic and turns a pandas column into objects. We write
 * {@code null} instead, and read {@code null} (and the old strings and bare tokens) back as NaN or infinity —
 * in metrics.jsonl and in ticket.json alike.
 */
public final class NonFiniteAsNull {

    private NonFiniteAsNull() {
    }

    /** Replaces every non-finite number in the tree, at any depth, by {@code null}. */
    public static void replaceIn(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (nonFinite(field.getValue())) {
                    field.setValue(NullNode.getInstance());
                } else {
                    replaceIn(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (nonFinite(array.get(i))) {
                    array.set(i, NullNode.getInstance());
                } else {
                    replaceIn(array.get(i));
                }
            }
        }
    }

    private static boolean nonFinite(JsonNode value) {
        return value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue());
    }

    /**
     * Reads {@code double}, {@code float} and {@code float[]} (a snapshot's branch importance) fields: {@code null}
     * is NaN; the strings "NaN", "Infinity", "-Infinity" and bare tokens are read as such.
     */
    public static SimpleModule module() {
        SimpleModule module = primitivesModule();
        module.addDeserializer(Double.class, new NullAsNaN());
        module.addDeserializer(Float.class, new NullAsNaNFloat());
        module.addDeserializer(float[].class, new FloatArray());
        return module;
    }

    /**
     * Reads only primitive {@code double} and {@code float} fields this way, leaving a boxed field's {@code null} as
     * "absent" (ticket.json, whose optional metrics are boxed and left out when there are none).
     */
    public static SimpleModule primitivesModule() {
        SimpleModule module = new SimpleModule("non-finite-as-null");
        module.addDeserializer(Double.TYPE, new NullAsNaN());
        module.addDeserializer(Float.TYPE, new NullAsNaNFloat());
        return module;
    }

    /** One number, NaN for {@code null}. */
    static double read(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return (Double) ctxt.handleWeirdStringValue(Double.class, text, "not a number");
            }
        }
        return (Double) ctxt.handleUnexpectedToken(Double.class, p);
    }

    private static final class NullAsNaN extends StdScalarDeserializer<Double> {

        NullAsNaN() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read(p, ctxt);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }

    private static final class NullAsNaNFloat extends StdScalarDeserializer<Float> {

        NullAsNaNFloat() {
            super(Float.class);
        }

        @Override
        public Float deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return (float) read(p, ctxt);
        }

        @Override
        public Float getNullValue(DeserializationContext ctxt) {
            return Float.NaN;
        }
    }

    private static final class FloatArray extends StdDeserializer<float[]> {

        FloatArray() {
            super(float[].class);
        }

        @Override
        public float[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return (float[]) ctxt.handleUnexpectedToken(float[].class, p);
            }
            float[] values = new float[16];
            int n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = (float) read(p, ctxt);
            }
            return Arrays.copyOf(values, n);
        }
    }
}
