package org.supertickets.space;

import static org.supertickets.space.ConfigReadErrors.EXAMPLE;
import static org.supertickets.space.ConfigReadErrors.fileProblem;
import static org.supertickets.space.ConfigReadErrors.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads and writes configs as JSON. Reading is strict, because a config that is quietly read differently from
 * what its author meant wastes a whole run: an unknown field is an error (a typo must not silently become a
 * default), a field given twice is an error, and no value is coerced to another type ({@code "16"} is not 16,
 * 16.5 is not 16, 1 is not {@code true}). Whole numbers may be written as {@code 1e6} or {@code 16.0}, since MAC
 * counts usually are. Every error names the file, the line and column, the field path and a
 * fix. No polymorphic typing: the JSON can only ever build the config records.
 *
 * <p>Jackson's errors are put in the config's words by {@link ConfigReadErrors}, whole numbers are read by
 * {@link WholeNumber}, and the fields added since older run folders were written are known to {@link LaterFields}.
 */
public final class ConfigIo {

    /** A config is a few kilobytes; anything above this is the wrong file, refused before it is read. */
    public static final long MAX_BYTES = 1024 * 1024;

    /** Reads strictly; writes pretty JSON in the records' field order (the order the samples use). */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Unknown fields are skipped while reading, then all reported with the file's other problems.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new SimpleModule("whole-numbers")
                    .addDeserializer(Integer.class, new WholeNumber<>(Integer.class, Integer.MIN_VALUE,
                            Integer.MAX_VALUE, d -> (int) d))
                    .addDeserializer(Long.class, new WholeNumber<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE,
                            d -> (long) d)))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The hash's form: sorted keys, no whitespace, so it does not depend on field order or formatting. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private ConfigIo() {
    }

    /**
     * Reads the raw config (defaults not yet applied; see {@link ConfigResolver}).
     *
     * @throws ConfigException when the file is missing, a folder, over {@link #MAX_BYTES}, empty, not UTF-8, not
     *                         valid JSON or not a config (unknown field, wrong type)
     */
    public static SearchSpaceConfig read(Path file) throws ConfigException {
        return parse(file, readText(file));
    }

    /**
     * A config file's text, refused when it cannot be a config's: missing, a folder, over {@link #MAX_BYTES}, not
     * UTF-8.
     */
    static String readText(Path file) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw fileProblem(file, "is a folder, not a config file", "give the path of a .json config inside it");
        }
        if (!Files.exists(file)) {
            throw fileProblem(file, "was not found", "check the path; sample configs are in sample-configs/");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw fileProblem(file, "is " + size + " bytes; a config is at most " + MAX_BYTES + " bytes (1 MB)",
                        "pick the config JSON, not a data, log or checkpoint file");
            }
            // Bounded even after the size check: the file may grow meanwhile, or be a device such as /dev/zero.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw fileProblem(file, "is over " + MAX_BYTES + " bytes; a config is at most 1 MB",
                        "pick the config JSON, not a data, log or checkpoint file");
            }
        } catch (IOException e) {
            throw fileProblem(file, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "check that the file exists and that you may read it");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fileProblem(file, "is not UTF-8 text", "save it as UTF-8 JSON (is it a config file at all?)");
        }
    }

    /** Parses JSON text into a raw config; {@code source} only names it in messages. */
    public static SearchSpaceConfig parse(Path source, String json) throws ConfigException {
        // A byte-order mark is legal at the start of a UTF-8 file but not inside JSON text.
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text.isBlank()) {
            throw fileProblem(source, "is empty", "write a config object, e.g. copy " + EXAMPLE);
        }
        SearchSpaceConfig config;
        try {
            config = MAPPER.readValue(text, SearchSpaceConfig.class);
        } catch (JsonProcessingException e) {
            throw translate(source, e);
        }
        if (config == null) {
            throw fileProblem(source, "holds null, not a config object", "write a config object, e.g. copy " + EXAMPLE);
        }
        SchemaReference.in(source, text); // the file's own field, no config field: only its type is checked
        List<UnknownFields.Found> unknown = UnknownFields.in(text);
        if (!unknown.isEmpty()) {
            List<ValidationIssue> all = new ArrayList<>(unknown.stream().map(UnknownFields.Found::issue).toList());
            all.addAll(problemsBesides(config));
            throw new ConfigException(source, all, unknown.get(0).line(), unknown.get(0).column());
        }
        return config;
    }

    /**
     * The problems of the rest of a config that has unknown fields, so that one reading shows them all (a
     * misspelt field often comes with the field it was meant to be, reported as missing).
     */
    private static List<ValidationIssue> problemsBesides(SearchSpaceConfig raw) {
        try {
            return ConfigValidator.validate(ConfigResolver.resolve(raw));
        } catch (RuntimeException e) {
            return List.of(); // too broken to resolve: the unknown fields are what there is to say
        }
    }

    /**
     * Reads, resolves and validates: the result is ready to run.
     *
     * @throws ConfigException listing every problem, each with its field path and fix
     */
    public static SearchSpaceConfig loadResolved(Path file) throws ConfigException {
        return resolveAndValidate(file, read(file));
    }

    /**
     * Reads a config a run folder recorded, resolves and validates it. A recorded config was resolved when it
     * was written, so a field it lacks did not exist yet: that field gets the value the run trained with (its
     * neutral value, see {@link LaterFields}), not today's default. A user's config is read with
     * {@link #loadResolved}, where a missing field means the default.
     */
    public static SearchSpaceConfig loadRecorded(Path file) throws ConfigException {
        return resolveAndValidate(file, asRecorded(read(file)));
    }

    /**
     * A config as it was recorded (by a run folder, or inside a ticket): every field added after it was written
     * set to the value it ran with. Fields it has are kept.
     */
    public static SearchSpaceConfig asRecorded(SearchSpaceConfig recorded) {
        ObjectNode tree = MAPPER.valueToTree(recorded);
        LaterFields.fillAbsent(tree, MAPPER);
        return MAPPER.convertValue(tree, SearchSpaceConfig.class);
    }

    /** Parses, resolves and validates JSON text; {@code source} only names it in messages. */
    public static SearchSpaceConfig parseResolved(Path source, String json) throws ConfigException {
        return resolveAndValidate(source, parse(source, json));
    }

    private static SearchSpaceConfig resolveAndValidate(Path source, SearchSpaceConfig raw) throws ConfigException {
        SearchSpaceConfig resolved = ConfigResolver.resolve(raw);
        List<ValidationIssue> issues = ConfigValidator.validate(resolved);
        if (!issues.isEmpty()) {
            throw new ConfigException(source, issues);
        }
        return resolved;
    }

    /** Pretty JSON, every field written out in the records' order, ending with a newline. */
    public static String toJson(SearchSpaceConfig config) {
        return toJson(config, null);
    }

    /**
     * {@link #toJson(SearchSpaceConfig)} headed by {@code "$schema": schemaReference} ({@link SchemaReference}), for
     * a file an editor should check; {@code null} writes none.
     */
    public static String toJson(SearchSpaceConfig config, String schemaReference) {
        try {
            if (schemaReference == null) {
                return MAPPER.writeValueAsString(config) + "\n";
            }
            ObjectNode file = MAPPER.createObjectNode().put(SchemaReference.FIELD, schemaReference);
            file.setAll((ObjectNode) MAPPER.valueToTree(config));
            return MAPPER.writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a config", e);
        }
    }

    /** Writes {@link #toJson} atomically (temp file + rename), so a crash never leaves half a config. */
    public static void write(Path file, SearchSpaceConfig config) throws IOException {
        write(file, config, null);
    }

    /** Writes {@link #toJson(SearchSpaceConfig, String)} atomically; {@code null} writes no {@code $schema}. */
    public static void write(Path file, SearchSpaceConfig config, String schemaReference) throws IOException {
        org.supertickets.io.AtomicFiles.writeString(file, toJson(config, schemaReference));
    }

    /**
     * SHA-256 (lower-case hex) of the canonical JSON of the resolved config: sorted keys, no whitespace. A raw
     * config and its resolved form hash the same, and so does a config written and read back.
     */
    public static String hash(SearchSpaceConfig config) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(LaterFields.withoutNeutral(
                    CANONICAL.valueToTree(ConfigResolver.resolve(config)), CANONICAL));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a config", e);
        }
    }

}
