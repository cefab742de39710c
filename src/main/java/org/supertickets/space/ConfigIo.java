package org.supertickets.space;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes configs as JSON. Reading is strict, because a config that is quietly read differently from
 * what its author meant wastes a whole run: an unknown field is an error (a typo must not silently become a
 * default), a field given twice is an error, and no value is coerced to another type ({@code "16"} is not 16,
 * 16.5 is not 16, 1 is not {@code true}). Whole numbers may be written as {@code 1e6} or {@code 16.0}, since MAC
 * counts usually are. Every error names the file, the line and column, the field path and a
 * fix. No polymorphic typing: the JSON can only ever build the config records.
 */
public final class ConfigIo {

    /** A config is a few kilobytes; anything above this is the wrong file, refused before it is read. */
    public static final long MAX_BYTES = 1024 * 1024;

    private static final String EXAMPLE = "sample-configs/quickstart.json";

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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fileProblem(file, "is not UTF-8 text", "save it as UTF-8 JSON (is it a config file at all?)");
        }
        return parse(file, text);
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
     * neutral value, see {@link #LATER_FIELDS_AT_NEUTRAL}), not today's default. A user's config is read with
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
        LATER_FIELDS_AT_NEUTRAL.forEach((path, neutral) -> setIfAbsent(tree, path, neutral));
        setIfAbsent(tree, "training.ema.enabled", ConfigDefaults.AS_BEFORE_EMA_ENABLED);
        return MAPPER.convertValue(tree, SearchSpaceConfig.class);
    }

    private static void setIfAbsent(ObjectNode root, String path, Object value) {
        String[] names = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.get(names[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(names[i]);
        }
        String field = names[names.length - 1];
        if (parent.path(field).isMissingNode() || parent.get(field).isNull()) {
            parent.set(field, MAPPER.valueToTree(value));
        }
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
        try {
            return MAPPER.writeValueAsString(config) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a config", e);
        }
    }

    /** Writes {@link #toJson} atomically (temp file + rename), so a crash never leaves half a config. */
    public static void write(Path file, SearchSpaceConfig config) throws IOException {
        org.supertickets.io.AtomicFiles.writeString(file, toJson(config));
    }

    /**
     * Fields added after run folders already existed, each with the value that means "as before". At that value
     * they are left out of the hash, so a folder written before the field existed still resumes (its checkpoint's
     * hash is checked against the config) — add every new field here with its neutral default.
     */
    private static final Map<String, Object> LATER_FIELDS_AT_NEUTRAL = Map.ofEntries(
            Map.entry("pruning.criterion", "magnitude"),
            Map.entry("pruning.minLayerDensity", 0.0),
            Map.entry("pruning.lrRestartAtTarget", false),
            Map.entry("pruning.distillAtTarget", 0.0),
            Map.entry("training.nesterov", false),
            Map.entry("training.rmspropDecay", 0.9),
            Map.entry("training.optimizerEpsilon", 0.001),
            Map.entry("network.skipPath", ConfigDefaults.AS_BEFORE_SKIP_PATH),
            Map.entry("network.bnEpsilon", ConfigDefaults.AS_BEFORE_BN_EPSILON),
            Map.entry("network.bnMomentum", ConfigDefaults.AS_BEFORE_BN_MOMENTUM),
            Map.entry("network.initialization", ConfigDefaults.AS_BEFORE_INITIALIZATION),
            Map.entry("task", ConfigDefaults.TASK));
    // and training.ema while it is off (withoutNeutralLaterFields)

    /** Sections added later whose every field may be at its neutral value: then the empty section goes too. */
    private static final List<String> LATER_SECTIONS = List.of("network");

    /**
     * SHA-256 (lower-case hex) of the canonical JSON of the resolved config: sorted keys, no whitespace. A raw
     * config and its resolved form hash the same, and so does a config written and read back.
     */
    public static String hash(SearchSpaceConfig config) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(withoutNeutralLaterFields(
                    CANONICAL.valueToTree(ConfigResolver.resolve(config))));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a config", e);
        }
    }

    private static JsonNode withoutNeutralLaterFields(JsonNode tree) {
        JsonNode ema = tree.path("training").path("ema");
        boolean emaOff = ema.isObject() && !ema.path("enabled").asBoolean(false);
        LATER_FIELDS_AT_NEUTRAL.forEach((path, neutral) -> {
            int dot = path.lastIndexOf('.');
            JsonNode parent = dot < 0 ? tree : tree.at("/" + path.substring(0, dot).replace('.', '/'));
            String field = path.substring(dot + 1);
            if (parent instanceof ObjectNode object && object.has(field)
                    && object.get(field).equals(CANONICAL.valueToTree(neutral))) {
                object.remove(field);
            }
        });
        if (emaOff && tree.path("training") instanceof ObjectNode training) {
            training.remove("ema"); // an average that is off changes nothing, whatever its decay
        }
        for (String section : LATER_SECTIONS) {
            if (tree instanceof ObjectNode root && root.path(section).isObject() && root.path(section).isEmpty()) {
                root.remove(section);
            }
        }
        return tree;
    }

    /**
     * An integer field: a JSON integer, or a decimal or exponent form with no fraction ({@code 1e6}, {@code 16.0}).
     * Anything else is refused with the value in the message; Jackson's own float-to-int coercion would silently
     * truncate 16.5 to 16.
     */
    private static final class WholeNumber<T extends Number> extends StdScalarDeserializer<T> {

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

    // ---- error translation ---------------------------------------------------------------------------------

    private static ConfigException fileProblem(Path file, String message, String fix) {
        return new ConfigException(file, new ValidationIssue("(file)", message, fix));
    }

    private static ConfigException translate(Path source, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? -1 : location.getLineNr();
        int column = location == null ? -1 : location.getColumnNr();
        String at = line > 0 ? " (line " + line + ", column " + column + ")" : "";
        ValidationIssue issue;
        if (e instanceof JsonMappingException m && numberOutOfRange(m.getOriginalMessage()) != null) {
            issue = new ValidationIssue(pathOf(m), numberOutOfRange(m.getOriginalMessage()) + at,
                    "use a smaller number");
        } else if (e instanceof JsonMappingException m && !(m.getCause() instanceof JsonProcessingException)) {
            String path = pathOf(m);
            issue = new ValidationIssue(path, wrongType(m) + at, path.equals("(root)")
                    ? "the file must hold one config object { ... }, e.g. copy " + EXAMPLE
                    : "give the field a value of that type (see " + EXAMPLE + "), or remove it to use its default");
        } else {
            issue = syntaxProblem(e, at);
        }
        return new ConfigException(source, issue, line, column);
    }

    private static ValidationIssue syntaxProblem(JsonProcessingException e, String at) {
        Throwable root = e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException p ? p : e;
        String path = root instanceof JsonProcessingException p && p.getProcessor() instanceof JsonParser parser
                ? pathOf(parser.getParsingContext()) : "(root)";
        String original = root instanceof JsonProcessingException p ? p.getOriginalMessage() : root.getMessage();
        if (root instanceof JsonEOFException) {
            return new ValidationIssue(path, "the file ends before the JSON is complete" + at,
                    "close every { and [ that is opened (is the file cut off?)");
        }
        Matcher duplicate = Pattern.compile("Duplicate field '(.*)'").matcher(String.valueOf(original));
        if (duplicate.find()) {
            return new ValidationIssue(path, "field '" + duplicate.group(1) + "' is given twice" + at,
                    "keep only one of them (JSON readers disagree on which one wins)");
        }
        Matcher nonNumeric = Pattern.compile("Non-standard token '(.*?)'").matcher(String.valueOf(original));
        if (nonNumeric.find()) {
            return new ValidationIssue(path, nonNumeric.group(1) + " is not a number JSON allows" + at,
                    "write a finite number");
        }
        String plain = String.valueOf(original).replaceAll(" \\(code \\d+( / 0x[0-9a-fA-F]+)?\\)", "");
        return new ValidationIssue(path, "is not valid JSON: " + plain + at, "fix the JSON syntax there (a missing "
                + "comma, quote or bracket, a trailing comma, or a comment: JSON has none)");
    }

    /** "expected a whole number, found the text "many"" from Jackson's mismatch exceptions. */
    private static String wrongType(JsonMappingException m) {
        String original = String.valueOf(m.getOriginalMessage());
        String expected = m instanceof MismatchedInputException mi ? expectedKind(mi.getTargetType()) : null;
        String found = null;
        if (m instanceof InvalidFormatException f && f.getValue() != null) {
            Object v = f.getValue();
            found = v instanceof String s ? "the text \"" + s + "\"" : v instanceof Boolean ? String.valueOf(v)
                    : "the number " + v;
        } else {
            Matcher text = Pattern.compile("String value \\(\"(.*)\"\\)").matcher(original);
            Matcher shape = Pattern.compile("from (Object|Array|String|Integer|Floating-point|Boolean|Null) value")
                    .matcher(original);
            if (text.find()) {
                found = "the text \"" + text.group(1) + "\"";
            } else if (shape.find()) {
                found = switch (shape.group(1)) {
                    case "Object" -> "an object { ... }";
                    case "Array" -> "a list [ ... ]";
                    case "String" -> "a text";
                    case "Integer" -> "a whole number";
                    case "Floating-point" -> "a decimal number";
                    case "Boolean" -> "true/false";
                    default -> "null";
                };
            }
        }
        if (expected == null || found == null) {
            // Not a shape we know: Jackson's own words, without Java class names.
            return original.replaceAll("`[a-zA-Z0-9_.$]*?([A-Za-z0-9_]+)(<[^`]*>)?`", "$1")
                    .replaceAll("\\s*\\(but (could|might) if coercion.*\\)", "");
        }
        return "expected " + expected + ", found " + found;
    }

    private static String expectedKind(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text in double quotes";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list [ ... ]";
        }
        if (type == SearchSpaceConfig.class) {
            return "a config object { ... }";
        }
        return type.isRecord() ? "an object { ... }" : null;
    }

    private static String numberOutOfRange(String original) {
        Matcher m = Pattern.compile("Numeric value \\((.*?)\\) out of range of (int|long)").matcher(
                String.valueOf(original));
        if (!m.find()) {
            return null;
        }
        return "the number " + m.group(1) + " is too large (at most " + (m.group(2).equals("int") ? Integer.MAX_VALUE
                : Long.MAX_VALUE) + ")";
    }

    /** {@code stages[1].kernelSizes[0]} from a mapping exception's reference chain. */
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

    /** The same path from the parser's position, for syntax errors (which have no reference chain). */
    private static String pathOf(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                sb.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.getCurrentName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(c.getCurrentName());
            }
        }
        return sb.length() == 0 ? "(root)" : sb.toString();
    }
}
