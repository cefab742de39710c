package org.supertickets.space;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.function.DoubleFunction;

/**
 * An integer field: a JSON integer, or a decimal or exponent form with no fraction ({@code 1e6}, {@code 16.0}).
 * Anything else is refused with the value in the message; Jackson's own float-to-int coercion would silently
 * truncate 16.5 to 16.
 */
final class WholeNumber<T extends Number> extends StdScalarDeserializer<T> {

    private final double min;
    private final double max;
    private final DoubleFunction<T> convert;

    WholeNumber(Class<T> type, double min, double max, DoubleFunction<T> convert) {
        super(type);
        this.min = min;
        this.max = max;
        this.convert = convert;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
            // getIntValue/getLongValue report overflow with the number and the type's range.
            Object value = handledType() == Integer.class ? (Object) p.getIntValue() : (Object) p.getLongValue();
            return (T) value;
        }
        if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            double d = p.getDoubleValue();
            if (d == Math.rint(d) && d >= min && d <= max) {
                return convert.apply(d);
            }
            if (d == Math.rint(d)) {
                // Worded as Jackson words an integer overflow, so both get the same message.
                throw InvalidFormatException.from(p, "Numeric value (" + p.getText() + ") out of range of "
                        + (handledType() == Integer.class ? "int" : "long"), d, handledType());
            }
            throw InvalidFormatException.from(p, "not a whole number", d, handledType());
        }
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            throw InvalidFormatException.from(p, "a text, not a number", p.getText(), handledType());
        }
        if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
            throw InvalidFormatException.from(p, "a boolean, not a number", p.getBooleanValue(), handledType());
        }
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
    }
}
