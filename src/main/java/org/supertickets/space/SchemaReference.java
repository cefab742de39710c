package org.supertickets.space;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code "$schema"} field of a config file: where an editor finds the JSON Schema ({@link ConfigSchema}) for
 * completion and checking, e.g. {@code "../docs/config.schema.json"} in the sample configs. It belongs to the file,
 * not to the experiment: {@link ConfigIo} accepts it at the top of a config and leaves it out of the config it
 * reads, so it changes no hash and never reaches a run folder, and the designer keeps it when it saves the file
 * again, or a copy of it ({@link #carriedTo}).
 */
public final class SchemaReference {

    /** The field's name. */
    public static final String FIELD = "$schema";

    private static final JsonFactory JSON = new JsonFactory();

    private SchemaReference() {
    }

    /**
     * The {@code $schema} at the top of a config's JSON text; empty when it has none (or the text is no JSON: its
     * reading reports that).
     *
     * @throws ConfigException when it is there but not a text, at its line and column
     */
    static Optional<String> in(Path source, String json) throws ConfigException {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                if (!name.equals(FIELD)) {
                    p.skipChildren();
                } else if (value == JsonToken.VALUE_STRING) {
                    return Optional.of(p.getText());
                } else if (value == JsonToken.VALUE_NULL) {
                    return Optional.empty();
                } else {
                    throw new ConfigException(source, new ValidationIssue(FIELD, "is not a text (line "
                            + at.getLineNr() + ", column " + at.getColumnNr() + ")", "give the path or URL of the "
                            + "config schema in double quotes, e.g. \"../" + ConfigSchema.REPOSITORY_PATH
                            + "\", or remove the field"), at.getLineNr(), at.getColumnNr());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code $schema} of a config file, read as far as its text goes; empty when it has none or the file cannot
     * be read (then there is nothing to keep: the file's problems are reported where it is opened).
     */
    public static Optional<String> of(Path file) {
        try {
            return in(file, ConfigIo.readText(file));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    /**
     * The reference a copy of {@code from} saved as {@code to} needs to find the same schema: a relative path is
     * re-pointed from the copy's folder; a URL, an absolute path, or a copy in the same folder keep it as it is.
     */
    public static String carriedTo(String reference, Path from, Path to) {
        Path fromFolder = from.toAbsolutePath().normalize().getParent();
        Path toFolder = to.toAbsolutePath().normalize().getParent();
        if (reference.contains(":") || reference.startsWith("/") || reference.startsWith("#")
                || fromFolder == null || toFolder == null || fromFolder.equals(toFolder)) {
            return reference;
        }
        Path schema = fromFolder.resolve(reference).normalize();
        try {
            return toFolder.relativize(schema).toString().replace(File.separatorChar, '/');
        } catch (IllegalArgumentException e) {
            return schema.toUri().toString(); // another drive: no relative path reaches it
        }
    }
}
