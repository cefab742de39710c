package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON Schema of a config (issue 32 item 6): the committed file is what the generator writes now, the sample
 * configs point to it and pass it, and it never disagrees with the reader and validator on a field's own rules.
 * The schema is checked by an independent validator (networknt's json-schema-validator), not by our code.
 */
class ConfigSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path COMMITTED = Path.of(ConfigSchema.REPOSITORY_PATH);
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ConfigSchema.toJson(), InputFormat.JSON);

    // ---- (a) the committed schema is the generated one ----------------------------------------------------------

    @Test
    void theCommittedSchemaIsWhatTheGeneratorWritesNow() throws IOException {
        assertTrue(Files.exists(COMMITTED), COMMITTED + " is missing; write it with: " + ConfigSchema.REGENERATE);
        List<String> generated = ConfigSchema.toJson().lines().toList();
        List<String> committed = Files.readString(COMMITTED).lines().toList();
        int line = 0;
        while (line < Math.min(generated.size(), committed.size()) && generated.get(line).equals(committed.get(line))) {
            line++;
        }
        if (line < Math.max(generated.size(), committed.size())) {
            fail(COMMITTED + " is out of date: a config field, default, name list or bound changed since it was "
                    + "generated (first difference at line " + (line + 1) + ": the file has "
                    + (line < committed.size() ? committed.get(line).strip() : "no more lines") + ", the generator "
                    + "writes " + (line < generated.size() ? generated.get(line).strip() : "no more lines")
                    + "). Regenerate it with: " + ConfigSchema.REGENERATE);
        }
    }

    // ---- (b) every sample config points to the schema and passes it -------------------------------------------

    @Test
    void everySampleConfigPointsToTheSchemaAndPassesIt() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("sample-configs"))) {
            samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(samples.size() >= 9, "the sample configs: " + samples);
        for (Path sample : samples) {
            String reference = SchemaReference.of(sample).orElseThrow(() -> new AssertionError(sample
                    + " has no \"$schema\"; add \"$schema\": \"../" + ConfigSchema.REPOSITORY_PATH + "\""));
            assertEquals(COMMITTED.toAbsolutePath().normalize(),
                    sample.toAbsolutePath().getParent().resolve(reference).normalize(), sample + "'s $schema");
            assertEquals(List.of(), schemaErrors(Files.readString(sample)), sample.toString());
        }
    }

    // ---- (c) the schema and the validator never disagree on a field's own rules --------------------------------

    /** The values of a field just beyond each end of its interval are refused by both; at each end, see below. */
    @Test
    void atEveryIntervalEndTheSchemaAndTheValidatorAgree() throws Exception {
        JsonNode properties = ConfigSchema.generate();
        for (String path : intervalPaths()) {
            Interval i = FieldRules.interval(path);
            boolean whole = typeOf(properties, path).contains("integer");
            List<String> outside = new ArrayList<>();
            List<String> inside = new ArrayList<>();
            if (i.boundedBelow()) {
                (i.minIncluded() ? inside : outside).add(number(i.min(), whole));
                outside.add(whole ? number(i.min() - 1, true) : number(Math.nextDown(i.min()), false));
                if (!i.minIncluded()) {
                    inside.add(whole ? number(i.min() + 1, true) : number(Math.nextUp(i.min()), false));
                }
            }
            if (i.boundedAbove()) {
                (i.maxIncluded() ? inside : outside).add(number(i.max(), whole));
                outside.add(whole ? number(i.max() + 1, true) : number(Math.nextUp(i.max()), false));
                if (!i.maxIncluded()) {
                    inside.add(whole ? number(i.max() - 1, true) : number(Math.nextDown(i.max()), false));
                }
            }
            String at = concrete(path);
            for (String value : outside) {
                bothRefuse(at, value);
            }
            for (String value : inside) {
                schemaAcceptsAndValidatorAgreesOrSaysWhy(at, value);
            }
        }
    }

    @Test
    void everyNameListIsTheValidatorsAndAWrongNameIsRefusedByBoth() throws Exception {
        for (String path : List.of("task", "data.dataset", "network.skipPath", "network.initialization",
                "pruning.schedule", "pruning.criterion", "training.optimizer", "training.lrSchedule",
                "training.device")) {
            bothRefuse(path, "\"" + FieldRules.names(path).get(0) + "x\"");
            for (String name : FieldRules.names(path)) {
                schemaAcceptsAndValidatorAgreesOrSaysWhy(path, "\"" + name + "\"");
            }
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "training.learningrate | 0.1",          // an unknown field (a typo of learningRate)
        "data.colour | true",                   // an unknown field in a section
        "training.optimizer | \"adam\"",        // a name that is not one of the list
        "task | \"detection\"",
        "pruning.targetSparsity | 0.995",       // out of range
        "training.momentum | 1",
        "network.bnEpsilon | 0",
        "stem.kernelSize | 4",                  // even kernel
        "stages[0].kernelSizes | [3, 3]",       // a kernel size listed twice
        "stages[0].kernelSizes | []",
        "stages[0].stride | 3",
        "stages | []",
        "name | \"a/b\"",
        "name | \"\"",
        "training.epochs | \"6\"",              // wrong types: no coercion on either side
        "training.epochs | 6.5",
        "search.enabled | 1",
        "stages[0].channels | null",            // the one field without a default
        "stages[0] | null",
        "stages[0].kernelSizes | [3, null]",
        "$schema | 3",
    })
    void aBadConfigIsRefusedByBoth(String path, String value) throws Exception {
        bothRefuse(path, value);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "pruning.targetSparsity | 0.99",        // edges
        "training.momentum | 0",
        "training.learningRate | 10",
        "stages[0].kernelSizes | [1]",
        "data.trainLimit | 6e3",                // whole numbers written as decimals: the reader takes them
        "training.epochs | 6.0",
        "training.optimizer | null",            // null is the default, as a field left out
        "network | null",
        "data.path | null",
        "$schema | \"anything/else.json\"",
    })
    void aGoodEdgeIsAcceptedByBoth(String path, String value) throws Exception {
        String config = edited(path, value);
        assertEquals(List.of(), schemaErrors(config), path + " = " + value);
        ConfigIo.parseResolved(Path.of("edited.json"), config);
    }

    @Test
    void withoutStagesOrAStagesChannelsBothRefuse() throws Exception {
        ObjectNode noStages = quickstart();
        noStages.remove("stages");
        refusedByBoth(noStages.toString(), "without stages");
        ObjectNode noChannels = quickstart();
        ((ObjectNode) noChannels.path("stages").path(0)).remove("channels");
        refusedByBoth(noChannels.toString(), "without stages[0].channels");
    }

    /** A default the schema publishes holds whatever the rest of the config: other epochs, another dataset. */
    @ParameterizedTest(name = "{0} epochs of {1}")
    @CsvSource({"3, cifar10", "120, idx", "10, fashion-mnist-canvas"})
    void everyPublishedDefaultIsTheResolversForAnyConfig(int epochs, String dataset) throws Exception {
        SearchSpaceConfig resolved = ConfigResolver.resolve(ConfigIo.parse(Path.of("defaults.json"),
                "{\"data\": {\"dataset\": \"" + dataset + "\"}, \"stages\": [{\"channels\": 8}], "
                        + "\"training\": {\"epochs\": " + epochs + "}}"));
        JsonNode values = JSON.valueToTree(resolved);
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        collectDefaults(ConfigSchema.generate(), "", defaults);
        assertTrue(defaults.size() > 50, "defaults found: " + defaults.keySet());
        defaults.forEach((path, value) -> {
            if (!path.equals("data.dataset") && !path.equals("training.epochs")) { // set above
                assertEquals(value, values.at("/" + path.replace(".", "/").replace("[]", "/0")), path);
            }
        });
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static List<String> schemaErrors(String config) {
        return SCHEMA.validate(config, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static ObjectNode quickstart() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(SampleEdits.sample("quickstart")));
    }

    private static void bothRefuse(String path, String value) throws Exception {
        refusedByBoth(edited(path, value), path + " = " + value);
    }

    /** The quickstart sample with one field set; {@code $schema} too, which SampleEdits' paths cannot name. */
    private static String edited(String path, String value) throws IOException {
        if (!path.equals(SchemaReference.FIELD)) {
            return SampleEdits.edit("quickstart", path, value);
        }
        ObjectNode config = quickstart();
        config.set(path, JSON.readTree(value));
        return config.toString();
    }

    private static void refusedByBoth(String config, String what) {
        assertFalse(schemaErrors(config).isEmpty(), "the schema accepts " + what);
        try {
            ConfigIo.parseResolved(Path.of("edited.json"), config);
            fail("the reader and validator accept " + what);
        } catch (ConfigException expected) {
            // refused by both
        }
    }

    /**
     * The schema accepts the value; the validator does too, or refuses it for a rule across fields that the
     * schema states in words: the field it names says so in its description.
     */
    private static void schemaAcceptsAndValidatorAgreesOrSaysWhy(String path, String value) throws Exception {
        String config = edited(path, value);
        assertEquals(List.of(), schemaErrors(config), "the schema refuses " + path + " = " + value);
        try {
            ConfigIo.parseResolved(Path.of("edited.json"), config);
        } catch (ConfigException e) {
            JsonNode schema = ConfigSchema.generate();
            for (ValidationIssue issue : e.issues()) {
                String description = property(schema, FieldRules.generic(issue.path())).path("description").asText();
                assertTrue(description.contains("checked by validate"), "the validator refuses " + path + " = "
                        + value + " for " + issue + ", which the schema's description of " + issue.path()
                        + " does not mention");
            }
        }
    }

    private static List<String> intervalPaths() {
        List<String> paths = new ArrayList<>();
        collectIntervals(ConfigSchema.generate(), "", paths);
        return paths;
    }

    /** The paths of the schema's fields that have an interval in {@link FieldRules}, in the schema's order. */
    private static void collectIntervals(JsonNode node, String path, List<String> out) {
        node.path("properties").fields().forEachRemaining(e -> {
            String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (FieldRules.intervalOf(child).isPresent()) {
                out.add(child);
            }
            collectIntervals(e.getValue(), child, out);
            collectIntervals(e.getValue().path("items"), child + "[]", out);
        });
    }

    private static void collectDefaults(JsonNode node, String path, Map<String, JsonNode> out) {
        node.path("properties").fields().forEachRemaining(e -> {
            String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (e.getValue().has("default")) {
                out.put(child, e.getValue().get("default"));
            }
            collectDefaults(e.getValue(), child, out);
            collectDefaults(e.getValue().path("items"), child + "[]", out);
        });
    }

    /** The schema of the field at a generic path such as {@code stages[].repeats}. */
    private static JsonNode property(JsonNode schema, String path) {
        JsonNode node = schema;
        for (String step : path.split("\\.")) {
            boolean item = step.endsWith("[]");
            node = node.path("properties").path(item ? step.substring(0, step.length() - 2) : step);
            if (item) {
                node = node.path("items");
            }
        }
        return node;
    }

    private static String typeOf(JsonNode schema, String path) {
        return property(schema, path).path("type").toString();
    }

    private static String concrete(String path) {
        return path.replace("[]", "[0]");
    }

    private static String number(double value, boolean whole) {
        return whole ? Long.toString((long) value) : Double.toString(value);
    }
}
