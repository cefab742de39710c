package org.supertickets.space;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds every field of a config's JSON text that the config records do not have, each with its path, its place
 * in the text and the fields its section does have. A separate pass over the text, so that reading can skip the
 * unknown fields and still report all of them, together with every other problem of the file, at once. The one
 * field a config file may have besides the records' is {@code $schema} at the top ({@link SchemaReference}).
 */
final class UnknownFields {

    private static final JsonFactory JSON = new JsonFactory();

    /** One unknown field: its path ({@code stages[0].kernelSize}), name, 1-based place, and its section's fields. */
    record Found(String path, String name, int line, int column, List<String> known) {

        /** The issue as the user reads it: the place, the closest known name, the fields of the section. */
        ValidationIssue issue() {
            String section = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "the config";
            return new ValidationIssue(path, "unknown field '" + name + "' (line " + line + ", column " + column + ")",
                    "rename or remove it; " + ClosestName.among(name, known).map(c -> "did you mean '" + c + "'? ")
                            .orElse("") + "The fields of " + section + " are: " + String.join(", ", known));
        }
    }

    private final List<Found> found = new ArrayList<>();

    private UnknownFields() {
    }

    /**
     * The unknown fields of a text that Jackson has read already (so it is well-formed JSON); values of an
     * unexpected shape are skipped, their type errors are reported by the reading itself.
     */
    static List<Found> in(String json) {
        UnknownFields scan = new UnknownFields();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                scan.record(p, SearchSpaceConfig.class, "");
            }
        } catch (IOException e) {
            throw new IllegalStateException("the text was read as JSON before, so it cannot fail now", e);
        }
        return List.copyOf(scan.found);
    }

    /** At START_OBJECT of a record value; leaves the parser at its END_OBJECT. */
    private void record(JsonParser p, Class<?> type, String path) throws IOException {
        List<String> known = new ArrayList<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .toList());
        if (path.isEmpty()) {
            known.add(SchemaReference.FIELD);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            p.nextToken();
            Optional<RecordComponent> component = Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.getName().equals(name)).findFirst();
            if (component.isPresent()) {
                value(p, component.get().getGenericType(), fieldPath);
            } else {
                if (!fieldPath.equals(SchemaReference.FIELD)) { // the file's own field, which SchemaReference checks
                    found.add(new Found(fieldPath, name, at.getLineNr(), at.getColumnNr(), known));
                }
                p.skipChildren();
            }
        }
    }

    private void value(JsonParser p, Type type, String path) throws IOException {
        if (type instanceof Class<?> c && c.isRecord() && p.currentToken() == JsonToken.START_OBJECT) {
            record(p, c, path);
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class
                && p.currentToken() == JsonToken.START_ARRAY) {
            Type element = list.getActualTypeArguments()[0];
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                value(p, element, path + "[" + i + "]");
            }
        } else {
            p.skipChildren();
        }
    }
}
