package org.supertickets.space;

import static java.util.Map.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JSON Schema (draft 2020-12) of a config file, for editors (completion, hover, checking as you type) and tools
 * outside the workbench. It is generated, never written by hand, from the definitions the reader and the validator
 * use, so the two cannot drift apart:
 * <ul>
 *   <li>the fields and their JSON types from the config records, as {@link ConfigIo} reads them: every section is
 *       closed to fields it does not have ({@code additionalProperties: false}, as {@link UnknownFields} refuses
 *       them), and a field may be {@code null}, which means the same as leaving it out;</li>
 *   <li>the defaults from {@link ConfigResolver} applied to an empty config, i.e. from {@link ConfigDefaults};</li>
 *   <li>the names a text may take and the interval a number must lie in from {@link FieldRules}, which the
 *       validator's checks read as well;</li>
 *   <li>what the validator checks of a field against other fields, which a schema of single fields cannot say, in
 *       words in that field's {@code description}.</li>
 * </ul>
 * So the schema never refuses a config that {@code validate} accepts; {@code validate} refuses more (the rules
 * across fields), and is the final word. The repository keeps the output at {@link #REPOSITORY_PATH} and the sample
 * configs point to it with {@code "$schema"}; the {@code schema} command writes it.
 */
public final class ConfigSchema {

    /** The JSON Schema dialect of the output. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** Where the repository keeps the generated schema (a test fails when it is out of date). */
    public static final String REPOSITORY_PATH = "docs/config.schema.json";
    /** What regenerates {@link #REPOSITORY_PATH}, for messages. */
    public static final String REGENERATE = "mvn -q compile exec:java -Dexec.args=\"schema --out "
            + REPOSITORY_PATH + "\"";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Fields without a default: the validator reports them missing, so the schema requires them (not null). */
    private static final Set<String> REQUIRED = Set.of("stages", "stages[].channels");
    /** List items are never null: a null stage has no channels, a null kernel size is no odd number. */
    private static final Set<String> NEVER_NULL = Set.of("stages", "stages[]", "stages[].channels",
            "stages[].kernelSizes[]");
    /** The fields {@link ValidationFindings#kernel} and {@link ValidationFindings#stride} check. */
    private static final Set<String> KERNELS = Set.of("stem.kernelSize", "stages[].kernelSizes[]");
    private static final Set<String> STRIDES = Set.of("stem.stride", "stages[].stride");

    private static final String EPOCH_WITHIN_RUN = "At most training.epochs (checked by validate).";
    private static final String DATASET_SHAPE = "Must be given for a dataset of no fixed shape ("
            + String.join(", ", datasetsWithoutShape()) + "); the others fill it in, and a value given must match the "
            + "dataset (" + knownShapes() + "; a canvas side is " + DataChecks.MIN_CANVAS_SIDE + " to "
            + DataChecks.MAX_CANVAS_SIDE + ") (checked by validate).";

    /**
     * Defaults that depend on other fields, so the schema states them in words instead of as one value; every other
     * default is the resolver's value for an empty config.
     */
    private static final Map<String, String> DERIVED_DEFAULTS = Map.ofEntries(
            entry("data.channels", "Default: the dataset's own."),
            entry("data.height", "Default: the dataset's own."),
            entry("data.width", "Default: the dataset's own."),
            entry("data.classes", "Default: the dataset's own."),
            entry("search.rhoWarmupEpochs", "Default: " + percent(ConfigDefaults.RHO_WARMUP_SHARE)
                    + " of training.epochs."),
            entry("search.macsTargetEndEpoch", "Default: " + percent(ConfigDefaults.MACS_TARGET_END_SHARE)
                    + " of training.epochs."),
            entry("pruning.intervalEpochs", "Default: " + percent(ConfigDefaults.PRUNE_INTERVAL_SHARE)
                    + " of training.epochs, rounded to whole epochs, at least 1."),
            entry("pruning.cubicEndEpoch", "Default: " + percent(ConfigDefaults.CUBIC_END_SHARE)
                    + " of training.epochs."));

    /** What the validator checks of a field against the rest of the config (or beyond one value), in words. */
    private static final Map<String, String> ALSO_CHECKED = Map.ofEntries(
            entry("name", "A short label; run folders are named after it: not blank, at most "
                    + ConfigValidator.MAX_NAME_LENGTH + " characters, no '/', '\\' or control characters."),
            entry("task", "The dataset must label what the task predicts: segmentation needs one of "
                    + String.join(", ", ConfigDefaults.SEGMENTATION_DATASETS) + "; classification one of the others "
                    + "(checked by validate)."),
            entry("data.path", "The folder the data is read from: required for "
                    + String.join(", ", ConfigDefaults.DATASETS_ON_DISK) + "; leave it out (or null) for the "
                    + "embedded " + String.join(", ", ConfigDefaults.EMBEDDED_DATASETS) + " (checked by validate)."),
            entry("data.channels", DATASET_SHAPE),
            entry("data.height", DATASET_SHAPE),
            entry("data.width", DATASET_SHAPE),
            entry("data.classes", DATASET_SHAPE),
            entry("data.trainLimit", "0 = all images; otherwise it must leave at least one batch "
                    + "(training.batchSize) after the validation share is held out (checked by validate)."),
            entry("stem.kernelSize", "Odd; it must also fit the input it slides over (checked by validate, which "
                    + "names the largest that fits)."),
            entry("stem.stride", "A stride of 2 must not shrink the input below 1x1 (checked by validate)."),
            entry("stages", "The searchable stages, in order. The whole supernet may have at most "
                    + String.format(Locale.ROOT, "%,d", ArchitectureChecks.MAX_SUPERNET_WEIGHTS)
                    + " weights (checked by validate)."),
            entry("stages[].channels", "Required: it sets the width of every block in the stage."),
            entry("stages[].stride", "Of the stage's first block. A stride of 2 must not shrink the feature map below "
                    + "1x1 (checked by validate)."),
            entry("stages[].kernelSizes", "Depthwise kernel sizes offered as parallel branches, each listed once."),
            entry("stages[].kernelSizes[]", "Odd; it must also fit the feature map it slides over (checked by "
                    + "validate, which names the largest that fits)."),
            entry("search.rhoWarmupEpochs", EPOCH_WITHIN_RUN),
            entry("search.evalIntervalEpochs", EPOCH_WITHIN_RUN),
            entry("search.macsTarget", "0 = off (rho alone decides). Otherwise from the smallest subnet's MACs to "
                    + "below the supernet's (checked by validate, which prints both)."),
            entry("search.macsTargetEndEpoch", EPOCH_WITHIN_RUN + " Above 0 while search.macsTarget is on."),
            entry("pruning.schedule", "at-start and rigl prune a fixed network, so they need search.enabled false "
                    + "(checked by validate)."),
            entry("pruning.intervalEpochs", EPOCH_WITHIN_RUN),
            entry("pruning.cubicEndEpoch", EPOCH_WITHIN_RUN + " Above 0 with the cubic schedule."),
            entry("pruning.minLayerDensity", "0 = off. At most 1 - pruning.targetSparsity while pruning is on "
                    + "(checked by validate)."),
            entry("pruning.distillAtTarget", "0 = off. Above 0 it needs training.ema.enabled, the teacher "
                    + "(checked by validate)."),
            entry("training.epochs", "At least 1, or 0 with a schedule that prunes once at the start (at-start) "
                    + "(checked by validate)."),
            entry("training.lrWarmupEpochs", EPOCH_WITHIN_RUN),
            entry("training.nesterov", "Only with optimizer sgd and a momentum above 0 (checked by validate)."));

    private ConfigSchema() {
    }

    /** The schema as pretty JSON ending with a newline: what {@link #REPOSITORY_PATH} holds. */
    public static String toJson() {
        try {
            return JSON.writeValueAsString(generate()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the config schema", e);
        }
    }

    /** The schema as a tree. */
    public static ObjectNode generate() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", DIALECT);
        root.put("title", "SuperTickets Workbench config");
        root.put("description", "A config of the SuperTickets Workbench (sample-configs/*.json). Generated by the "
                + "'schema' command from the definitions the reader and the validator use; do not edit it, "
                + "regenerate it. A field left out or null takes its default. This schema checks each field on its "
                + "own; 'validate CONFIG' also checks the fields against each other (said in their descriptions) and "
                + "has the final word.");
        root.put("type", "object");
        object(root, SearchSpaceConfig.class, "", defaults());
        return root;
    }

    /** Every fixed default, as the resolver fills an empty config with one empty stage. */
    private static JsonNode defaults() {
        SearchSpaceConfig empty = new SearchSpaceConfig(null, null, null,
                List.of(new StageConfig(null, null, null, null, null)), null, null, null, null, null, null, null);
        return JSON.valueToTree(ConfigResolver.resolve(empty));
    }

    /** Fills {@code node} with the object schema of a record: its properties, closed to any other. */
    private static void object(ObjectNode node, Class<?> record, String path, JsonNode defaults) {
        ObjectNode properties = node.putObject("properties");
        if (path.isEmpty()) {
            properties.putObject(SchemaReference.FIELD).put("type", "string").put("description", "Where editors "
                    + "find this schema, e.g. \"../" + REPOSITORY_PATH + "\" from sample-configs/. It belongs to the "
                    + "file: the config read from it, its hash and the run folder's config.json leave it out.");
        }
        List<String> required = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            String child = path.isEmpty() ? c.getName() : path + "." + c.getName();
            properties.set(c.getName(), field(c.getGenericType(), child, defaults.path(c.getName())));
            if (REQUIRED.contains(child)) {
                required.add(c.getName());
            }
        }
        if (!required.isEmpty()) {
            ArrayNode names = node.putArray("required");
            required.forEach(names::add);
        }
        node.put("additionalProperties", false);
    }

    private static ObjectNode field(Type type, String path, JsonNode defaultValue) {
        ObjectNode node = JSON.createObjectNode();
        boolean nullable = !NEVER_NULL.contains(path);
        if (type instanceof Class<?> record && record.isRecord()) {
            type(node, "object", nullable);
            object(node, record, path, defaultValue);
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            type(node, "array", nullable);
            node.set("items", field(list.getActualTypeArguments()[0], path + "[]", defaultValue.path(0)));
            // What ArchitectureChecks says of the two lists: stages not empty and not too many, kernel sizes not
            // empty and each listed once.
            switch (path) {
                case "stages" -> node.put("minItems", 1).put("maxItems", ArchitectureChecks.MAX_STAGES);
                case "stages[].kernelSizes" -> node.put("minItems", 1).put("uniqueItems", true);
                default -> throw new IllegalStateException("a list the config schema does not know: " + path);
            }
        } else {
            scalar(node, (Class<?>) type, path, nullable);
        }
        if (publishesDefault(type, path, defaultValue)) {
            node.set("default", defaultValue);
        }
        String description = Stream.of(ALSO_CHECKED.get(path), DERIVED_DEFAULTS.get(path)).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        if (!description.isEmpty()) {
            node.put("description", description);
        }
        return node;
    }

    /**
     * Whether the resolver's value is the field's default whatever the rest of the config says: not for a section
     * (its fields have theirs), the stages and their items (the config lists them), or a default derived from
     * other fields ({@link #DERIVED_DEFAULTS}).
     */
    private static boolean publishesDefault(Type type, String path, JsonNode value) {
        boolean section = type instanceof Class<?> c && c.isRecord();
        boolean listedByTheConfig = path.equals("stages") || path.endsWith("[]");
        return !section && !listedByTheConfig && !value.isMissingNode() && !value.isNull()
                && !DERIVED_DEFAULTS.containsKey(path);
    }

    private static void scalar(ObjectNode node, Class<?> type, String path, boolean nullable) {
        type(node, jsonType(type), nullable);
        FieldRules.namesOf(path).ifPresent(names -> oneOf(node, names, nullable));
        if (STRIDES.contains(path)) {
            oneOf(node, FieldRules.STRIDES, nullable);
        }
        if (KERNELS.contains(path)) {
            node.put("minimum", FieldRules.MIN_KERNEL);
            // "not" of a number check alone would refuse null, which passes every number check.
            node.putObject("not").put("type", "integer").put("multipleOf", 2);
        }
        FieldRules.intervalOf(path).ifPresent(i -> bounds(node, i));
        if (type == Long.class) {
            // The reader's own limits (WholeNumber) where the field has no tighter one.
            if (!node.has("minimum") && !node.has("exclusiveMinimum")) {
                node.put("minimum", Long.MIN_VALUE);
            }
            if (!node.has("maximum") && !node.has("exclusiveMaximum")) {
                node.put("maximum", Long.MAX_VALUE);
            }
        }
        if (path.equals("name")) {
            // ConfigValidator's rule for what names a run folder: no '/', '\' or control character (ISO controls).
            node.put("minLength", 1).put("maxLength", ConfigValidator.MAX_NAME_LENGTH)
                    .put("pattern", "^[^/\\\\\\x00-\\x1f\\x7f-\\x9f]*$");
        }
    }

    private static String jsonType(Class<?> type) {
        if (type == Integer.class || type == Long.class) {
            return "integer"; // the reader takes 1e6 and 16.0 too, which JSON Schema counts as integers as well
        }
        if (type == Double.class) {
            return "number";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        throw new IllegalStateException("a field type the config schema does not know: " + type);
    }

    /** {@code enum}: the values, and null where null is the default. */
    private static void oneOf(ObjectNode node, List<?> values, boolean nullable) {
        ArrayNode allowed = node.putArray("enum");
        values.forEach(v -> allowed.add(JSON.valueToTree(v)));
        if (nullable) {
            allowed.addNull();
        }
    }

    private static void type(ObjectNode node, String type, boolean nullable) {
        if (nullable) {
            node.putArray("type").add(type).add("null");
        } else {
            node.put("type", type);
        }
    }

    private static void bounds(ObjectNode node, Interval i) {
        if (i.boundedBelow()) {
            number(node, i.minIncluded() ? "minimum" : "exclusiveMinimum", i.min());
        }
        if (i.boundedAbove()) {
            number(node, i.maxIncluded() ? "maximum" : "exclusiveMaximum", i.max());
        }
    }

    /** Whole numbers without ".0", so an integer field's bounds read as integers. */
    private static void number(ObjectNode node, String key, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(key, (long) value);
        } else {
            node.put(key, value);
        }
    }

    private static List<String> datasetsWithoutShape() {
        return ConfigDefaults.DATASETS.stream().filter(d -> ConfigDefaults.knownShape(d).isEmpty()).toList();
    }

    private static String knownShapes() {
        return ConfigDefaults.DATASETS.stream().filter(d -> !ConfigDefaults.CANVAS_DATASETS.contains(d))
                .flatMap(d -> ConfigDefaults.knownShape(d).map(s -> d + " " + s).stream())
                .collect(Collectors.joining("; "));
    }

    private static String percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
