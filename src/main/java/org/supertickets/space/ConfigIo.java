package org.supertickets.space;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads and writes configs as JSON. Unknown fields are errors (a typo must not silently become a default);
 * every error names the file, the line and column, the field path and a fix. No polymorphic typing.
 */
public final class ConfigIo {

    private static final long MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private ConfigIo() {
    }

    /** Reads the raw config (defaults not yet applied). */
    public static SearchSpaceConfig read(Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file, new ValidationIssue("(file)", "file not found",
                    "check the path; sample configs are in sample-configs/"));
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(file, new ValidationIssue("(file)", "is " + size + " bytes; a config is "
                        + "at most 1 MB", "pick the config JSON, not a data or log file"));
            }
            return parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(file, new ValidationIssue("(file)", "cannot be read: " + e.getMessage(),
                    "check the file's permissions"));
        }
    }

    /** Parses JSON text; {@code source} only names it in messages. */
    public static SearchSpaceConfig parse(Path source, String json) throws ConfigException {
        if (json.isBlank()) {
            throw new ConfigException(source, new ValidationIssue("(file)", "is empty",
                    "write a config object, e.g. copy sample-configs/quickstart.json"));
        }
        try {
            SearchSpaceConfig config = MAPPER.readValue(json, SearchSpaceConfig.class);
            if (config == null) {
                throw new ConfigException(source, new ValidationIssue("(file)", "holds null, not a config object",
                        "write a config object, e.g. copy sample-configs/quickstart.json"));
            }
            return config;
        } catch (UnrecognizedPropertyException e) {
            String known = knownNames(e.getKnownPropertyIds());
            throw new ConfigException(source, new ValidationIssue(pathOf(e), "unknown field '" + e.getPropertyName()
                    + "'" + where(e.getLocation()), closest(e.getPropertyName(), e.getKnownPropertyIds())
                    + "known fields here: " + known));
        } catch (JsonMappingException e) {
            throw new ConfigException(source, new ValidationIssue(pathOf(e), e.getOriginalMessage()
                    .replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z.]+\\.", "`") + where(e.getLocation()),
                    "give the field a value of the right type (see sample-configs/quickstart.json)"));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, new ValidationIssue("(file)", "is not valid JSON: "
                    + e.getOriginalMessage() + where(e.getLocation()), "fix the JSON syntax at that position"));
        }
    }

    /** Reads, resolves and validates; the result is ready to run. */
    public static SearchSpaceConfig loadResolved(Path file) throws ConfigException {
        SearchSpaceConfig resolved = ConfigResolver.resolve(read(file));
        List<ValidationIssue> issues = ConfigValidator.validate(resolved);
        if (!issues.isEmpty()) {
            throw new ConfigException(file, issues);
        }
        return resolved;
    }

    /** Parses, resolves and validates JSON text; {@code source} only names it in messages. */
    public static SearchSpaceConfig parseResolved(Path source, String json) throws ConfigException {
        SearchSpaceConfig resolved = ConfigResolver.resolve(parse(source, json));
        List<ValidationIssue> issues = ConfigValidator.validate(resolved);
        if (!issues.isEmpty()) {
            throw new ConfigException(source, issues);
        }
        return resolved;
    }

    public static String toJson(SearchSpaceConfig config) {
        try {
            return MAPPER.writeValueAsString(config) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a config", e);
        }
    }

    public static void write(Path file, SearchSpaceConfig config) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, toJson(config), StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** SHA-256 of the canonical JSON (sorted keys, no whitespace) of a resolved config. */
    public static String hash(SearchSpaceConfig resolved) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(resolved);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a config", e);
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.length() == 0 ? "(root)" : sb.toString();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String knownNames(Collection<Object> known) {
        return known == null ? "" : String.join(", ", known.stream().map(String::valueOf).sorted().toList());
    }

    private static String closest(String name, Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        String best = known.stream().map(String::valueOf)
                .min(Comparator.comparingInt(k -> distance(k.toLowerCase(), name.toLowerCase()))).orElse(null);
        return best != null && distance(best.toLowerCase(), name.toLowerCase()) <= 3 ? "did you mean '" + best
                + "'? " : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
